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
