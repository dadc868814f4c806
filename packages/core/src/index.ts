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
export { loadScenario, validateDocument, detectFormat, type InputFormat, type LoadOptions, type Loaded } from "./scenario/load.js";
export { importGmcr, exportGmcr, formatGmcr, type GmcrImport, type GmcrImportOptions } from "./interop/gmcr-py.js";
export { GmcrFileSchema, type GmcrFile, type GmcrCondition, type GmcrConjunction, type GmcrCompound, type GmcrLiteral, type GmcrRanking } from "./interop/gmcr-schema.js";
export { StateSpace, parseYn } from "./statespace/space.js";
export { MAX_STATES } from "./statespace/enumerate.js";
export { computePayoffs, rankOf, truthColumn, type Payoffs } from "./statespace/payoffs.js";
export { scenarioJsonSchema } from "./scenario/json-schema.js";
export { generateModel, randomRankings, rng, type GenerateOptions } from "./model/generate.js";
