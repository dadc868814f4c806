/**
 * @concord/core — pure TypeScript, no Node or DOM APIs: the scenario format, the
 * conflict model, the state space and preferences.
 */
export * from "./problems.js";
export * from "./dates.js";
export * from "./model/expression.js";
export * from "./model/types.js";
export * from "./scenario/schema.js";
export * from "./scenario/types.js";
export { loadScenario, validateDocument, detectFormat, registerImporter, type InputFormat, type LoadOptions, type Loaded, type Importer } from "./scenario/load.js";
export { StateSpace, parseYn } from "./statespace/space.js";
export { MAX_STATES } from "./statespace/enumerate.js";
export { computePayoffs, rankOf, truthColumn, type Payoffs } from "./statespace/payoffs.js";
export { scenarioJsonSchema } from "./scenario/json-schema.js";
export { generateModel, randomRankings, rng, type GenerateOptions } from "./model/generate.js";
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
