/**
 * The analysis's JSON forms (full and compact), built from the lazy view so that
 * json-stream.ts can write them for any model size: every list of states is a lazy
 * list, generated from the engine's arrays while it is written. Written with
 * writeJson, they give exactly the bytes of JSON.stringify(analyze(…)) and of
 * JSON.stringify(compactAnalysis(analyze(…))).
 */
import type { BasicConcept, StateNumber } from "@concord/core";
import { viewStable, viewStates, type AnalysisView } from "./analyze.js";
import { stateRanges } from "./compact.js";
import { lazyList, type LazyList } from "./json-stream.js";

/** Runs [first, last] of consecutive numbers in an ascending sequence. */
function* runs(numbers: Iterable<number>): Generator<[number, number]> {
  let first = -1;
  let last = -1;
  for (const n of numbers) {
    if (first !== -1 && n === last + 1) last = n;
    else {
      if (first !== -1) yield [first, last];
      first = last = n;
    }
  }
  if (first !== -1) yield [first, last];
}

function perConcept<T>(v: AnalysisView, f: (c: BasicConcept) => T): Partial<Record<BasicConcept, T>> {
  return Object.fromEntries(v.concepts.map((c) => [c, f(c)]));
}

/** The full form (AnalyzeResult), with the states and the stability lists lazy. */
export function analysisJson(v: AnalysisView): Record<string, unknown> {
  return {
    decisionMakers: v.decisionMakers,
    options: v.options,
    statusQuo: v.statusQuo,
    states: lazyList(() => (function* () {
      for (const id of viewStates(v)) yield { id, values: v.values(id) };
    })()),
    concepts: v.concepts,
    stability: perConcept(v, (c) => Object.fromEntries(v.decisionMakers.map((dm, d) => [dm.id, lazyList(() => viewStable(v, c, d))]))),
    equilibria: perConcept(v, (c) => lazyList(() => v.equilibria[c]!)),
    limitedMove: v.limitedMove,
    nonMyopic: v.nonMyopic,
  };
}

/** The compact form (CompactAnalyzeResult) of a view of every state, with the runs lazy. */
export function compactAnalysisJson(v: AnalysisView): Record<string, unknown> {
  const ranges = (xs: readonly StateNumber[]): LazyList => lazyList(() => runs(xs));
  const byDm = (m: Readonly<Record<string, readonly StateNumber[]>>): Record<string, unknown> => Object.fromEntries(Object.entries(m).map(([k, xs]) => [k, stateRanges(xs)]));
  const lm = v.limitedMove;
  const nm = v.nonMyopic;
  return {
    decisionMakers: v.decisionMakers,
    options: v.options,
    statusQuo: v.statusQuo,
    concepts: v.concepts,
    form: "compact",
    stateCount: v.stateCount,
    stability: perConcept(v, (c) => Object.fromEntries(v.decisionMakers.map((dm, d) => [dm.id, lazyList(() => runs(viewStable(v, c, d)))]))),
    equilibria: perConcept(v, (c) => ranges(v.equilibria[c]!)),
    limitedMove: lm ? { ...lm, stability: byDm(lm.stability), equilibria: stateRanges(lm.equilibria) } : undefined,
    nonMyopic: nm ? { ...nm, stability: byDm(nm.stability), undetermined: byDm(nm.undetermined), equilibria: stateRanges(nm.equilibria) } : undefined,
  };
}
