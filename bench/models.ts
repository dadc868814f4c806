/**
 * The benchmark models, sized as the issues' targets say: reproducible from a seed
 * and built as ordinary scenario documents, so they go through validation like any file.
 */
import { generateModel, type ScenarioDocument } from "@concord/app";

export interface BenchModel {
  readonly name: string;
  readonly doc: ScenarioDocument;
}

/**
 * Option counts per DM, `statements` per DM, one-way options with probability
 * `oneWay`, and `conditions` infeasible patterns of `width` literals (each removes
 * about 1/2^width of the states).
 */
function build(sizes: readonly number[], statements: number, oneWay: number, conditions: number, width: number, seed: number): ScenarioDocument {
  const doc = generateModel({ decisionMakers: sizes.length, options: sizes, statements, oneWay, seed });
  const ids = doc.model!.decisionMakers.flatMap((d) => d.options.map((o) => o.id));
  const feasibility = Array.from({ length: conditions }, (_, c) => ({
    infeasible: Array.from({ length: width }, (_, k) => `${(c + k) % 2 ? "-" : ""}${ids[(c * 3 + k * 5) % ids.length]}`).join(" & "),
  }));
  return { ...doc, model: { ...doc.model!, feasibility } };
}

/** Issue "Foundation": 24 options (4 DMs × 6), 10 statements each, a few conditions. */
export function enumerationModel(): BenchModel {
  return { name: "24 options (4 DMs × 6), 10 statements each, 3 conditions", doc: build([6, 6, 6, 6], 10, 0.1, 3, 3, 24) };
}

/** Issue "Stability engine": about 2^bits states, 4 DMs, two rare conditions, some one-way options. */
export function stabilityModel(bits: number): BenchModel {
  const sizes = [0, 1, 2, 3].map((d) => Math.floor(bits / 4) + (d < bits % 4 ? 1 : 0));
  return { name: `2^${bits} option vectors, 4 DMs (${sizes.join("+")} options)`, doc: build(sizes, 6, 0.15, 2, 5, bits) };
}

/** Issue "The engine at the limit": about 2^bits states, 3 DMs, two rare conditions, some one-way options. */
export function threeDmModel(bits: number): BenchModel {
  const sizes = [0, 1, 2].map((d) => Math.floor(bits / 3) + (d < bits % 3 ? 1 : 0));
  return { name: `2^${bits} option vectors, 3 DMs (${sizes.join("+")} options)`, doc: build(sizes, 6, 0.15, 2, 5, bits) };
}

/**
 * Issue "The engine at the limit": the kind of model gmcr-py was timed on side by side
 * (3 DMs, 14 options, 6,048 states). Three "not both" pairs and one "not all three"
 * triple on disjoint options leave 2^14 × (3/4)^3 × 7/8 = 6,048 states.
 */
export function gmcrPyModel(): BenchModel {
  const doc = generateModel({ decisionMakers: 3, options: [5, 5, 4], statements: 6, oneWay: 0.15, seed: 14 });
  const ids = doc.model!.decisionMakers.flatMap((d) => d.options.map((o) => o.id));
  const groups = [[0, 5], [1, 10], [6, 11], [2, 7, 12]];
  const feasibility = groups.map((g) => ({ infeasible: g.map((o) => ids[o]!).join(" & ") }));
  return { name: "14 options (5+5+4), 3 DMs, 3 exclusive pairs and 1 exclusive triple", doc: { ...doc, model: { ...doc.model!, feasibility } } };
}
