/**
 * Use case: how the conflict can move from today's state — every state reachable
 * by unilateral improvements (or by any unilateral moves), with a shortest path, and
 * the equilibria among them.
 */
import { statusQuoAnalysis, type Result, type StatusQuoAnalysis } from "@concord/core";
import { atOption, conceptsOption, stateOption } from "./options.js";
import { inlineRunner, type AnalysisRunner } from "./runner.js";
import { openModel, type ScenarioInput } from "./source.js";

export interface StatusQuoOptions {
  /** improvements (default): each move improves its mover's position; moves: any unilateral move. */
  readonly by?: "improvements" | "moves";
  /** The state to start from, from 1; default: the model's status quo. */
  readonly from?: number | string;
  /** Concepts whose equilibria are looked for; default: nash, gmr, smr, seq. */
  readonly concepts?: string | readonly string[];
}

export async function statusQuo(input: ScenarioInput, options: StatusQuoOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<StatusQuoAnalysis>> {
  const concepts = conceptsOption(options.concepts);
  if (!concepts.ok) return concepts;
  const opened = openModel(input, " to analyse");
  if (!opened.ok) return opened;
  const { space } = opened.value;
  const from = options.from === undefined ? undefined : stateOption(space, options.from, "from");
  if (from && !from.ok) return from;
  const a = await runner.analyze(space, concepts.value);
  return atOption(statusQuoAnalysis(a, options.by ?? "improvements", from?.value), "from");
}
