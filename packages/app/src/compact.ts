/**
 * Compact forms of the results that list every state, for large models: a model of
 * 250,000 states listed state by state is hundreds of megabytes of JSON. Sets of
 * states become runs of consecutive numbers, and a state's options one letter each.
 * Surfaces use them above COMPACT_ABOVE states unless the full lists are asked for.
 */
import type { BasicConcept, StateNumber } from "@concord/core";
import type { AnalyzeResult, StatesByDm } from "./analyze.js";
import type { StatesResult } from "./states.js";
import type { ModelSummary } from "./summary.js";

/** Above this many states, surfaces give the compact forms by default. */
export const COMPACT_ABOVE = 10_000;

/** Sorted state numbers as runs: [first, last] pairs, both included. `[[1, 4], [9, 9]]` is 1, 2, 3, 4 and 9. */
export type StateRanges = readonly (readonly [StateNumber, StateNumber])[];

/** Per decision maker id, its states as runs. */
export type RangesByDm = Readonly<Record<string, StateRanges>>;

export interface CompactAnalyzeResult extends ModelSummary {
  readonly form: "compact";
  /** The number of feasible states, numbered 1 to stateCount. */
  readonly stateCount: number;
  readonly concepts: AnalyzeResult["concepts"];
  readonly stability: Readonly<Partial<Record<BasicConcept, RangesByDm>>>;
  readonly equilibria: Readonly<Partial<Record<BasicConcept, StateRanges>>>;
  readonly limitedMove?: { readonly horizon: number; readonly stability: RangesByDm; readonly equilibria: StateRanges; readonly tiesBroken: boolean };
  readonly nonMyopic?: {
    readonly stability: RangesByDm;
    readonly undetermined: RangesByDm;
    readonly equilibria: StateRanges;
    readonly settlesAt: number;
    readonly period: number;
    readonly tiesBroken: boolean;
  };
}

export interface CompactStatesResult extends ModelSummary {
  readonly form: "compact";
  readonly stateCount: number;
  /** State k's options, one letter per option in the order of `options`: Y taken, N not; item 0 is state 1. */
  readonly values: readonly string[];
  /** Per decision maker id, its rank of each state (1 = most preferred); item 0 is state 1. */
  readonly rank: Readonly<Record<string, readonly number[]>>;
}

/** Sorted state numbers as runs of consecutive numbers. */
export function stateRanges(numbers: readonly StateNumber[]): StateRanges {
  const runs: [StateNumber, StateNumber][] = [];
  for (const n of numbers) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** The numbers in runs, back as a sorted list. */
export function expandRanges(runs: StateRanges): StateNumber[] {
  const out: StateNumber[] = [];
  for (const [first, last] of runs) for (let n = first; n <= last; n++) out.push(n as StateNumber);
  return out;
}

const rangesByDm = (by: StatesByDm): RangesByDm => Object.fromEntries(Object.entries(by).map(([dm, list]) => [dm, stateRanges(list)]));

function mapConcepts<T, U>(by: Readonly<Partial<Record<BasicConcept, T>>>, f: (x: T) => U): Partial<Record<BasicConcept, U>> {
  return Object.fromEntries(Object.entries(by).map(([c, x]) => [c, f(x as T)])) as Partial<Record<BasicConcept, U>>;
}

export function compactAnalysis(r: AnalyzeResult): CompactAnalyzeResult {
  const { states, stability, equilibria, limitedMove, nonMyopic, ...summary } = r;
  return {
    ...summary,
    form: "compact",
    stateCount: states.length,
    stability: mapConcepts(stability, rangesByDm),
    equilibria: mapConcepts(equilibria, stateRanges),
    ...(limitedMove ? { limitedMove: { ...limitedMove, stability: rangesByDm(limitedMove.stability), equilibria: stateRanges(limitedMove.equilibria) } } : {}),
    ...(nonMyopic
      ? { nonMyopic: { ...nonMyopic, stability: rangesByDm(nonMyopic.stability), undetermined: rangesByDm(nonMyopic.undetermined), equilibria: stateRanges(nonMyopic.equilibria) } }
      : {}),
  };
}

export function compactStates(r: StatesResult): CompactStatesResult {
  const { states, ...summary } = r;
  return {
    ...summary,
    form: "compact",
    stateCount: states.length,
    values: states.map((st) => r.options.map((o) => (st.values[o.id] ? "Y" : "N")).join("")),
    rank: Object.fromEntries(r.decisionMakers.map((dm) => [dm.id, states.map((st) => st.rank[dm.id]!)])),
  };
}
