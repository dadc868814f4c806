/**
 * Use case: the stability analysis — which states are stable for whom under Nash,
 * GMR, SMR and SEQ, the equilibria, and on request limited-move (L_h) and non-myopic
 * stability for two decision makers. States are numbered from 1; decision makers are
 * keyed by id.
 */
import {
  asStateIndex,
  limitedMove,
  MAX_HORIZON,
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
  /** Only the states that match this pattern or named target (`venue = direct & -(transit = extraterritorial)`), in every list. */
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

/**
 * The analysis, lazily: state values and stability are read from the engine's arrays
 * when asked for, so a model of millions of states never becomes millions of objects.
 * Surfaces that print large results use it (with json-stream.ts); `analyze` turns it
 * into plain data.
 */
export interface AnalysisView extends ModelSummary {
  /** Feasible states in the model (numbered 1 to stateCount), whether or not in the view. */
  readonly stateCount: number;
  readonly concepts: readonly BasicConcept[];
  /** Whether state n is in the view (a --target subset); every state when absent. */
  readonly keep?: (n: number) => boolean;
  /** Whether state n is stable for the decision maker at position `dm` (from 0) under concept c. */
  readonly stableFor: (c: BasicConcept, dm: number, n: number) => boolean;
  /** Per concept, the equilibria in the view. */
  readonly equilibria: Readonly<Partial<Record<BasicConcept, readonly StateNumber[]>>>;
  /** Each option's value in state n, by option id. */
  readonly values: (n: number) => Readonly<Record<string, boolean | string>>;
  readonly limitedMove?: LimitedMoveStability;
  readonly nonMyopic?: NonMyopicStability;
}

/** The states in the view, ascending. */
export function* viewStates(v: AnalysisView): Generator<StateNumber> {
  for (let n = 1; n <= v.stateCount; n++) if (v.keep === undefined || v.keep(n)) yield n as StateNumber;
}

/** The states in the view stable for decision maker `dm` under c, ascending. */
export function* viewStable(v: AnalysisView, c: BasicConcept, dm: number): Generator<StateNumber> {
  for (let n = 1; n <= v.stateCount; n++) if ((v.keep === undefined || v.keep(n)) && v.stableFor(c, dm, n)) yield n as StateNumber;
}

export async function analyze(input: ScenarioInput, options: AnalyzeOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<AnalyzeResult>> {
  const v = await analyzeView(input, options, runner);
  return v.ok ? ok(viewResult(v.value)) : v;
}

/** As `analyze`, without turning the result into plain data. */
export async function analyzeView(input: ScenarioInput, options: AnalyzeOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<AnalysisView>> {
  const concepts = conceptsOption(options.concepts);
  if (!concepts.ok) return concepts;
  const horizon = options.horizon === undefined ? undefined : countOption(options.horizon, "horizon", MAX_HORIZON, "the limit is fixed: for the look-ahead as the horizon grows, use the non-myopic analysis");
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
  const keep = target ? stateFilter(space, target.value) : undefined;
  const list = <T extends number>(xs: readonly T[]): T[] => (keep ? xs.filter(keep) : [...xs]);
  const byDmKept = (flags: readonly ArrayLike<number>[], value: number): StatesByDm =>
    Object.fromEntries(Object.entries(byDm(a, flags, value)).map(([k, xs]) => [k, list(xs)]));
  let lm: LimitedMoveStability | undefined;
  if (horizon) {
    const found = atOption(limitedMove(a, horizon.value), "horizon");
    if (!found.ok) return found;
    const r = found.value;
    lm = { horizon: r.horizon, stability: byDmKept(r.stable, 1), equilibria: list(r.equilibria.map(stateNumber)), tiesBroken: r.tiesBroken };
  }
  let nm: NonMyopicStability | undefined;
  if (options.nonMyopic) {
    const found = atOption(nonMyopic(a), "nonMyopic");
    if (!found.ok) return found;
    const r = found.value;
    nm = {
      stability: byDmKept(r.stable, 1),
      undetermined: byDmKept(r.stable, -1),
      equilibria: list(r.equilibria.map(stateNumber)),
      settlesAt: r.settlesAt,
      period: r.period,
      tiesBroken: r.tiesBroken,
    };
  }
  const v = analysisView(a);
  const equilibria = keep ? Object.fromEntries(Object.entries(v.equilibria).map(([c, xs]) => [c, list(xs)])) : v.equilibria;
  return ok({ ...v, equilibria, ...(keep ? { keep } : {}), ...(lm ? { limitedMove: lm } : {}), ...(nm ? { nonMyopic: nm } : {}) });
}

/** A finished analysis, read lazily. */
export function analysisView(a: Analysis): AnalysisView {
  const { space } = a;
  const equilibria: Partial<Record<BasicConcept, StateNumber[]>> = {};
  for (const c of a.concepts) equilibria[c] = a.equilibria[c]!.map(stateNumber);
  return {
    ...modelSummary(space),
    stateCount: space.size,
    concepts: a.concepts,
    stableFor: (c, dm, n) => a.stable[c]?.[dm]?.[n - 1] === 1,
    equilibria,
    values: (n) => stateValues(space, asStateIndex(n - 1)),
  };
}

/** An analysis as plain data: states numbered from 1, decision makers keyed by id. */
export function analysisResult(a: Analysis): AnalyzeResult {
  return viewResult(analysisView(a));
}

/** A view as plain data (every state an object: for models that fit in memory that way). */
export function viewResult(v: AnalysisView): AnalyzeResult {
  const { decisionMakers, options, statusQuo, equilibria, limitedMove: lm, nonMyopic: nm } = v;
  const states = [...viewStates(v)].map((id) => ({ id, values: v.values(id) }));
  const stability: Partial<Record<BasicConcept, StatesByDm>> = {};
  for (const c of v.concepts) stability[c] = Object.fromEntries(v.decisionMakers.map((dm, d) => [dm.id, [...viewStable(v, c, d)]]));
  return { decisionMakers, options, ...(statusQuo !== undefined ? { statusQuo } : {}), states, concepts: v.concepts, stability, equilibria, ...(lm ? { limitedMove: lm } : {}), ...(nm ? { nonMyopic: nm } : {}) };
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
