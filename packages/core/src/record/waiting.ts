/**
 * Who is waiting on whom: documents and proposals handed to someone who has not
 * answered yet (and for how many days), and on each track who holds the pen, that
 * is, whose turn it is to produce the next text.
 */
import { isoDay, type DateSpan } from "../dates.js";
import type { DocumentEntry } from "../format/record-schema.js";
import type { NegotiationRecord } from "./record.js";
import { answersTo, documentStatus, expectsAnswer } from "./status.js";

export interface WaitingItem {
  readonly type: "document" | "event";
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  /** Who handed or proposed it. */
  readonly from: readonly string[];
  /** Recipients who have not answered. */
  readonly awaiting: readonly string[];
  /** Recipients who have answered (when several were asked). */
  readonly answered: readonly string[];
  readonly track?: string;
  /** The date it was handed, as written. */
  readonly since: string;
  /** Days waited: at least `minDays`, at most `maxDays` (equal for dates known to the day). */
  readonly minDays: number;
  readonly maxDays: number;
}

export interface Pen {
  readonly track: string;
  readonly name: string;
  /**
   * awaiting-answer: the holders must answer the latest text;
   * answered-without-text: the latest text was answered by an event, not a new text,
   * so its authors hold the pen again; agreed: the latest text is signed or
   * initialled; not-handed: the latest text names no recipient, so its authors hold
   * it; no-text: no text has been handed on this track.
   */
  readonly state: "awaiting-answer" | "answered-without-text" | "agreed" | "not-handed" | "no-text";
  readonly holders: readonly string[];
  readonly document?: string;
  readonly since?: string;
  readonly minDays?: number;
  readonly maxDays?: number;
}

export interface Waiting {
  /** The day the view is computed for, YYYY-MM-DD. */
  readonly asOf: string;
  readonly waiting: readonly WaitingItem[];
  readonly pens: readonly Pen[];
}

const PEN_KINDS: readonly DocumentEntry["kind"][] = ["draft", "proposal", "counter-proposal", "response", "comments", "agreement"];

/** Who awaits whose answer and who holds the pen on each track, on `day` (a day number). */
export function waiting(record: NegotiationRecord, day: number): Waiting {
  const items: (WaitingItem & { order: number })[] = [];
  const span = (d: DateSpan): { minDays: number; maxDays: number } => ({ minDays: day - d.last, maxDays: day - d.first });
  const pending = (id: string, recipients: readonly string[]): { awaiting: string[]; answered: string[] } => {
    const answers = answersTo(record, id, day);
    // An answer that names no actor answers for everyone.
    if (answers.some((a) => a.by.length === 0)) return { awaiting: [], answered: [...recipients] };
    const by = new Set(answers.flatMap((a) => a.by));
    return { awaiting: recipients.filter((r) => !by.has(r)), answered: recipients.filter((r) => by.has(r)) };
  };

  record.documents.forEach((d, i) => {
    if (!expectsAnswer(d)) return;
    const status = documentStatus(record, d, day);
    if (status !== "submitted" && status !== "answered") return;
    const { awaiting, answered } = pending(d.id, d.to);
    if (awaiting.length === 0) return;
    items.push({
      type: "document", id: d.id, title: d.title, kind: d.kind, from: d.author, awaiting, answered,
      ...(d.track !== undefined ? { track: d.track } : {}), since: d.date.text, ...span(d.date), order: i,
    });
  });
  record.events.forEach((e, i) => {
    if (e.kind !== "proposal" || (e.status ?? "happened") !== "happened" || (e.to ?? []).length === 0) return;
    if (e.date.first > day) return;
    const { awaiting, answered } = pending(e.id, e.to!);
    if (awaiting.length === 0) return;
    items.push({
      type: "event", id: e.id, title: e.title, kind: e.kind, from: e.by ?? e.participants ?? [], awaiting, answered,
      ...(e.track !== undefined ? { track: e.track } : {}), since: e.date.text, ...span(e.date), order: 10_000 + i,
    });
  });
  const sorted = items
    .sort((a, b) => b.maxDays - a.maxDays || a.order - b.order)
    .map(({ order: _order, ...rest }) => rest);

  const pens: Pen[] = [];
  for (const t of record.tracks) {
    if (t.since !== undefined && t.since.first > day) continue;
    const texts = record.documents
      .map((d, i) => ({ d, i, first: d.date.first }))
      .filter(({ d, first }) => d.track === t.id && PEN_KINDS.includes(d.kind) && first <= day)
      .filter(({ d }) => documentStatus(record, d, day) !== "withdrawn")
      .sort((a, b) => a.first - b.first || a.i - b.i);
    const latest = texts[texts.length - 1]?.d;
    if (!latest) {
      pens.push({ track: t.id, name: t.name, state: "no-text", holders: [] });
      continue;
    }
    const status = documentStatus(record, latest, day);
    const base = { track: t.id, name: t.name, document: latest.id, since: latest.date.text, ...span(latest.date) };
    if (status === "signed" || status === "initialled") pens.push({ ...base, state: "agreed", holders: [] });
    else if (latest.to.length === 0) pens.push({ ...base, state: "not-handed", holders: latest.author });
    else if (status === "answered") pens.push({ ...base, state: "answered-without-text", holders: latest.author });
    else pens.push({ ...base, state: "awaiting-answer", holders: latest.to });
  }
  return { asOf: isoDay(day), waiting: sorted, pens };
}
