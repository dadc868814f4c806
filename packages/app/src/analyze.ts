/**
 * Use case: the stability analysis — which states are stable for whom under Nash,
 * GMR, SMR and SEQ, the equilibria, and on request limited-move (L_h) and non-myopic
 * stability for two decision makers. States are numbered from 1; decision makers are
 * keyed by id.
 */
import {
  asStateIndex,
  limitedMove,
  nonMyopic,
  ok,
  stateFilter,
  stateNumber,
  twoDecisionMakers,
  type Analysis,
  type BasicConcept,
  type Result,
  type StateNumber,
} from "@concord/core";
import { atOption, conceptsOption, countOption } from "./options.js";
import { inlineRunner, type AnalysisRunner } from "./runner.js";
import { openModel, type ScenarioInput } from "./source.js";
import { targetOption } from "./target.js";
import { modelSummary, stateValues, type ModelSummary } from "./summary.js";

export interface AnalyzeOptions {
  /** Concepts as a list or comma-separated (`nash,gmr`); default: nash, gmr, smr, seq. */
  readonly concepts?: string | readonly string[];
  /** Also compute limited-move stability L_h with this horizon (two decision makers only). */
  readonly horizon?: number | string;
  /** Also compute non-myopic stability (two decision makers only). */
  readonly nonMyopic?: boolean;
  /** Only the states that match this pattern or named target (`sign_direct & -am_corridor`), in every list. */
  readonly target?: string;
}

/** State numbers per decision maker id. */
export type StatesByDm = Readonly<Record<string, readonly StateNumber[]>>;

export interface LimitedMoveStability {
  readonly horizon: number;
  readonly stability: StatesByDm;
  readonly equilibria: readonly StateNumber[];
  /** Whether a tie in the look-ahead was broken by taking the lowest-numbered move. */
  readonly tiesBroken: boolean;
}

export interface NonMyopicStability {
  readonly stability: StatesByDm;
  /** States stable at some horizons of the look-ahead's cycle only. */
  readonly undetermined: StatesByDm;
  readonly equilibria: readonly StateNumber[];
  /** The horizon from which the look-ahead repeats, and the period (1: it settles). */
  readonly settlesAt: number;
  readonly period: number;
  readonly tiesBroken: boolean;
}

export interface AnalyzeResult extends ModelSummary {
  readonly states: readonly { readonly id: StateNumber; readonly values: Readonly<Record<string, boolean | string>> }[];
  /** The concepts computed, in the order nash, gmr, smr, seq. */
  readonly concepts: readonly BasicConcept[];
  /** Per concept, the states stable for each decision maker. */
  readonly stability: Readonly<Partial<Record<BasicConcept, StatesByDm>>>;
  /** Per concept, the states stable for every decision maker. */
  readonly equilibria: Readonly<Partial<Record<BasicConcept, readonly StateNumber[]>>>;
  readonly limitedMove?: LimitedMoveStability;
  readonly nonMyopic?: NonMyopicStability;
}

export async function analyze(input: ScenarioInput, options: AnalyzeOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<AnalyzeResult>> {
  const concepts = conceptsOption(options.concepts);
  if (!concepts.ok) return concepts;
  const horizon = options.horizon === undefined ? undefined : countOption(options.horizon, "horizon");
  if (horizon && !horizon.ok) return horizon;
  const opened = openModel(input, " to analyse");
  if (!opened.ok) return opened;
  const { space } = opened.value;
  const target = options.target === undefined ? undefined : targetOption(space, options.target);
  if (target && !target.ok) return target;
  // Limited-move and non-myopic stability need two decision makers: say so before a long analysis.
  if (horizon || options.nonMyopic) {
    const two = atOption(twoDecisionMakers(space), horizon ? "horizon" : "nonMyopic");
    if (!two.ok) return two;
  }
  const a = await runner.analyze(space, concepts.value);
  let lm: LimitedMoveStability | undefined;
  if (horizon) {
    const found = atOption(limitedMove(a, horizon.value), "horizon");
    if (!found.ok) return found;
    const r = found.value;
    lm = { horizon: r.horizon, stability: byDm(a, r.stable, 1), equilibria: r.equilibria.map(stateNumber), tiesBroken: r.tiesBroken };
  }
  let nm: NonMyopicStability | undefined;
  if (options.nonMyopic) {
    const found = atOption(nonMyopic(a), "nonMyopic");
    if (!found.ok) return found;
    const r = found.value;
    nm = {
      stability: byDm(a, r.stable, 1),
      undetermined: byDm(a, r.stable, -1),
      equilibria: r.equilibria.map(stateNumber),
      settlesAt: r.settlesAt,
      period: r.period,
      tiesBroken: r.tiesBroken,
    };
  }
  const r: AnalyzeResult = { ...analysisResult(a), ...(lm ? { limitedMove: lm } : {}), ...(nm ? { nonMyopic: nm } : {}) };
  return ok(target ? onlyStates(r, stateFilter(space, target.value)) : r);
}

/** An analysis as plain data: states numbered from 1, decision makers keyed by id. */
export function analysisResult(a: Analysis): AnalyzeResult {
  const { space } = a;
  const states: { id: StateNumber; values: Record<string, boolean | string> }[] = [];
  for (let k = 0; k < space.size; k++) {
    const s = asStateIndex(k);
    states.push({ id: stateNumber(s), values: stateValues(space, s) });
  }
  const stability: Partial<Record<BasicConcept, StatesByDm>> = {};
  const equilibria: Partial<Record<BasicConcept, StateNumber[]>> = {};
  for (const c of a.concepts) {
    stability[c] = byDm(a, a.stable[c]!, 1);
    equilibria[c] = a.equilibria[c]!.map(stateNumber);
  }
  return { ...modelSummary(space), states, concepts: a.concepts, stability, equilibria };
}

/** The result with every list of states cut to those `keep` accepts. */
function onlyStates(r: AnalyzeResult, keep: (s: number) => boolean): AnalyzeResult {
  const list = <T extends number>(xs: readonly T[]): T[] => xs.filter(keep);
  const byDm = (m: StatesByDm): StatesByDm => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, list(v)]));
  const perConcept = <V>(o: Readonly<Partial<Record<BasicConcept, V>>>, f: (v: V) => V): Partial<Record<BasicConcept, V>> =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as V)]));
  return {
    ...r,
    states: r.states.filter((st) => keep(st.id)),
    stability: perConcept(r.stability, byDm),
    equilibria: perConcept(r.equilibria, (v) => list(v)),
    ...(r.limitedMove ? { limitedMove: { ...r.limitedMove, stability: byDm(r.limitedMove.stability), equilibria: list(r.limitedMove.equilibria) } } : {}),
    ...(r.nonMyopic ? { nonMyopic: { ...r.nonMyopic, stability: byDm(r.nonMyopic.stability), undetermined: byDm(r.nonMyopic.undetermined), equilibria: list(r.nonMyopic.equilibria) } } : {}),
  };
}

/** The states whose flag is `value`, numbered from 1, per decision maker id. */
function byDm(a: Analysis, flags: readonly ArrayLike<number>[], value: number): StatesByDm {
  return Object.fromEntries(
    a.space.model.decisionMakers.map((dm, d) => {
      const f = flags[d]!;
      const list: StateNumber[] = [];
      for (let s = 0; s < f.length; s++) if (f[s] === value) list.push(stateNumber(asStateIndex(s)));
      return [dm.id, list];
    }),
  );
}
