/**
 * The record in date order: events, documents handed over and statements, each with
 * the actors involved and the sources it rests on.
 */
import { isoDay, type DateSpan } from "../dates.js";
import { withMembers } from "./actors.js";
import { sourceIdsOf } from "./normalise.js";
import type { NegotiationRecord } from "./record.js";

export interface TimelineEntry {
  /** The date as written in the record (e.g. 2023-11-21, 2023-09, ~2023-10). */
  readonly date: string;
  readonly until?: string;
  /** First day the date can mean, as YYYY-MM-DD (the sort key). */
  readonly day: string;
  /** day, month, year, or range for a span A/B. */
  readonly precision: DateSpan["precision"];
  readonly approximate: boolean;
  readonly type: "event" | "document" | "statement";
  readonly id: string;
  /** Event kind, document kind, or the statement's kinds joined with "/". */
  readonly kind: string;
  /** Event status (happened, cancelled, …); document status as recorded, if any. */
  readonly status?: string;
  /** Event or document title; for a statement, its quote. */
  readonly title: string;
  /** Participants, authors and recipients, or speaker (and who relayed it). */
  readonly actors: readonly string[];
  readonly track?: string;
  readonly place?: string;
  readonly sources: readonly string[];
}

export interface TimelineFilter {
  /** Day numbers (see dates.ts); entries overlapping [from, to] are kept. */
  readonly from?: number;
  readonly to?: number;
  /** An actor id: entries involving it or any of its members (memberOf) are kept. */
  readonly actor?: string;
  /** Entry types (event, document, statement) or kinds (meeting, proposal, opinion, …); any match keeps an entry. */
  readonly kinds?: readonly string[];
}

const TYPE_ORDER = { event: 0, document: 1, statement: 2 } as const;

/** The record's entries in date order (then events, documents, statements; then document order), filtered. */
export function timeline(record: NegotiationRecord, filter: TimelineFilter = {}): TimelineEntry[] {
  const rows: { entry: TimelineEntry; first: number; last: number; kinds: readonly string[]; order: number }[] = [];
  const push = (
    base: Omit<TimelineEntry, "date" | "until" | "day" | "precision" | "approximate">,
    d: DateSpan,
    until: DateSpan | undefined,
    kinds: readonly string[],
    order: number,
  ): void => {
    const entry: TimelineEntry = {
      date: d.text,
      ...(until !== undefined ? { until: until.text } : {}),
      ...base,
      day: isoDay(d.first),
      precision: d.precision,
      approximate: d.approximate,
    };
    rows.push({ entry, first: d.first, last: (until ?? d).last, kinds, order });
  };
  record.events.forEach((e, i) =>
    push(
      {
        type: "event",
        id: e.id,
        kind: e.kind,
        status: e.status ?? "happened",
        title: e.title,
        actors: unique([...(e.participants ?? []), ...(e.by ?? []), ...(e.to ?? []), ...(e.declinedBy ?? [])]),
        ...(e.track !== undefined ? { track: e.track } : {}),
        ...(e.place !== undefined ? { place: e.place } : {}),
        sources: sourceIdsOf(e.sources),
      },
      e.date,
      e.until,
      [e.kind],
      i,
    ),
  );
  record.documents.forEach((d, i) =>
    push(
      {
        type: "document",
        id: d.id,
        kind: d.kind,
        ...(d.status !== undefined ? { status: d.status } : {}),
        title: d.title,
        actors: unique([...d.author, ...d.to, ...(d.thirdParties ?? [])]),
        ...(d.track !== undefined ? { track: d.track } : {}),
        sources: sourceIdsOf(d.sources),
      },
      d.date,
      undefined,
      [d.kind],
      i,
    ),
  );
  record.statements.forEach((s, i) =>
    push(
      {
        type: "statement",
        id: s.id,
        kind: s.kinds.join("/"),
        title: s.quote,
        actors: unique([s.speaker, ...(s.reportedBy !== undefined ? [s.reportedBy] : [])]),
        sources: sourceIdsOf(s.sources),
      },
      s.date,
      undefined,
      s.kinds,
      i,
    ),
  );

  const involved = filter.actor !== undefined ? withMembers(record, filter.actor) : undefined;
  const kinds = filter.kinds?.map((k) => k.toLowerCase());
  return rows
    .filter((r) => filter.from === undefined || r.last >= filter.from)
    .filter((r) => filter.to === undefined || r.first <= filter.to)
    .filter((r) => involved === undefined || r.entry.actors.some((a) => involved.has(a)))
    .filter((r) => kinds === undefined || kinds.includes(r.entry.type) || r.kinds.some((k) => kinds.includes(k)))
    .sort((a, b) => a.first - b.first || TYPE_ORDER[a.entry.type] - TYPE_ORDER[b.entry.type] || a.order - b.order)
    .map((r) => r.entry);
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
