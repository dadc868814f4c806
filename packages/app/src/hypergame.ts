/**
 * Use case: the misperception view (first-level hypergame) — each decision maker's own
 * reading of the others' preferences, and which equilibria hold only because someone
 * misreads someone (or fall because of it). Core's serialisable form, states from 1.
 */
import { analyzeHypergame, hypergameJson, ok, type HypergameJson, type Result } from "@concord/core";
import { conceptsOption } from "./options.js";
import { inlineRunner, type AnalysisRunner } from "./runner.js";
import { openModel, type ScenarioInput } from "./source.js";

export interface HypergameOptions {
  /** Concepts as a list or comma-separated; default all four. */
  readonly concepts?: string | readonly string[];
}

export async function hypergame(input: ScenarioInput, options: HypergameOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<HypergameJson>> {
  const concepts = conceptsOption(options.concepts);
  if (!concepts.ok) return concepts;
  const opened = openModel(input, " to analyse");
  if (!opened.ok) return opened;
  return ok(hypergameJson(analyzeHypergame(await runner.analyze(opened.value.space, concepts.value))));
}
