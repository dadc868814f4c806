/**
 * Small readers of the record's shorthand forms: one actor or a list of them, a
 * source id or a source with a quote. The record is normalised once, when it is
 * loaded (check.ts); these serve that and the writers of new documents (as-of, CSV
 * import).
 */
import { isPartialDate, parseDate } from "../dates.js";
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

/**
 * The day a view is computed for: the last day the date can mean (so "as of 2023-12"
 * counts everything dated in December 2023). Returns an error message for a bad date.
 */
export function asOfDay(text: string): { day: number; text: string } | { error: string } {
  const d = parseDate(text);
  if (!isPartialDate(d)) return { error: d.error };
  return { day: d.last, text: d.text };
}
