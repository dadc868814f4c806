/**
 * Commitments as of a day: which term is running, when it expires, whether it will
 * renew by itself, and until when a party can still give notice. Also the record's
 * deadline events, with the days left.
 *
 * Terms are counted from the start (or from the end of the first term when it is
 * given as a date), so month-end clamping never drifts: a 6-month term from 31 August
 * ends on the last day of February, and the next on 31 August. A term ends on its
 * anniversary, which is also the first day of the next term. Notice must be given on
 * or before expiry minus the notice period; a notice given later takes effect at the
 * end of the following term.
 */
import { isoDay } from "../dates.js";
import { addMonths } from "./duration.js";
import type { NegotiationRecord, RecordCommitment } from "./record.js";

export interface CommitmentTerm {
  readonly id: string;
  readonly what: string;
  readonly bound: readonly string[];
  readonly document?: string;
  readonly article?: string;
  /** True when the commitment is only claimed, not shown by a document. */
  readonly alleged?: boolean;
  /**
   * not-started: starts after the day; running: in force; expired: its last term is
   * over; ended: ended early (see `ended`).
   */
  readonly state: "not-started" | "running" | "expired" | "ended";
  /** YYYY-MM-DD of the start. */
  readonly from: string;
  readonly renewal: "automatic" | "by-agreement" | "none";
  /** The term in force (1 = first) and its dates, when the commitment has terms. */
  readonly term?: number;
  readonly termStart?: string;
  readonly expiry?: string;
  readonly daysToExpiry?: number;
  /** Whether the term in force will be followed by another if nobody acts. */
  readonly renewsAtExpiry?: boolean;
  /** Last day to give notice against renewal of the term in force, and the days left (negative: passed). */
  readonly noticeDeadline?: string;
  readonly daysToNoticeDeadline?: number;
  readonly noticeWindowOpen?: boolean;
  readonly noticeBy?: readonly string[];
  /** Notices given on or before the day. */
  readonly notices: readonly { readonly by: string; readonly date: string }[];
  /** The day it ends for good, when known (last expiry without renewal, or an early end). */
  readonly endsOn?: string;
  readonly ended?: { readonly date: string; readonly reason?: string };
  /** True when a date it rests on is approximate or not known to the day. */
  readonly approximate: boolean;
}

export interface DeadlineEvent {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly status: string;
  readonly participants: readonly string[];
  /** Days from the day of the view to the deadline (negative: passed). */
  readonly daysLeft: number;
}

export interface Deadlines {
  readonly asOf: string;
  readonly commitments: readonly CommitmentTerm[];
  readonly deadlines: readonly DeadlineEvent[];
}

/** Commitments and deadline events on `day` (a day number). */
export function deadlines(record: NegotiationRecord, day: number): Deadlines {
  const commitments = record.commitments.map((c) => commitmentTerm(record, c, day));
  const events = record.events
    .map((e, i) => ({ e, i, first: e.date.first }))
    .filter(({ e }) => e.kind === "deadline")
    .sort((a, b) => a.first - b.first || a.i - b.i)
    .map(({ e, first }) => ({
      id: e.id,
      title: e.title,
      date: e.date.text,
      status: e.status ?? "happened",
      participants: e.participants ?? [],
      daysLeft: first - day,
    }));
  return { asOf: isoDay(day), commitments, deadlines: events };
}

const MAX_TERMS = 10_000;

/** Where one commitment stands on `day`. */
export function commitmentTerm(record: NegotiationRecord, c: RecordCommitment, day: number): CommitmentTerm {
  const from = c.from;
  const renewal = c.renewal?.kind ?? "none";
  const first = c.term;
  const renewTerm = c.renewal?.term ?? first;
  const notice = c.renewal?.notice;
  const to = c.to;
  const notices = c.notices.filter((n) => n.date.first <= day).sort((a, b) => a.date.first - b.date.first);
  const ended = c.ended !== undefined && c.ended.date.first <= day ? c.ended : undefined;
  const approximate = [from, ...(to ? [to] : []), ...notices.map((n) => n.date)].some((d) => d.approximate || d.precision !== "day");
  const documentParties = record.documents.find((d) => d.id === c.document)?.author;
  const noticeBy = c.renewal?.noticeBy ?? c.parties ?? documentParties ?? c.bound;
  const base = {
    id: c.id,
    what: c.what,
    bound: c.bound,
    ...(c.document !== undefined ? { document: c.document } : {}),
    ...(c.article !== undefined ? { article: c.article } : {}),
    ...(c.alleged ? { alleged: true } : {}),
    from: isoDay(from.first),
    renewal,
    notices: notices.map(({ by, date }) => ({ by, date: date.text })),
    ...(ended ? { ended: { date: ended.date.text, ...(ended.reason !== undefined ? { reason: ended.reason } : {}) } } : {}),
    approximate,
  };
  if (ended) return { ...base, state: "ended", endsOn: isoDay(ended.date.first) };
  if (day < from.first) return { ...base, state: "not-started" };

  // End of term k (0-based), counted from the anchor so month ends do not drift.
  const endOf = (k: number): number | undefined => {
    if (to) return renewTerm ? addMonths(to.first, k * renewTerm.months) + k * renewTerm.days : k === 0 ? to.first : undefined;
    if (!first) return undefined;
    const r = renewTerm ?? first;
    return addMonths(from.first, first.months + k * r.months) + first.days + k * r.days;
  };
  if (endOf(0) === undefined) return { ...base, state: "running" };

  const deadlineOf = (end: number): number | undefined => (notice ? addMonths(end, -notice.months) - notice.days : undefined);
  const maxRenewals = c.renewal?.maxRenewals;
  for (let k = 0; k < MAX_TERMS; k++) {
    const start = k === 0 ? from.first : endOf(k - 1)!;
    const end = endOf(k);
    if (end === undefined) break;
    const deadline = deadlineOf(end);
    const noticeInTime = deadline !== undefined && notices.some((n) => n.date.first <= deadline);
    const renews = renewal === "automatic" && !noticeInTime && (maxRenewals === undefined || k < maxRenewals);
    if (day < end) {
      return {
        ...base,
        state: "running",
        term: k + 1,
        termStart: isoDay(start),
        expiry: isoDay(end),
        daysToExpiry: end - day,
        renewsAtExpiry: renews,
        ...(deadline !== undefined && renewal === "automatic"
          ? { noticeDeadline: isoDay(deadline), daysToNoticeDeadline: deadline - day, noticeWindowOpen: renews && day <= deadline, noticeBy }
          : {}),
        ...(renews ? {} : { endsOn: isoDay(end) }),
      };
    }
    if (!renews) return { ...base, state: "expired", term: k + 1, termStart: isoDay(start), expiry: isoDay(end), daysToExpiry: end - day, renewsAtExpiry: false, endsOn: isoDay(end) };
  }
  return { ...base, state: "running" };
}
