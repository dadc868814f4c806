/**
 * Small readers of the record's shorthand forms: one actor or a list of them, a
 * source id or a source with a quote. The record is normalised once, when it is
 * loaded (check.ts); these serve that and the writers of new documents (as-of, CSV
 * import).
 */
import type { SourceRef } from "../format/record-schema.js";
import type { Citation } from "./record.js";

/** `x`, `[x, y]` or nothing, as a list. */
export function asList(x: string | readonly string[] | undefined): string[] {
  if (x === undefined) return [];
  return typeof x === "string" ? [x] : [...x];
}

/** A source reference in its long form. */
export function citationOf(r: SourceRef): Citation {
  return typeof r === "string" ? { source: r } : r;
}

/** The source ids cited, in order, without repeats. */
export function sourceIdsOf(refs: readonly (SourceRef | Citation)[] | undefined): string[] {
  const out: string[] = [];
  for (const r of refs ?? []) {
    const id = typeof r === "string" ? r : r.source;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}
