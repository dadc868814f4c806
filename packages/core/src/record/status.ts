/**
 * Where a document stands on a given day, worked out from the record: a recorded
 * final status (signed, initialled, rejected, withdrawn) once it has taken effect,
 * otherwise superseded or answered as soon as a later entry says so, otherwise
 * submitted.
 */
import type { DocumentEntry } from "../format/record-schema.js";
import type { NegotiationRecord, RecordDocument } from "./record.js";

export type DocumentStatus = NonNullable<DocumentEntry["status"]>;

/** An entry (document or event) that answers another, with who answered. */
export interface Answer {
  readonly type: "document" | "event";
  readonly id: string;
  readonly date: string;
  /** Authors of an answering document, `by` (else participants) of an answering event. */
  readonly by: readonly string[];
}

/** Entries dated on or before `day` that answer `id`, oldest first. */
export function answersTo(record: NegotiationRecord, id: string, day: number): Answer[] {
  const out: (Answer & { first: number; order: number })[] = [];
  record.documents.forEach((d, i) => {
    if (d.answers === id && d.date.first <= day) out.push({ type: "document", id: d.id, date: d.date.text, by: d.author, first: d.date.first, order: i });
  });
  record.events.forEach((e, i) => {
    if (e.answers !== id || (e.status ?? "happened") !== "happened") return;
    if (e.date.first <= day) out.push({ type: "event", id: e.id, date: e.date.text, by: e.by ?? e.participants ?? [], first: e.date.first, order: 10_000 + i });
  });
  return out.sort((a, b) => a.first - b.first || a.order - b.order).map(({ type, id: x, date, by }) => ({ type, id: x, date, by }));
}

const FINAL: readonly DocumentStatus[] = ["signed", "initialled", "rejected", "withdrawn", "published", "draft"];

/** The status of a document on `day` (the day number), or undefined if it was not yet dated by then. */
export function documentStatus(record: NegotiationRecord, d: RecordDocument, day: number): DocumentStatus | undefined {
  if (d.date.first > day) return undefined;
  const recordedFrom = (d.statusDate ?? d.date).first;
  const recorded = d.status !== undefined && recordedFrom <= day ? d.status : undefined;
  if (recorded !== undefined && FINAL.includes(recorded)) return recorded;
  const superseded = record.documents.some((x) => x.supersedes === d.id && x.date.first <= day);
  if (superseded) return "superseded";
  if (answersTo(record, d.id, day).length > 0) return "answered";
  return recorded ?? "submitted";
}

const TEXT_KINDS: readonly DocumentEntry["kind"][] = ["draft", "proposal", "counter-proposal", "response", "comments"];

/** Whether the recipients of a document are expected to answer it. */
export function expectsAnswer(d: RecordDocument): boolean {
  return d.to.length > 0 && (d.awaitsAnswer ?? TEXT_KINDS.includes(d.kind));
}
