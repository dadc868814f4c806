/**
 * The negotiation record as the views read it: parsed once, when the scenario is
 * loaded (record/check.ts builds it while checking). Dates are DateSpans, terms are
 * Durations, and the format's shorthand forms are expanded: one actor or a list is a
 * list, a source id or a source with a quote is a Citation, a statement's kind or
 * kinds is a list. Each list is in document order, so entry i is the document's
 * entry i.
 */
import type { DateSpan } from "../dates.js";
import type { ActorInfo, SourceInfo } from "../format/schema.js";
import type { Duration } from "./duration.js";
import type {
  ClaimEntry,
  CommitmentEntry,
  DocumentEntry,
  EventEntry,
  FactEntry,
  NoticeEntry,
  RenewalEntry,
  StatementEntry,
  StatementKind,
  TrackEntry,
} from "../format/record-schema.js";

/** A source an entry rests on, with the words and the page. */
export interface Citation {
  readonly source: string;
  readonly quote?: string;
  readonly page?: string;
  readonly note?: string;
}

export type RecordSource = Omit<SourceInfo, "date"> & { readonly date?: DateSpan };

export type RecordTrack = Omit<TrackEntry, "since" | "until" | "sources"> & {
  readonly since?: DateSpan;
  readonly until?: DateSpan;
  readonly sources: readonly Citation[];
};

export type RecordDocument = Omit<DocumentEntry, "author" | "to" | "date" | "statusDate" | "sources"> & {
  readonly author: readonly string[];
  readonly to: readonly string[];
  readonly date: DateSpan;
  readonly statusDate?: DateSpan;
  readonly sources: readonly Citation[];
};

export type RecordEvent = Omit<EventEntry, "date" | "until" | "statusDate" | "announced" | "sources"> & {
  readonly date: DateSpan;
  readonly until?: DateSpan;
  readonly statusDate?: DateSpan;
  readonly announced?: DateSpan;
  readonly sources: readonly Citation[];
};

/** A claim; for a fact of type date, `span` is the date or span claimed. */
export type RecordClaim = ClaimEntry & { readonly span?: DateSpan };

export type RecordStatement = Omit<StatementEntry, "date" | "kind" | "claims" | "sources"> & {
  readonly date: DateSpan;
  readonly kinds: readonly StatementKind[];
  readonly claims: readonly RecordClaim[];
  readonly sources: readonly Citation[];
};

export type RecordRenewal = Omit<RenewalEntry, "term" | "notice"> & { readonly term?: Duration; readonly notice?: Duration };

export type RecordNotice = Omit<NoticeEntry, "date" | "sources"> & { readonly date: DateSpan; readonly sources: readonly Citation[] };

export type RecordCommitment = Omit<CommitmentEntry, "from" | "to" | "term" | "renewal" | "notices" | "ended" | "sources"> & {
  readonly from: DateSpan;
  readonly to?: DateSpan;
  readonly term?: Duration;
  readonly renewal?: RecordRenewal;
  readonly notices: readonly RecordNotice[];
  readonly ended?: { readonly date: DateSpan; readonly reason?: string; readonly sources: readonly Citation[] };
  readonly sources: readonly Citation[];
};

export interface NegotiationRecord {
  readonly sources: readonly RecordSource[];
  readonly actors: readonly ActorInfo[];
  readonly facts: readonly FactEntry[];
  readonly tracks: readonly RecordTrack[];
  readonly documents: readonly RecordDocument[];
  readonly events: readonly RecordEvent[];
  readonly statements: readonly RecordStatement[];
  readonly commitments: readonly RecordCommitment[];
  /** The last day any event, document, statement or commitment start can mean (undefined for an empty record). */
  readonly lastDay?: number;
}

/** Whether there is anything in the record beyond sources and actors. */
export function hasEntries(r: NegotiationRecord): boolean {
  return [r.facts, r.tracks, r.documents, r.events, r.statements, r.commitments].some((x) => x.length > 0);
}
