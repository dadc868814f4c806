/**
 * Edits to a scenario's model made on its text, in place: the rest of the file (the
 * record, the notes, comments, line breaks) stays exactly as written, so a saved revision
 * differs from the last only where the user changed something. Only the model section
 * is parsed (the seed's record is five times longer), to find where each value sits.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Document } from "yaml";

export type ModelPath = readonly (string | number)[];

export interface ModelSection {
  /** The model as plain data (what the forms show), or null when the scenario has none. */
  readonly model: ModelData | null;
  /** A YAML syntax error in the model section, if any. */
  readonly error?: string;
}

/** The parts of the model the editor shows, loosely typed: the validator says what is wrong. */
export interface ModelData {
  readonly decisionMakers?: readonly DmData[];
  readonly feasibility?: readonly Record<string, unknown>[];
  readonly statusQuo?: { readonly taken?: readonly string[] } & Record<string, unknown>;
  readonly [key: string]: unknown;
}
export interface DmData {
  readonly id?: string;
  readonly name?: string;
  readonly actor?: string;
  readonly options?: readonly OptionData[];
  readonly preferences?: readonly (string | PreferenceData)[];
  readonly ranking?: readonly unknown[];
  readonly [key: string]: unknown;
}
export interface OptionData {
  readonly id?: string;
  readonly label?: string;
  readonly oneWay?: string;
  readonly alternatives?: readonly { readonly id?: string; readonly label?: string }[];
  readonly [key: string]: unknown;
}
export interface PreferenceData {
  readonly statement?: string;
  readonly estimate?: boolean;
  readonly note?: string;
  readonly [key: string]: unknown;
}

interface Located {
  readonly start: number;
  readonly doc: Document.Parsed;
}

/** Where the top-level `model:` section starts and ends in the text. */
function sectionOf(text: string): { start: number; end: number } | null {
  const m = /^model:/m.exec(text);
  if (!m) return null;
  const next = /^[A-Za-z_"'][^\n]*:/m;
  const rest = text.slice(m.index + 6);
  const n = next.exec(rest);
  return { start: m.index, end: n ? m.index + 6 + n.index : text.length };
}

const cache = new Map<string, Located | null>();
function locate(text: string): Located | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const s = sectionOf(text);
  const located = s ? { start: s.start, doc: parseDocument(text.slice(s.start, s.end), { keepSourceTokens: false }) } : null;
  if (cache.size > 8) cache.clear();
  cache.set(text, located);
  return located;
}

export function readModel(text: string): ModelSection {
  const l = locate(text);
  if (!l) return { model: null };
  if (l.doc.errors.length > 0) return { model: null, error: l.doc.errors[0]!.message };
  const js = l.doc.toJS() as { model?: ModelData } | null;
  return { model: js?.model ?? null };
}

function nodeAt(l: Located, path: ModelPath): Node | null {
  const n = l.doc.getIn(["model", ...path], true);
  return n && typeof n === "object" && "range" in n ? (n as Node) : null;
}

const splice = (text: string, from: number, to: number, insert: string): string => text.slice(0, from) + insert + text.slice(to);

/** A value as YAML on one line: plain where that reads the same, else double-quoted. */
export function scalarText(value: string | boolean): string {
  if (typeof value === "boolean") return String(value);
  const plain = /^(?:[A-Za-z0-9_(]|-(?=\S))[^#\n]*$/.test(value) && !/:(\s|$)/.test(value) && !/\s$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-+]?[0-9.]+)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** The text with the scalar at `path` set to `value`; a missing key of a mapping is added after its first entry. */
export function setValue(text: string, path: ModelPath, value: string | boolean): string {
  const l = locate(text);
  if (!l) return text;
  const node = nodeAt(l, path);
  if (node && isScalar(node) && node.range) return splice(text, l.start + node.range[0], l.start + node.range[1], scalarText(value));
  if (node) return text;
  // A key the mapping does not have yet.
  const parent = nodeAt(l, path.slice(0, -1));
  const key = path[path.length - 1];
  if (typeof key !== "string" || !parent) return text;
  if (isScalar(parent) && parent.range && key === "estimate") {
    // A statement written as a bare string becomes a mapping to carry the flag.
    return splice(text, l.start + parent.range[0], l.start + parent.range[1], `{ statement: ${scalarText(String(parent.value))}, estimate: ${scalarText(value)} }`);
  }
  if (!isMap(parent) || parent.items.length === 0) return text;
  const first = parent.items[0]!;
  const firstValue = first.value as Node | null;
  const at = firstValue?.range?.[1];
  if (at === undefined) return text;
  if (parent.flow) return splice(text, l.start + at, l.start + at, `, ${key}: ${scalarText(value)}`);
  const keyNode = first.key as Node;
  const column = columnOf(text, l.start + keyNode.range![0]);
  return splice(text, l.start + at, l.start + at, `\n${" ".repeat(column)}${key}: ${scalarText(value)}`);
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

/** The whole lines an item of a block sequence spans, from its line's start to past its last line's newline. */
function itemLines(text: string, l: Located, seqPath: ModelPath, index: number): { from: number; to: number } | null {
  const seq = nodeAt(l, seqPath);
  if (!seq || !isSeq(seq) || seq.flow) return null;
  const item = seq.items[index] as Node | undefined;
  if (!item?.range) return null;
  const from = text.lastIndexOf("\n", l.start + item.range[0] - 1) + 1;
  const endAt = l.start + item.range[1];
  // valueEnd may sit at the start of the next line (block mappings end with their newline).
  const nl = text.indexOf("\n", text[endAt - 1] === "\n" ? endAt - 1 : endAt);
  return { from, to: nl < 0 ? text.length : nl + 1 };
}

export function removeItem(text: string, seqPath: ModelPath, index: number): string {
  const l = locate(text);
  const lines = l && itemLines(text, l, seqPath, index);
  return lines ? splice(text, lines.from, lines.to, "") : text;
}

/** Swaps item `index` with its neighbour `index + delta` (±1). */
export function moveItem(text: string, seqPath: ModelPath, index: number, delta: -1 | 1): string {
  const l = locate(text);
  if (!l) return text;
  const a = itemLines(text, l, seqPath, Math.min(index, index + delta));
  const b = itemLines(text, l, seqPath, Math.max(index, index + delta));
  if (!a || !b || a.to > b.from) return text;
  const first = text.slice(a.from, a.to);
  const between = text.slice(a.to, b.from);
  const second = text.slice(b.from, b.to);
  return text.slice(0, a.from) + second + between + first + text.slice(b.to);
}

/** Appends an item (one line of flow YAML, e.g. `{ id: x, label: "y" }`) to the block sequence at `seqPath`. */
export function addItem(text: string, seqPath: ModelPath, item: string): string {
  const l = locate(text);
  if (!l) return text;
  const seq = nodeAt(l, seqPath);
  if (!seq || !isSeq(seq) || seq.flow || seq.items.length === 0) return text;
  const lines = itemLines(text, l, seqPath, seq.items.length - 1)!;
  const lastItem = seq.items[seq.items.length - 1] as Node;
  const dash = text.lastIndexOf("-", l.start + lastItem.range![0] - 1);
  const indent = columnOf(text, dash);
  return splice(text, lines.to, lines.to, `${" ".repeat(indent)}- ${item}\n`);
}
