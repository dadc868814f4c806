/**
 * YAML's parse errors, rewritten for people who write scenarios by hand: what is
 * wrong in plain words, placed where the fix goes (an unclosed "[" or quote is
 * reported where it opens, not at the end of the file), one problem per line
 * (the parser's follow-up errors on the same line are noise).
 */
import { isCollection, isPair, isScalar, visit, type Document, type YAMLError } from "yaml";
import type { Problem } from "../problems.js";
import { sortProblems } from "../problems.js";

type At = (offset: number) => { line: number; column: number };

interface Rewritten {
  readonly message: string;
  /** Where to report it (an offset in the text). */
  readonly offset: number;
  /** For an unclosed "[" or "{": the range of the collection it opens. */
  readonly unclosed?: readonly [number, number];
  /** An indentation problem, best shown at the line's first non-blank character. */
  readonly indent?: boolean;
  /** A tab used for indentation: the one problem to report on its line. */
  readonly tab?: boolean;
}

/** One problem per line with a parse error, in reading order. */
export function syntaxProblems(doc: Document, text: string, errors: readonly YAMLError[], at: At, file: string | undefined): Problem[] {
  const kept: Rewritten[] = [];
  const lines = new Set<number>();
  for (const error of errors) {
    const line = at(error.pos[0]).line;
    if (lines.has(line)) continue;
    lines.add(line);
    const r = rewrite(doc, text, error);
    // The parser places indentation errors at the start of the line; the reader looks at its first word.
    kept.push(r.indent ? { ...r, offset: r.offset + (/^ */.exec(text.slice(r.offset))?.[0].length ?? 0) } : r);
  }
  // A tab in the indentation throws off the indentation of its line and the lines below it: the tab
  // is what to fix, so the indentation problems that follow from it are left out.
  const tab = kept.find((r) => r.tab);
  const clear = tab ? kept.filter((r) => r.tab || (at(r.offset).line !== at(tab.offset).line && !r.message.startsWith("bad indentation"))) : kept;
  // An unclosed collection makes every collection around it unclosed too: keep the innermost.
  const inner = clear.filter((r) => !r.unclosed || !clear.some((o) => o !== r && o.unclosed && o.unclosed[0] > r.unclosed![0] && o.unclosed[0] < r.unclosed![1]));
  return sortProblems(
    inner.map((r) => ({ code: "syntax" as const, message: `syntax error: ${r.message}`, path: [], ...(file ? { file } : {}), ...at(r.offset) })),
  );
}

/** The problem for a document whose aliases cannot be expanded (`toJS` threw). */
export function aliasProblem(doc: Document, at: At, file: string | undefined): Problem {
  let unresolved: { source: string; offset: number } | undefined;
  let first: { source: string; offset: number } | undefined;
  visit(doc, {
    Alias(_key, node) {
      const here = { source: node.source, offset: node.range?.[0] ?? 0 };
      first ??= here;
      if (!node.resolve(doc)) {
        unresolved = here;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  const base = { code: "syntax" as const, path: [], ...(file ? { file } : {}) };
  if (unresolved) {
    return { ...base, message: `syntax error: the alias "*${unresolved.source}" refers to no anchor "&${unresolved.source}" defined above it`, ...at(unresolved.offset) };
  }
  return {
    ...base,
    message: "syntax error: the aliases (*name) expand into too many copies (more than 100); write the values out instead",
    ...at(first?.offset ?? 0),
  };
}

function rewrite(doc: Document, text: string, e: YAMLError): Rewritten {
  const offset = e.pos[0];
  const msg = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  const flow = /^Flow (sequence|map)\b.*end with an? (.)$/.exec(msg);
  if (flow) {
    const node = findNode(doc, (n) => isCollection(n) && n.flow === true && n.range?.[1] === offset);
    const open = flow[1] === "sequence" ? "[" : "{";
    const what = flow[1] === "sequence" ? "list" : "mapping";
    if (node?.range) {
      return { message: `"${open}" is never closed; expected "${flow[2]}" to end the ${what} it opens`, offset: node.range[0], unclosed: [node.range[0], node.range[1]] };
    }
    return { message: `a "${open}" before this point is never closed; expected "${flow[2]}"`, offset };
  }
  const quote = /^Missing closing (["'])quote/.exec(msg);
  if (quote) {
    const node = findNode(doc, (n) => isScalar(n) && (n.type === "QUOTE_DOUBLE" || n.type === "QUOTE_SINGLE") && n.range?.[1] === offset);
    return { message: `the quoted text that starts here is never closed; expected a closing ${quote[1]}`, offset: node?.range?.[0] ?? offset };
  }
  switch (e.code) {
    case "DUPLICATE_KEY": {
      const key = findDuplicateKey(doc, offset);
      return { message: `duplicate key${key === undefined ? "" : ` "${key}"`}: a key may appear only once in a mapping`, offset };
    }
    case "TAB_AS_INDENT":
      return { message: "a tab is used for indentation; YAML indents with spaces only", offset, tab: true };
    case "BAD_INDENT":
      if (msg.startsWith("All mapping items")) return { message: "bad indentation: the keys of one mapping must start in the same column", offset, indent: true };
      break;
    case "MISSING_CHAR":
      if (msg.startsWith("Sequence item without")) {
        return { message: "bad indentation: this line lines up neither with the keys above it nor with a list item (\"- \")", offset, indent: true };
      }
      if (/^Missing , between flow/.test(msg)) return { message: 'missing "," before this item', offset };
      break;
    case "MULTIPLE_DOCS":
      return { message: 'a second document starts here ("---"); a scenario file holds one document', offset };
    case "BLOCK_AS_IMPLICIT_KEY": {
      // Either the value holds ": " (Label: text) or the next line is indented too far.
      const rest = text.slice(offset).split("\n", 1)[0]!;
      if (/:(\s|$)/.test(rest)) return { message: `the value "${rest.trim()}" contains ": "; put it in quotes`, offset };
      const next = /\n[ \t]*(?=\S)/.exec(text.slice(offset));
      if (next) return { message: "bad indentation: this line is indented further than the keys above it", offset: offset + next.index + next[0].length };
      return { message: 'a value here is followed by a nested mapping: put the value in quotes if it contains ": ", or check the indentation of the line below', offset };
    }
    case "MULTILINE_IMPLICIT_KEY":
      return { message: 'a key must fit on one line: is a ":" missing, or is the line below indented too far?', offset };
    case "BLOCK_IN_FLOW":
      return { message: 'unexpected text inside "[…]" or "{…}": is a "," missing?', offset };
    case "TAG_RESOLVE_FAILED": {
      const tag = /tag: (\S+)/.exec(msg)?.[1] ?? "!";
      return { message: `"${tag}" is read as a YAML tag; put text that starts with "!" in quotes (in a statement, "-" also means not)`, offset };
    }
    case "BAD_SCALAR_START": {
      const c = /character (.)$/.exec(msg)?.[1];
      if (c) return { message: `a value cannot start with "${c}" unless it is in quotes`, offset };
      break;
    }
  }
  return { message: msg.charAt(0).toLowerCase() + msg.slice(1), offset };
}

type AnyNode = { range?: [number, number, number] | null };

function findNode(doc: Document, test: (n: unknown) => boolean): AnyNode | undefined {
  let found: AnyNode | undefined;
  visit(doc, {
    Node(_key, node) {
      if (test(node)) {
        found = node as AnyNode;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function findDuplicateKey(doc: Document, offset: number): string | undefined {
  let key: string | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}
