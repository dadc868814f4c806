/**
 * Use case: why a state is or is not stable for a decision maker — its unilateral
 * improvements and, for each, the shortest sequence of the others' moves that
 * deters it, if any.
 */
import { explain as explainState, findDecisionMaker, ok, type BasicConcept, type Explanation, type Result } from "@concord/core";
import { atOption, conceptsOption, stateOption } from "./options.js";
import { inlineRunner, type AnalysisRunner } from "./runner.js";
import { openModel, type ScenarioInput } from "./source.js";

export interface ExplainOptions {
  /** The state number, from 1. */
  readonly state: number | string;
  /** The decision maker: its id or name, its actor's id, name or alias, or the start of one. */
  readonly dm: string;
  /** Concepts as a list or comma-separated; default: nash, gmr, smr, seq. */
  readonly concepts?: string | readonly string[];
}

/** One explanation per concept asked for, in the order nash, gmr, smr, seq. */
export async function explain(input: ScenarioInput, options: ExplainOptions, runner: AnalysisRunner = inlineRunner): Promise<Result<readonly Explanation[]>> {
  const concepts = conceptsOption(options.concepts);
  if (!concepts.ok) return concepts;
  const opened = openModel(input, " to analyse");
  if (!opened.ok) return opened;
  const { loaded, space } = opened.value;
  const s = stateOption(space, options.state);
  if (!s.ok) return s;
  const d = atOption(findDecisionMaker(loaded.scenario, options.dm), "dm");
  if (!d.ok) return d;
  const a = await runner.analyze(space, concepts.value);
  return ok(a.concepts.map((c: BasicConcept) => explainState(a, s.value, d.value, c)));
}

