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
