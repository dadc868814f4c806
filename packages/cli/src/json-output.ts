/**
 * What each command prints with --json, as types: the source of the JSON Schemas in
 * schema/cli/ (`npm run schema`) and of docs/cli-json.md. Every command prints one
 * envelope, core's Result: the value, or the problems.
 */
import type {
  AnalyzeResult,
  AsOfResult,
  CompactAnalyzeResult,
  CompactStatesResult,
  Contradiction,
  DeadlinesResult,
  DeadlineAnalysis,
  DecisionMakerEvidence,
  Explanation,
  HistoryCheck,
  HypergameJson,
  ImportEventsResult,
  Problem,
  StatesResult,
  TimelineEntry,
  ValidateResult,
  VersionComparison,
  WaitingResult,
} from "@concord/app";

/** Success with the command's value, or the problems (bad input, bad options, a file that cannot be read). */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** `concord report --json`: what was written. */
export interface ReportWritten {
  /** The report itself, as an absolute path. */
  readonly report: string;
  /** Every file written, the report first (Markdown: the pictures beside it). */
  readonly files: readonly string[];
  readonly format: "html" | "md";
  readonly title: string;
}

/** `concord init --json`: the new scenario and the JSON Schema its first line points to (absolute paths). */
export interface InitWritten {
  readonly file: string;
  readonly schema: string;
}

/** `concord export -o FILE --json`: the file written and how many rows it holds. */
export interface ExportWritten {
  readonly file: string;
  readonly rows: number;
}

/** `concord import-events --json`: the event ids added, updated and unchanged. */
export type ImportEventsSummary = Pick<ImportEventsResult, "added" | "updated" | "unchanged">;

export type ValidateOutput = Envelope<ValidateResult>;
/** Above 10,000 states without --all: the compact form. */
export type StatesOutput = Envelope<StatesResult | CompactStatesResult>;
/** Above 10,000 states without --all: the compact form. */
export type AnalyzeOutput = Envelope<AnalyzeResult | CompactAnalyzeResult>;
/** One explanation with --concept, else one per concept. */
export type ExplainOutput = Envelope<Explanation | readonly Explanation[]>;
export type TimelineOutput = Envelope<readonly TimelineEntry[]>;
export type WaitingOutput = Envelope<WaitingResult>;
export type DeadlinesOutput = Envelope<DeadlinesResult>;
/** A scenario document, as schema/scenario.schema.json describes it (its schema refers there). */
export type ScenarioDocumentJson = Readonly<Record<string, unknown>>;

/** Ids of what as-of left out, by collection, and the paths of dropped evidence. */
export interface AsOfDropped {
  readonly sources: readonly string[];
  readonly tracks: readonly string[];
  readonly documents: readonly string[];
  readonly events: readonly string[];
  readonly statements: readonly string[];
  readonly commitments: readonly string[];
  readonly evidence: readonly string[];
}

/** `concord as-of --json`: the restricted scenario and the ids of what was dropped. */
export interface AsOfValue {
  readonly document: ScenarioDocumentJson;
  readonly dropped: AsOfDropped;
}

/** Written out here because the generator cannot read the zod-inferred document type; this fails to compile if they part. */
export type AsOfDroppedIsCurrent = [AsOfResult["dropped"], AsOfDropped] extends [AsOfDropped, AsOfResult["dropped"]] ? true : never;
export const AS_OF_DROPPED_IS_CURRENT: AsOfDroppedIsCurrent = true;

/** Without -o: the restricted scenario and what was dropped; with -o: what was dropped. */
export type AsOfOutput = Envelope<AsOfValue | AsOfDropped>;
export type ContradictionsOutput = Envelope<readonly Contradiction[]>;
export type EvidenceOutput = Envelope<DecisionMakerEvidence>;
export type CompareOutput = Envelope<VersionComparison>;
/** Without -o: the rows, column → value; with -o: what was written. */
export type ExportOutput = Envelope<readonly Readonly<Record<string, string>>[] | ExportWritten>;
export type ImportEventsOutput = Envelope<ImportEventsSummary>;
export type ReportOutput = Envelope<ReportWritten>;
export type InitOutput = Envelope<InitWritten>;
export type TimeOutput = Envelope<DeadlineAnalysis>;
export type HistoryOutput = Envelope<HistoryCheck>;
export type HypergameOutput = Envelope<HypergameJson>;

/** Each command with --json, and the type its output has (schema/cli/<command>.schema.json). */
export const JSON_OUTPUTS = {
  validate: "ValidateOutput",
  states: "StatesOutput",
  analyze: "AnalyzeOutput",
  explain: "ExplainOutput",
  timeline: "TimelineOutput",
  waiting: "WaitingOutput",
  deadlines: "DeadlinesOutput",
  "as-of": "AsOfOutput",
  contradictions: "ContradictionsOutput",
  evidence: "EvidenceOutput",
  compare: "CompareOutput",
  export: "ExportOutput",
  "import-events": "ImportEventsOutput",
  report: "ReportOutput",
  init: "InitOutput",
  time: "TimeOutput",
  history: "HistoryOutput",
  hypergame: "HypergameOutput",
} as const;
