/**
 * Turns text into a plain value while remembering where every value came from, so
 * that a problem found at a document path can be reported at line:column.
 * YAML and JSON share one parser: JSON is YAML 1.2, and the yaml package keeps the
 * source range of every node.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from "yaml";
import { nestingProblem, nestingTooDeep } from "../limits.js";
import { fail, ok, type DocPath, type Result } from "../problems.js";
import { aliasProblem, syntaxProblems } from "./syntax.js";

export interface ParsedText {
  readonly value: unknown;
  /**
   * Line and column (1-based) of the value at a path, or of its nearest existing
   * ancestor; with `offset`, of that character inside a one-line text value.
   */
  locate(path: DocPath, atKey?: boolean, offset?: number): { line: number; column: number } | undefined;
}

export function parseText(text: string, file?: string): Result<ParsedText> {
  // Checked before parsing: the parser and everything after it recurse once per level.
  const deep = nestingTooDeep(text);
  if (deep) return fail([nestingProblem(lineColumnAt(text, deep.offset), file)]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const at = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // Warnings too: an unknown tag (`!talks`) would otherwise silently become empty text.
  if (doc.errors.length + doc.warnings.length > 0) return fail(syntaxProblems(doc, text, [...doc.errors, ...doc.warnings], at, file));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch {
    // toJS throws on an alias without an anchor and on alias bombs.
    return fail([aliasProblem(doc, at, file)]);
  }
  const locate = (path: DocPath, atKey = false, offset?: number): { line: number; column: number } | undefined => locatePath(doc, text, path, at, atKey, offset);
  // An escape such as "\ud800" makes half a character: output would silently show U+FFFD instead.
  const broken = loneSurrogate(value, []);
  if (broken) return fail([{ code: "syntax", path: broken, ...(file !== undefined ? { file } : {}), ...(locate(broken) ?? {}), message: "the text holds an escaped half character (a lone \\ud800–\\udfff surrogate); write the character itself or its full pair" }]);
  return ok({ value, locate });
}

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first key or text value holding a lone surrogate (nesting is bounded, so recursion is safe). */
function loneSurrogate(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value === "string") return LONE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = loneSurrogate(v, [...path, i]);
      if (p) return p;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (LONE.test(k)) return [...path, k];
      const p = loneSurrogate(v, [...path, k]);
      if (p) return p;
    }
  }
  return undefined;
}

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function locatePath(
  doc: Document,
  text: string,
  path: DocPath,
  at: (offset: number) => { line: number; column: number },
  atKey: boolean,
  offset?: number,
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let best: { line: number; column: number } | undefined = rangeStart(node, at);
  let reached = path.length === 0;
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
    reached = depth === path.length - 1;
  }
  if (reached && offset !== undefined && best) return withinScalar(node, text, offset, at) ?? best;
  return best;
}

/**
 * The position of character `offset` of a text value written on one line, where
 * source and value agree character for character (plain, or quoted without escapes).
 */
function withinScalar(node: unknown, text: string, offset: number, at: (offset: number) => { line: number; column: number }): { line: number; column: number } | undefined {
  if (!isScalar(node) || typeof node.value !== "string" || !node.range) return undefined;
  const source = text.slice(node.range[0], node.range[1]);
  const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
  if (node.type !== "PLAIN" && !quoted) return undefined;
  const inner = quoted ? source.slice(1, -1) : source;
  if (inner !== node.value || offset > inner.length) return undefined;
  return at(node.range[0] + (quoted ? 1 : 0) + offset);
}

function rangeStart(node: unknown, at: (offset: number) => { line: number; column: number }): { line: number; column: number } | undefined {
  const r = (node as YamlNode | null | undefined)?.range;
  return r ? at(r[0]) : undefined;
}
