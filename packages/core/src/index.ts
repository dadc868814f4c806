/**
 * @concord/core — pure TypeScript, no Node or DOM APIs: the scenario format, the
 * conflict model, the state space and preferences, the stability engine.
 */
export * from "./problems.js";
export * from "./dates.js";
export * from "./model/expression.js";
export * from "./model/types.js";
export * from "./scenario/schema.js";
export * from "./scenario/types.js";
export { loadScenario, validateDocument, detectFormat, type InputFormat, type LoadOptions, type Loaded } from "./scenario/load.js";
export { importGmcr, exportGmcr, formatGmcr, type GmcrImport, type GmcrImportOptions } from "./interop/gmcr-py.js";
export { GmcrFileSchema, type GmcrFile, type GmcrCondition, type GmcrConjunction, type GmcrCompound, type GmcrLiteral, type GmcrRanking } from "./interop/gmcr-schema.js";
export { StateSpace, parseYn } from "./statespace/space.js";
export { MAX_STATES } from "./statespace/enumerate.js";
export { computePayoffs, rankOf, truthColumn, type Payoffs } from "./statespace/payoffs.js";
export { scenarioJsonSchema } from "./scenario/json-schema.js";
export { generateModel, randomRankings, rng, type GenerateOptions } from "./model/generate.js";
export * from "./stability/concepts.js";
export { analyze, prepareAnalysis, finishAnalysis, analyzeDm, analysisJson, engineData, type Analysis, type PreparedAnalysis, type PrepareOptions, type AnalysisJson } from "./stability/analysis.js";
export {
  sanctionPass, passesFor, allocMinimums, stabilityFromMinimums, stabilityForDm, equilibria,
  type SanctionMinimums, type SanctionPass, type DmStability, type EngineData,
} from "./stability/engine.js";
export { buildMoveIndex, movesFrom, legalMove, type MoveIndex, type Int32Alloc } from "./stability/moves.js";
export { buildSortedCells, type SortedCells } from "./stability/cells.js";
export { explain, type Explanation, type ImprovementExplanation } from "./stability/explain.js";
export { limitedMove, nonMyopic, TWO_DM_ONLY, type LimitedMoveResult, type NonMyopicResult } from "./stability/limited-move.js";
export { describeState, describeMove, moveText, type MoveDescription, type OptionChange } from "./model/describe.js";
export * from "./record/schema.js";
export { CAMEO_CODES } from "./record/cameo-codes.js";
export { parseDuration, formatDuration, addDuration, addMonths, type Duration } from "./record/duration.js";
export { checkRecord, checkEvidenceRefs, type RecordIds } from "./record/check.js";
export { asList, sourceIdsOf, kindsOf, asOfDay } from "./record/normalise.js";
export { resolveSources, citeSource, type ResolvedSource } from "./record/sources.js";
export { findActor, withMembers, actorName } from "./record/actors.js";
export { documentStatus, answersTo, expectsAnswer, type DocumentStatus, type Answer } from "./record/status.js";
export { timeline, type TimelineEntry, type TimelineFilter } from "./record/timeline.js";
export { waiting, type Waiting, type WaitingItem, type Pen } from "./record/waiting.js";
export { deadlines, commitmentTerm, type Deadlines, type CommitmentTerm, type DeadlineEvent } from "./record/deadlines.js";
export { contradictions, agree, type Contradiction, type ContradictionSide } from "./record/contradictions.js";
export { decisionMakerEvidence, resolveEvidence, type DecisionMakerEvidence, type ResolvedEvidence } from "./record/evidence.js";
export { asOf, type AsOf } from "./record/as-of.js";
export { readCsv, writeCsv, type CsvRow } from "./record/csv.js";
export { exportCameo, importCameo, defaultCameo, cameoOf, CAMEO_COLUMNS, type CameoImport } from "./record/cameo.js";
export { exportPax, PAX_COLUMNS } from "./record/pax.js";
export { compareVersions, type VersionComparison, type ArticleComparison } from "./record/compare.js";
export { statusQuoAnalysis, type StatusQuoAnalysis, type ReachedState } from "./stability/status-quo.js";
export { reachFrom, pathSteps, type ReachFrom } from "./stability/reach-from.js";
export { decide, statementRef, type Decision, type StatementRef } from "./mediation/words.js";
