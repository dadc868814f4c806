/** Use case: the feasible states, numbered as in gmcr-py, with each decision maker's rank of each. */
import { asStateIndex, computePayoffs, ok, rankOf, stateFilter, stateNumber, type Result, type StateNumber } from "@concord/core";
import { openModel, type ScenarioInput } from "./source.js";
import { lazyList } from "./json-stream.js";
import { targetOption } from "./target.js";
import { modelSummary, stateValues, type ModelSummary } from "./summary.js";

export interface StateRow {
  /** The state number, from 1. */
  readonly id: StateNumber;
  /** Each option taken (true) or not, or the id of the alternative chosen, by option id. */
  readonly values: Readonly<Record<string, boolean | string>>;
  /** Each decision maker's rank of the state (1 = most preferred; ties share a rank), by decision maker id. */
  readonly rank: Readonly<Record<string, number>>;
}

export interface StatesResult extends ModelSummary {
  readonly states: readonly StateRow[];
}

export interface StatesOptions {
  /** Only the states that match this pattern or named target (`venue = direct & -(transit = extraterritorial)`). */
  readonly target?: string;
}

/** The states, lazily (as analyze's AnalysisView): rows are made when asked for, so millions of states are not millions of objects. */
export interface StatesView extends ModelSummary {
  /** Feasible states in the model, numbered 1 to stateCount. */
  readonly stateCount: number;
  /** Whether state n is in the view (a --target subset); every state when absent. */
  readonly keep?: (n: number) => boolean;
  /** State n's row: its values and each decision maker's rank. */
  readonly row: (n: number) => StateRow;
  /** State n's options as letters, as the compact form writes them (Y taken, N not; an option with alternatives: Y). */
  readonly letters: (n: number) => string;
  /** The rank (1 = most preferred) of state n for the decision maker at position d, from 0. */
  readonly rank: (d: number, n: number) => number;
}

export function states(input: ScenarioInput, options: StatesOptions = {}): Result<StatesResult> {
  const v = statesView(input, options);
  if (!v.ok) return v;
  const { decisionMakers, options: opts, statusQuo } = v.value;
  return ok({ decisionMakers, options: opts, ...(statusQuo !== undefined ? { statusQuo } : {}), states: [...viewRows(v.value)] });
}

/** As `states`, without making the rows. */
export function statesView(input: ScenarioInput, options: StatesOptions = {}): Result<StatesView> {
  const opened = openModel(input, ", so it has no states");
  if (!opened.ok) return opened;
  const S = opened.value.space;
  const target = options.target === undefined ? undefined : targetOption(S, options.target);
  if (target && !target.ok) return target;
  const dms = S.model.decisionMakers;
  const payoffs = dms.map((dm) => computePayoffs(S, dm));
  const row = (n: number): StateRow => {
    const s = asStateIndex(n - 1);
    return { id: stateNumber(s), values: stateValues(S, s), rank: Object.fromEntries(dms.map((dm, d) => [dm.id, rankOf(payoffs[d]!, s)])) };
  };
  const summary = modelSummary(S);
  // Without alternatives, the written options are the model's yes/no options in order: read the bits, not a row.
  const letters = (S.model.choices ?? []).length === 0 ? (n: number): string => S.yn(asStateIndex(n - 1)) : (n: number): string => {
    const values = row(n).values;
    return summary.options.map((o) => (values[o.id] ? "Y" : "N")).join("");
  };
  const rank = (d: number, n: number): number => rankOf(payoffs[d]!, asStateIndex(n - 1));
  return ok({ ...summary, stateCount: S.size, ...(target ? { keep: stateFilter(S, target.value) } : {}), row, letters, rank });
}

/** The rows of the states in the view, ascending. */
export function* viewRows(v: StatesView): Generator<StateRow> {
  for (let n = 1; n <= v.stateCount; n++) if (v.keep === undefined || v.keep(n)) yield v.row(n);
}

/** The full form (StatesResult) with the rows lazy, for writeJson: the bytes of JSON.stringify(states(…)). */
export function statesJson(v: StatesView): Record<string, unknown> {
  return { decisionMakers: v.decisionMakers, options: v.options, statusQuo: v.statusQuo, states: lazyList(() => viewRows(v)) };
}

/** The compact form (CompactStatesResult) of a view of every state, lazy: the bytes of JSON.stringify(compactStates(states(…))). */
export function compactStatesJson(v: StatesView): Record<string, unknown> {
  const all = function* <T>(f: (n: number) => T): Generator<T> {
    for (let n = 1; n <= v.stateCount; n++) if (v.keep === undefined || v.keep(n)) yield f(n);
  };
  return {
    decisionMakers: v.decisionMakers,
    options: v.options,
    statusQuo: v.statusQuo,
    form: "compact",
    stateCount: v.stateCount,
    values: lazyList(() => all((n) => v.letters(n))),
    rank: Object.fromEntries(v.decisionMakers.map((dm, d) => [dm.id, lazyList(() => all((n) => v.rank(d, n)))])),
  };
}
