/**
 * @concord/app — the application layer: one function per use case, each taking
 * plain data (a scenario source or an opened scenario, plain options: dates as text,
 * state numbers from 1, decision makers by id, name or the start of one) and
 * returning core's Result with a serialisable value (states numbered from 1,
 * decision makers keyed by id). The CLI and later the server and the web app call
 * only this layer, plus a platform adapter such as @concord/node. No Node or DOM APIs.
 */
export { inlineRunner, robustnessInline, stopIfAborted, variantRange, type AnalysisRunner, type RobustnessJob, type StopSignal, type VariantRange } from "./runner.js";
export { openScenario, actorNames, type ScenarioSource, type ScenarioInput } from "./source.js";
export { valueCell, type DecisionMakerSummary, type OptionSummary, type ModelSummary } from "./summary.js";
/** Which format a text is in (YAML, JSON, gmcr-py), for surfaces that store it. */
export { detectFormat } from "@concord/core";
/** Random model generators and their seeded random numbers, for benches and tests that need models of a given size. */
export { generateModel, randomRankings, rng, type ScenarioDocument } from "@concord/core";
export type { DayOptions } from "./view-day.js";

// The use cases.
export { newScenario, type NewScenarioOptions, type NewScenarioResult } from "./new-scenario.js";
export { validate, RECORD_COLLECTIONS, type ValidateResult, type RecordCollection } from "./validate.js";
export { states, statesView, viewRows, statesJson, compactStatesJson, type StatesOptions, type StatesResult, type StateRow, type StatesView } from "./states.js";
export { analyze, analyzeView, analysisView, analysisResult, viewResult, viewStates, viewStable, type AnalysisView, type AnalyzeOptions, type AnalyzeResult, type StatesByDm, type LimitedMoveStability, type NonMyopicStability } from "./analyze.js";
export { explain, type ExplainOptions } from "./explain.js";
export {
  COMPACT_ABOVE,
  compactAnalysis,
  compactStates,
  expandRanges,
  stateRanges,
  type CompactAnalyzeResult,
  type CompactStatesResult,
  type RangesByDm,
  type StateRanges,
} from "./compact.js";
export { statusQuo, type StatusQuoOptions } from "./status-quo.js";
export { timeline, TIMELINE_KINDS, type TimelineOptions } from "./timeline.js";
export { waiting, type WaitingResult } from "./waiting.js";
export { deadlines, type DeadlinesResult } from "./deadlines.js";
export { asOf, type AsOfOptions, type AsOfResult } from "./as-of.js";
export { contradictions } from "./contradictions.js";
export { evidence, type EvidenceOptions } from "./evidence.js";
export { compare, type CompareOptions } from "./compare.js";
export { convert, type ConvertOptions, type ConvertResult } from "./convert.js";
export { exportRecord, type ExportRecordOptions, type ExportRecordResult } from "./export-record.js";
export { importEvents, type ImportEventsOptions, type ImportEventsResult } from "./import-events.js";
// Mediation: targets, stabilization, estimates, coalitions, time and history.
export { target, targetOption, type TargetOptions, type TargetResult } from "./target.js";
export { stabilize, type StabilizeOptions, type StabilizeUseCaseResult } from "./stabilize.js";
export { sensitivity, type SensitivityOptions, type SensitivityUseCaseResult } from "./sensitivity.js";
export { robustness, robustnessFromParts, robustnessPart, robustnessParts, MAX_PARTS, PART_MIN_VARIANTS, type PartPolicy, type RobustnessOptions, type RobustnessUseCaseResult } from "./robustness.js";
export { coalitions, type CoalitionsOptions, type CoalitionsResult } from "./coalitions.js";
export { timeCheck, historyCheck } from "./time-check.js";
export { hypergame, type HypergameOptions } from "./hypergame.js";
export type { PlainAnswer, Ground, CitedSource } from "./grounds.js";
export type { MediationReportOptions } from "./mediation-hooks.js";
export { defaultRobustnessVariants } from "./mediation-hooks.js";
export { settle, type SettleOptions, type SettleResult, type SettlePackage, type ExcludedSettlePackage, type PackageNeeds, type ByParty } from "./settle.js";
export { report, reportData, brief, type ReportOptions, type ReportDataOptions, type ReportResult, type BriefOptions, type BriefResult, type Built } from "./report.js";

// What surfaces need to present results: core's result types and plain-words helpers.
export {
  BASIC_CONCEPTS,
  CONCEPT_LABELS,
  CONCEPT_NAMES,
  SCENARIO_SCHEMA_ID,
  TWO_DM_ONLY,
  citeSource,
  formatPath,
  formatProblem,
  moveText,
  numberList,
  type BasicConcept,
  type Contradiction,
  type ContradictionSide,
  type CommitmentTerm,
  type DecisionMakerEvidence,
  type DeadlineAnalysis,
  type DeadlineEvent,
  type Deadlines,
  type DocPath,
  type Explanation,
  type HistoryCheck,
  type HypergameJson,
  type ImprovementExplanation,
  type InputFormat,
  type Loaded,
  type MoveDescription,
  type Pen,
  type Problem,
  type ProblemCode,
  type ReachedState,
  type ResolvedEvidence,
  type ResolvedSource,
  type Result,
  type StateNumber,
  type StatusQuoAnalysis,
  type TimelineEntry,
  type VersionComparison,
  type ViewDay,
  type Waiting,
  type WaitingItem,
  type RobustnessCounts,
} from "@concord/core";
export type { BriefData, ReportData } from "@concord/report";
/** The limits on input every surface applies (the CLI's --max-input, the server's upload size): see docs/security.md. */
export { MAX_HORIZON, MAX_INPUT_BYTES, MAX_INPUT_BYTES_CEILING, MAX_NESTING } from "@concord/core";
export { analysisJson, compactAnalysisJson } from "./analysis-json.js";
export { lazyList, writeJson, type LazyList } from "./json-stream.js";
