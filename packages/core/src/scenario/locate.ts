/**
 * Turns text into a plain value while remembering where every value came from, so
 * that a problem found at a document path can be reported at line:column.
 * YAML and JSON share one parser: JSON is YAML 1.2, and the yaml package keeps the
 * source range of every node.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from "yaml";
import type { DocPath, Problem } from "../problems.js";

export interface ParsedText {
  readonly value: unknown;
  /** Line and column (1-based) of the value at a path, or of its nearest existing ancestor. */
  locate(path: DocPath, atKey?: boolean): { line: number; column: number } | undefined;
}

const FRIENDLY: Record<string, string> = {
  DUPLICATE_KEY: "duplicate key: a key may appear only once in a mapping",
  BAD_INDENT: "bad indentation",
  MISSING_CHAR: "missing a closing character",
  UNEXPECTED_TOKEN: "unexpected text",
  MULTIPLE_DOCS: "more than one document in the file; expected one",
  TAB_AS_INDENT: "tabs cannot be used for indentation",
};

export function parseText(text: string, file?: string): { parsed: ParsedText } | { problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const at = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const first = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
        const message = FRIENDLY[e.code] ? `${FRIENDLY[e.code]} (${first})` : first;
        return { code: "syntax" as const, message: `syntax error: ${message}`, path: [], ...(file ? { file } : {}), ...at(e.pos[0]) };
      }),
    };
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  return { parsed: { value, locate: (path, atKey = false) => locatePath(doc, path, at, atKey) } };
}

function locatePath(
  doc: Document,
  path: DocPath,
  at: (offset: number) => { line: number; column: number },
  atKey: boolean,
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let best: { line: number; column: number } | undefined = rangeStart(node, at);
  for (const [depth, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      if (atKey && depth === path.length - 1) return rangeStart(pair.key, at) ?? best;
      // A value-less key (`key:`) has no node: point at the key.
      const target = pair.value ?? pair.key;
      best = rangeStart(target, at) ?? rangeStart(pair.key, at) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key];
      if (item === undefined) break;
      best = rangeStart(item, at) ?? best;
      node = item;
    } else break;
  }
  return best;
}

function rangeStart(node: unknown, at: (offset: number) => { line: number; column: number }): { line: number; column: number } | undefined {
  const r = (node as YamlNode | null | undefined)?.range;
  return r ? at(r[0]) : undefined;
}
