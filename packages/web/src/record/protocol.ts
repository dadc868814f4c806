/**
 * What the record worker computes (record-worker.ts), as plain data: the record's
 * views as they stood on a day — timeline, documents with their version comparisons,
 * statements, contradictions, who waits, deadlines — what the model knew then, and
 * the analysis of today's state with only that knowledge.
 */
import type { Contradiction, DeadlinesResult, Problem, StatusQuoAnalysis, TimelineEntry, VersionComparison, WaitingResult } from "@concord/app";

export interface RecordRequest {
  readonly id: number;
  readonly text: string;
  readonly format: "yaml" | "json" | "gmcr";
  /** YYYY-MM-DD; absent: the scenario's own day. */
  readonly day?: string;
}

export interface SourceRow {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly address?: string;
  /** The http(s) address, when there is one: the only kind the page links to. */
  readonly url?: string;
}

export interface CitationRow {
  readonly source: string;
  readonly quote?: string;
  readonly page?: string;
}

export interface DocumentRow {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly date: string;
  readonly status?: string;
  readonly author: readonly string[];
  readonly to: readonly string[];
  readonly track?: string;
  readonly supersedes?: string;
  readonly articles: number;
  readonly sources: readonly CitationRow[];
  /** Article by article against the version it supersedes. */
  readonly comparison?: VersionComparison;
}

export interface StatementRow {
  readonly id: string;
  readonly date: string;
  readonly speaker: string;
  readonly reportedBy?: string;
  readonly kinds: readonly string[];
  readonly quote: string;
  readonly paraphrase: boolean;
  readonly sources: readonly CitationRow[];
}

export interface ModelKnowledge {
  /** Pieces of evidence behind options and preference statements, on the day and in the full scenario. */
  readonly evidence: number;
  readonly evidenceAll: number;
  /** Preference statements that had evidence in the full scenario and none on the day. */
  readonly unsupported: readonly { readonly dm: string; readonly statement: string }[];
}

export interface RecordView {
  readonly id: number;
  /** The day shown (YYYY-MM-DD) and the scenario's own day. */
  readonly day: string;
  readonly scenarioDay: string;
  /** The first day the record mentions: the slider's start. */
  readonly firstDay: string;
  readonly actors: Readonly<Record<string, string>>;
  readonly tracks: readonly { readonly id: string; readonly name: string }[];
  readonly sources: readonly SourceRow[];
  readonly timeline: readonly TimelineEntry[];
  readonly documents: readonly DocumentRow[];
  readonly statements: readonly StatementRow[];
  readonly contradictions: readonly Contradiction[];
  readonly waiting?: WaitingResult;
  readonly deadlines?: DeadlinesResult;
  /** How many entries of each kind were left out as not yet known on the day. */
  readonly dropped?: Readonly<Record<string, number>>;
  readonly model?: ModelKnowledge;
}

export interface AnalysisView {
  readonly id: number;
  readonly day: string;
  readonly states: number;
  readonly result: StatusQuoAnalysis;
}

export type RecordMessage =
  | { readonly type: "record"; readonly view: RecordView }
  | { readonly type: "analysis"; readonly view: AnalysisView }
  | { readonly type: "failed"; readonly id: number; readonly problems: readonly Problem[] };
