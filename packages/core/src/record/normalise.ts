/**
 * Small readers shared by the record's views: the format allows a few shorthand
 * forms (one actor or a list, a source id or a source with a quote), and these
 * return the one long form.
 */
import { isDateSpan, isPartialDate, parseDate, parseDateSpan, type DateSpan } from "../dates.js";
import type { SourceRef, StatementEntry, StatementKind } from "../format/record-schema.js";

/** `x`, `[x, y]` or nothing, as a list. */
export function asList(x: string | readonly string[] | undefined): string[] {
  if (x === undefined) return [];
  return typeof x === "string" ? [x] : [...x];
}

/** The source ids an entry cites, in order, without repeats. */
export function sourceIdsOf(refs: readonly SourceRef[] | undefined): string[] {
  const out: string[] = [];
  for (const r of refs ?? []) {
    const id = typeof r === "string" ? r : r.source;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** A source reference in its long form. */
export function sourceRefOf(r: SourceRef): { source: string; quote?: string; page?: string; note?: string } {
  return typeof r === "string" ? { source: r } : r;
}

/** Parses a record date (a date or a span A/B) that validation has already accepted; a bad one here is a programming error. */
export function dateOf(text: string): DateSpan {
  const d = parseDateSpan(text);
  if (!isDateSpan(d)) throw new Error(`internal error: unchecked date "${text}": ${d.error}`);
  return d;
}

/** The kinds of a statement as a list. */
export function kindsOf(s: StatementEntry): StatementKind[] {
  return typeof s.kind === "string" ? [s.kind] : [...s.kind];
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
