/**
 * Use case: the stability analysis — which states are stable for whom under Nash,
 * GMR, SMR and SEQ, the equilibria, and on request limited-move (L_h) and non-myopic
 * stability for two decision makers. States are numbered from 1; decision makers are
 * keyed by id.
 */
import { fail, limitedMove, nonMyopic, ok, TWO_DM_ONLY, type Analysis, type BasicConcept, type Result } from "@concord/core";
import { conceptsOption, countOption, usage } from "./options.js";
import { inlineRunner, type AnalysisRunner } from "./runner.js";
import { modelOf, openScenario, type ScenarioInput } from "./source.js";
import { modelSummary, stateValues, type ModelSummary } from "./summary.js";

export interface AnalyzeOptions {
  /** Concepts as a list or comma-separated (`nash,gmr`); default: nash, gmr, smr, seq. */
  readonly concepts?: string | readonly string[];
  /** Also compute limited-move stability L_h with this horizon (two decision makers only). */
  readonly horizon?: number | string;
  /** Also compute non-myopic stability (two decision makers only). */
  readonly nonMyopic?: boolean;
}

/** State numbers per decision maker id. */
export type StatesByDm = Readonly<Record<string, readonly number[]>>;

export interface LimitedMoveStability {
  readonly horizon: number;
  readonly stability: StatesByDm;
  readonly equilibria: readonly number[];
  /** Whether a tie in the look-ahead was broken by taking the lowest-numbered move. */
  readonly tiesBroken: boolean;
}

export interface NonMyopicStability {
  readonly stability: StatesByDm;
  /** States stable at some horizons of the look-ahead's cycle only. */
  readonly undetermined: StatesByDm;
  readonly equilibria: readonly number[];
  /** The horizon from which the look-ahead repeats, and the period (1: it settles). */
  readonly settlesAt: number;
  readonly period: number;
  readonly tiesBroken: boolean;
}

export interface AnalyzeResult extends ModelSummary {
  readonly states: readonly { readonly id: number; readonly values: Readonly<Record<string, boolean>> }[];
  /** The concepts computed, in the order nash, gmr, smr, seq. */
  readonly concepts: readonly BasicConcept[];
  /** Per concept, the states stable for each decision maker. */
  readonly stability: Readonly<Partial<Record<BasicConcept, StatesByDm>>>;
  /** Per concept, the states stable for every decision maker. */
  readonly equilibria: Readonly<Partial<Record<BasicConcept, readonly number[]>>>;
  readonly limitedMove?: LimitedMoveStability;
  readonly nonMyopic?: NonMyopicStability;
}

export async function analyze(input: ScenarioInput, options: AnalyzeOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<AnalyzeResult>> {
  const concepts = conceptsOption(options.concepts);
  if (!concepts.ok) return concepts;
  const horizon = options.horizon === undefined ? undefined : countOption(options.horizon, "horizon");
  if (horizon && !horizon.ok) return horizon;
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const space = modelOf(opened.value, " to analyse");
  if (!space.ok) return space;
  const D = space.value.model.decisionMakers.length;
  if ((horizon !== undefined || options.nonMyopic) && D !== 2) {
    return usage(horizon !== undefined ? "horizon" : "nonMyopic", `${TWO_DM_ONLY}; this model has ${D}`);
  }
  const a = await runner.analyze(space.value, concepts.value);
  let nm: NonMyopicStability | undefined;
  if (options.nonMyopic) {
    const r = nonMyopic(a);
    if ("error" in r) return fail([{ code: "limit", path: [], message: `non-myopic stability: ${r.error}` }]);
    nm = {
      stability: byDm(a, r.stable, 1),
      undetermined: byDm(a, r.stable, -1),
      equilibria: r.equilibria.map((s) => s + 1),
      settlesAt: r.settlesAt,
      period: r.period,
      tiesBroken: r.tiesBroken,
    };
  }
  const lm = horizon?.ok ? limitedMove(a, horizon.value) : undefined;
  return ok({
    ...analysisResult(a),
    ...(lm ? { limitedMove: { horizon: lm.horizon, stability: byDm(a, lm.stable, 1), equilibria: lm.equilibria.map((s) => s + 1), tiesBroken: lm.tiesBroken } } : {}),
    ...(nm ? { nonMyopic: nm } : {}),
  });
}

/** An analysis as plain data: states numbered from 1, decision makers keyed by id. */
export function analysisResult(a: Analysis): AnalyzeResult {
  const { space } = a;
  const states: { id: number; values: Record<string, boolean> }[] = [];
  for (let s = 0; s < space.size; s++) states.push({ id: s + 1, values: stateValues(space, s) });
  const stability: Partial<Record<BasicConcept, StatesByDm>> = {};
  const equilibria: Partial<Record<BasicConcept, number[]>> = {};
  for (const c of a.concepts) {
    stability[c] = byDm(a, a.stable[c]!, 1);
    equilibria[c] = a.equilibria[c]!.map((s) => s + 1);
  }
  return { ...modelSummary(space), states, concepts: a.concepts, stability, equilibria };
}

/** The states whose flag is `value`, numbered from 1, per decision maker id. */
function byDm(a: Analysis, flags: readonly ArrayLike<number>[], value: number): StatesByDm {
  return Object.fromEntries(
    a.space.model.decisionMakers.map((dm, d) => {
      const f = flags[d]!;
      const list: number[] = [];
      for (let s = 0; s < f.length; s++) if (f[s] === value) list.push(s + 1);
      return [dm.id, list];
    }),
  );
}
