/**
 * Where a document stands on a given day, worked out from the record: a recorded
 * final status (signed, initialled, rejected, withdrawn) once it has taken effect,
 * otherwise superseded or answered as soon as a later entry says so, otherwise
 * submitted.
 */
import type { ScenarioDocument } from "../format/schema.js";
import { asList, dateOf } from "./normalise.js";
import type { DocumentEntry } from "../format/record-schema.js";

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
export function answersTo(doc: ScenarioDocument, id: string, day: number): Answer[] {
  const out: (Answer & { first: number; order: number })[] = [];
  (doc.documents ?? []).forEach((d, i) => {
    if (d.answers !== id) return;
    const first = dateOf(d.date).first;
    if (first <= day) out.push({ type: "document", id: d.id, date: d.date, by: asList(d.author), first, order: i });
  });
  (doc.events ?? []).forEach((e, i) => {
    if (e.answers !== id || (e.status ?? "happened") !== "happened") return;
    const first = dateOf(e.date).first;
    if (first <= day) out.push({ type: "event", id: e.id, date: e.date, by: e.by ?? e.participants ?? [], first, order: 10_000 + i });
  });
  return out.sort((a, b) => a.first - b.first || a.order - b.order).map(({ type, id: x, date, by }) => ({ type, id: x, date, by }));
}

const FINAL: readonly DocumentStatus[] = ["signed", "initialled", "rejected", "withdrawn", "published", "draft"];

/** The status of a document on `day` (the day number), or undefined if it was not yet dated by then. */
export function documentStatus(doc: ScenarioDocument, d: DocumentEntry, day: number): DocumentStatus | undefined {
  if (dateOf(d.date).first > day) return undefined;
  const recordedFrom = dateOf(d.statusDate ?? d.date).first;
  const recorded = d.status !== undefined && recordedFrom <= day ? d.status : undefined;
  if (recorded !== undefined && FINAL.includes(recorded)) return recorded;
  const superseded = (doc.documents ?? []).some((x) => x.supersedes === d.id && dateOf(x.date).first <= day);
  if (superseded) return "superseded";
  if (answersTo(doc, d.id, day).length > 0) return "answered";
  return recorded ?? "submitted";
}

const TEXT_KINDS: readonly DocumentEntry["kind"][] = ["draft", "proposal", "counter-proposal", "response", "comments"];

/** Whether the recipients of a document are expected to answer it. */
export function expectsAnswer(d: DocumentEntry): boolean {
  return asList(d.to).length > 0 && (d.awaitsAnswer ?? TEXT_KINDS.includes(d.kind));
}
