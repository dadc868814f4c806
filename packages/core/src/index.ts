/**
 * @concord/core — pure TypeScript, no Node or DOM APIs: the scenario format, the
 * conflict model, the state space and preferences, the stability engine, settlement.
 */
export * from "./problems.js";
export * from "./dates.js";
export * from "./words.js";
export * from "./numbering.js";
export * from "./limits.js";
export * from "./model/expression.js";
export { exprWords } from "./model/expression-words.js";
export * from "./model/types.js";
export { choiceOf, optionValues, valueChanges, valueText, valueWords, optionName, type OptionValue, type ValueChange } from "./model/values.js";
export * from "./format/schema.js";
export * from "./scenario/types.js";
export { loadScenario, scenarioWarnings, validateDocument, detectFormat, type InputFormat, type LoadOptions, type Loaded } from "./scenario/load.js";
export { findDecisionMaker } from "./scenario/decision-maker.js";
export { importGmcr, exportGmcr, formatGmcr, gmcrExportNotes, type GmcrImport, type GmcrImportOptions } from "./interop/gmcr-py.js";
export { GmcrFileSchema, type GmcrFile, type GmcrCondition, type GmcrConjunction, type GmcrCompound, type GmcrLiteral, type GmcrRanking } from "./interop/gmcr-schema.js";
export { StateSpace, parseYn } from "./statespace/space.js";
export { MAX_STATES } from "./statespace/enumerate.js";
export { computePayoffs, rankOf, truthColumn, type Payoffs } from "./statespace/payoffs.js";
export { scenarioJsonSchema, SCENARIO_SCHEMA_ID } from "./format/json-schema.js";
export { generateModel, randomRankings, rng, type GenerateOptions } from "./scenario/generate.js";
export * from "./stability/concepts.js";
export { analyze, prepareAnalysis, finishAnalysis, analyzeDm, engineData, type Analysis, type PreparedAnalysis, type PrepareOptions } from "./stability/analysis.js";
export {
  sanctionPass, passesFor, allocMinimums, stabilityFromMinimums, stabilityForDm, equilibria,
  type SanctionMinimums, type SanctionPass, type DmStability, type EngineData,
} from "./stability/engine.js";
export { buildMoveIndex, movesFrom, legalMove, moveIndexPart, assembleMoveIndex, stateVectors, MAX_GROUP_BITS, type MoveIndex, type MoveIndexPart, type Int32Alloc } from "./stability/moves.js";
export { buildSortedCells, type SortedCells } from "./stability/cells.js";
export { explain, type Explanation, type ImprovementExplanation } from "./stability/explain.js";
export { limitedMove, nonMyopic, twoDecisionMakers, TWO_DM_ONLY, type LimitedMoveResult, type NonMyopicResult } from "./stability/limited-move.js";
export { describeMove, moveText, changeText, type MoveDescription, type OptionChange } from "./stability/describe.js";
export * from "./format/record-schema.js";
export { CAMEO_CODES } from "./record/cameo-codes.js";
export { parseDuration, formatDuration, addDuration, addMonths, type Duration } from "./record/duration.js";
export { checkRecord, checkEvidenceRefs, type RecordIds, type RecordParts, type KnownIds } from "./record/check.js";
export { asList, citationOf, sourceIdsOf } from "./record/normalise.js";
export {
  hasEntries,
  type NegotiationRecord, type Citation, type RecordSource, type RecordTrack, type RecordDocument, type RecordEvent,
  type RecordStatement, type RecordClaim, type RecordCommitment, type RecordRenewal, type RecordNotice,
} from "./record/record.js";
export { viewDay, type ViewDay, type ViewDayOptions } from "./scenario/view-day.js";
export { resolveSources, citeSource, type ResolvedSource } from "./record/sources.js";
export { findActor, withMembers, actorName } from "./record/actors.js";
export { documentStatus, answersTo, expectsAnswer, type DocumentStatus, type Answer } from "./record/status.js";
export { timeline, type TimelineEntry, type TimelineFilter } from "./record/timeline.js";
export { waiting, type Waiting, type WaitingItem, type Pen } from "./record/waiting.js";
export { deadlines, commitmentTerm, type Deadlines, type CommitmentTerm, type DeadlineEvent } from "./record/deadlines.js";
export { contradictions, agree, type Contradiction, type ContradictionSide } from "./record/contradictions.js";
export { decisionMakerEvidence, resolveEvidence, type DecisionMakerEvidence, type ResolvedEvidence } from "./record/evidence.js";
export { asOf, type AsOf, type AsOfInput } from "./record/as-of.js";
export { csvSeparator, isFormulaLike, neutraliseCell, readCsv, restoreCell, writeCsv, type CsvRow } from "./record/csv.js";
export { exportCameo, importCameo, cameoRowProblems, defaultCameo, cameoOf, CAMEO_COLUMNS, type CameoImport } from "./record/cameo.js";
export { exportPax, PAX_COLUMNS } from "./record/pax.js";
export { compareVersions, type VersionComparison, type ArticleComparison } from "./record/compare.js";
export { statusQuoAnalysis, statusQuoReach, pathTo, type StatusQuoAnalysis, type ReachedState, type ReachedEquilibrium } from "./stability/status-quo.js";
export type { SettlementParty, SettlementIssue, Alternative, Valuation, ValueInput, PointsInput, PackagesInput, Choice, Disagreement, Proposal } from "./valuation/types.js";
export { compilePoints, compilePackages, type CompiledPoints, type CompiledPackages, type Named, type NamedIssue, type ValueSource } from "./valuation/validate.js";
export { adjustedWinner, adjustedWinnerOf, checkDivision, type AdjustedWinnerResult, type AwIssueShare, type AwTransfer, type Certificate, type DivisionCheck } from "./settlement/adjusted-winner.js";
export { paretoFrontier, type Frontier } from "./settlement/frontier.js";
export { settlePackages, settleCompiled, packageWords, type PackagesResult, type PackagesOptions, type FrontierPoint, type Solution, type ProposalResult, type ExcludedPackage } from "./settlement/packages.js";
export { boxesOf, frontierWithin, inBoxes, type PackageBoxes } from "./settlement/feasible.js";
export { joinWords } from "./settlement/words.js";
export { fairAndStable, type PackageToState, type FairStableOptions, type FairStableResult, type PackageStability } from "./settlement/fair-stable.js";
export { valuationSensitivity, type ValuationSensitivityOptions, type ValuationSensitivityResult, type ParameterSensitivity, type Segment, type SolutionAt } from "./settlement/sensitivity.js";
export { packageBoxes, packageStates, rulingConditions } from "./settlement/model-map.js";
export { settlementDocumentPath, type ScenarioSettlement, type SettlementIssueInfo, type SettlementAlternativeInfo } from "./scenario/settlement.js";
export { unperceivedStates, hasMisperceptions, restrictToPerceived } from "./stability/unperceived.js";
export { coalitionsOf, coalitionName, coalitionIds, parseCoalition, parsePartition, MAX_ALL_COALITIONS_DMS, type Coalition } from "./coalition/coalitions.js";
export { coalitionStability, otherDecisionMakers, type CoalitionFlags, type CoalitionPass } from "./coalition/stability.js";
export {
  analyzeCoalitions, analyzePartition, coalitionAnalysisJson, partitionAnalysisJson,
  type CoalitionAnalysis, type CoalitionResult, type FallenEquilibrium, type PartitionAnalysis,
  type CoalitionAnalysisJson, type PartitionAnalysisJson, type CoalitionJson,
} from "./coalition/analysis.js";
export { explainCoalition, type CoalitionExplanation, type JointImprovement, type MemberGain, type ExplainOptions } from "./coalition/explain.js";
export { reachable, coalitionalImprovements, shortestSequence, type Step } from "./coalition/moves.js";
export { coalitionStatusQuo, type CoalitionStatusQuo, type CoalitionReachedState, type JointStep } from "./coalition/status-quo.js";
export { analyzeHypergame, hypergameJson, perceivedModel, type Hypergame, type PerceivedGame, type MisreadingEffect, type HypergameJson, type EffectJson } from "./perception/hypergame.js";
export { jointMoveReport, type JointMoveReport } from "./coalition/question.js";
export { reachFrom, pathSteps, type ReachFrom } from "./stability/reach-from.js";
export { compileStatement, compileModelStatement, type CompiledStatement, type ChoiceNames } from "./scenario/compile.js";
export { resolveTarget, targetStates, matchTarget, stateFilter, type Target, type TargetMatch } from "./mediation/targets.js";
export { stabilize, pullsAt, type StabilizeOptions, type StabilizeResult, type DmPulls, type Pull, type TargetReach, type BlockedStep } from "./mediation/stabilize.js";
export { searchChanges, PayoffMemo, type ChangeSearch, type FoundChange, type ChangePart, type SearchCoverage, type SearchOptions } from "./mediation/search.js";
export { type PreferenceChange, type ChangeWords } from "./mediation/changes.js";
export { withThirdPartyOption, type ThirdPartyOption, type ExpandedModel } from "./mediation/third-party.js";
export { listEstimates, type Estimate, type EstimateItem, type Variation, type VariationKind } from "./mediation/estimates.js";
export { sensitivity, answerWords, answerChange, type SensitivityResult, type SensitivityOptions, type ConclusionSensitivity, type ConclusionAnswer, type StateSet } from "./mediation/sensitivity.js";
export {
  robustness, planRobustness, robustnessChunk, mergeRobustness, robustnessResult, variantChoices,
  type RobustnessPlan, type RobustnessOptions, type RobustnessCounts, type RobustnessResult, type StateRobustness,
} from "./mediation/robustness.js";
export { fewestBlockedPath, type PathStep } from "./mediation/paths.js";
export { deadlineAnalysis, type DeadlineAnalysis, type DeadlineStep, type SettledOption } from "./mediation/deadlines.js";
export { historyCheck, type HistoryCheck, type HistoryStep, type Prediction, type ObservedStates } from "./mediation/history.js";
export { reanalyse, payoffsWith } from "./mediation/variant.js";
export { decide, statementRef, stateWords, type StatementRef, type StateWords, type Decision } from "./mediation/words.js";
