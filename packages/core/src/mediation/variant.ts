/**
 * The one place the mediation analyses re-analyse a model whose preferences changed
 * while its states stayed the same. Everything that depends only on the states (the
 * move index, and the variant engine's move lists and components) is reused; the
 * stability passes are redone (variant-engine.ts; the engine itself for large models).
 */
import type { DecisionMakerInfo, PriorityStatement } from "../model/types.js";
import { computePayoffs, type Payoffs } from "../statespace/payoffs.js";
import type { StateSpace } from "../statespace/space.js";
import { asStateIndex, type StateIndex } from "../numbering.js";
import { analyzeDm, finishAnalysis, type Analysis, type PreparedAnalysis } from "../stability/analysis.js";
import { buildSortedCells, type SortedCells } from "../stability/cells.js";
import type { BasicConcept } from "../stability/concepts.js";
import { stabilityForDm, type EngineData } from "../stability/engine.js";
import { VariantEngine } from "./variant-engine.js";

/**
 * The analysis of `base`'s states with new payoffs (one per decision maker; pass the
 * base's own object for a decision maker whose preferences did not change).
 */
export function reanalyse(base: PreparedAnalysis, payoffs: readonly Payoffs[], concepts: readonly BasicConcept[] = base.concepts): Analysis {
  const fast = VariantEngine.for(base.index);
  if (fast !== null) {
    const wanted = base.concepts.filter((c) => concepts.includes(c));
    const stable = fast.analyse(payoffs.map((p) => p.payoff), wanted);
    const eq: Partial<Record<BasicConcept, StateIndex[]>> = {};
    for (const c of wanted) eq[c] = allStable(stable[c]!);
    let cells: readonly (SortedCells | null)[] | undefined;
    // Sorted cells are for the engine's passes and explanations; most variants never need them.
    const cellsOf = (): readonly (SortedCells | null)[] =>
      (cells ??= payoffs.map((p, k) => (p === base.payoffs[k] ? base.cells[k]! : buildSortedCells(base.index, k, p.payoff))));
    const out = { space: base.space, concepts: wanted, payoffs, index: base.index, stable, equilibria: eq } as Omit<Analysis, "cells">;
    return Object.defineProperty(out, "cells", { get: cellsOf, enumerable: true }) as Analysis;
  }
  const cells = payoffs.map((p, k) => (p === base.payoffs[k] ? base.cells[k]! : buildSortedCells(base.index, k, p.payoff)));
  const prep: PreparedAnalysis = { space: base.space, concepts: base.concepts.filter((c) => concepts.includes(c)), payoffs, index: base.index, cells };
  return finishAnalysis(prep, payoffs.map((_, k) => analyzeDm(prep, k)));
}

/** States stable for every decision maker (flags per decision maker). */
function allStable(perDm: readonly Uint8Array[]): StateIndex[] {
  const out: StateIndex[] = [];
  const S = perDm[0]?.length ?? 0;
  for (let s = 0; s < S; s++) {
    let all = 1;
    for (let k = 0; k < perDm.length && all === 1; k++) all = perDm[k]![s]!;
    if (all === 1) out.push(asStateIndex(s));
  }
  return out;
}

/** The engine's flags for decision maker k, through the variant engine when the model is small enough. */
function dmFlags(data: EngineData, k: number, concepts: readonly BasicConcept[]): Partial<Record<BasicConcept, Uint8Array>> {
  const fast = VariantEngine.for(data.index);
  return fast !== null ? fast.dm(k, data.payoffs, concepts) : stabilityForDm(data, k, concepts).flags;
}

/** A decision maker's payoffs with a different list of statements. */
export function payoffsWith(space: StateSpace, dm: DecisionMakerInfo, statements: readonly PriorityStatement[]): Payoffs {
  return computePayoffs(space, { ...dm, preference: { kind: "priorities", statements } });
}

/** Whether two payoff columns order the states the same way (payoffs are dense levels, so equal arrays). */
export function samePayoffs(a: Payoffs, b: Payoffs): boolean {
  if (a.levels !== b.levels) return false;
  const x = a.payoff;
  const y = b.payoff;
  for (let s = 0; s < x.length; s++) if (x[s] !== y[s]) return false;
  return true;
}

/**
 * One decision maker's stability flags with a different payoff, the others' unchanged.
 * Nash, GMR and SMR stability for a decision maker depend only on its own payoff and
 * everyone's moves, so this is exact for them; SEQ also depends on the others' payoffs
 * (taken from `base`).
 */
export function stabilityOfDm(base: PreparedAnalysis, dm: number, payoff: Payoffs, concepts: readonly BasicConcept[]): Partial<Record<BasicConcept, Uint8Array>> {
  const payoffs = base.payoffs.map((p, k) => (k === dm ? payoff.payoff : p.payoff));
  if (VariantEngine.for(base.index) !== null) return dmFlags({ index: base.index, payoffs, cells: base.cells }, dm, concepts);
  const cells = base.cells.map((c, k) => (k === dm ? buildSortedCells(base.index, k, payoff.payoff) : c));
  return stabilityForDm({ index: base.index, payoffs, cells }, dm, concepts).flags;
}

/**
 * Re-analyses many variants of one model whose decision makers' preferences vary
 * independently (robustness, sensitivity). Nash, GMR and SMR stability for a decision
 * maker depend only on its own payoffs, so they are computed once per distinct
 * preference of that decision maker (identified by a key the caller gives); SEQ depends
 * on everyone's and is computed per variant.
 */
export class VariantCache {
  private readonly perDm: Map<string, { payoffs: Payoffs; cells: SortedCells | null; flags?: Partial<Record<BasicConcept, Uint8Array>> }>[];

  /** With `base`'s flags when it is a full analysis, so the preferences as written are never re-analysed. */
  constructor(readonly base: PreparedAnalysis | Analysis) {
    const stable = "stable" in base ? base.stable : undefined;
    this.perDm = base.payoffs.map((p, k) => {
      const flags = stable?.nash && stable.gmr && stable.smr ? { nash: stable.nash[k]!, gmr: stable.gmr[k]!, smr: stable.smr[k]! } : undefined;
      return new Map([["", { payoffs: p, cells: base.cells[k]!, ...(flags ? { flags } : {}) }]]);
    });
  }

  /**
   * Decision maker k's Nash, GMR or SMR flags under `key` (given to `payoffs` before),
   * computed the first time for all three (they share the engine's pass).
   */
  flags(k: number, key: string, concept: Exclude<BasicConcept, "seq">): Uint8Array {
    const e = this.perDm[k]!.get(key)!;
    if (!e.flags) {
      const base = this.base;
      const data = { index: base.index, payoffs: base.payoffs.map((p, j) => (j === k ? e.payoffs.payoff : p.payoff)), cells: base.cells.map((c, j) => (j === k ? e.cells : c)) };
      e.flags = dmFlags(data, k, ["nash", "gmr", "smr"]);
    }
    return e.flags[concept]!;
  }

  /** Decision maker k's SEQ flags with each one's preferences under its key (one pass over every state). */
  seq(keys: readonly string[], k: number): Uint8Array {
    const entries = keys.map((key, j) => this.perDm[j]!.get(key)!);
    const data = { index: this.base.index, payoffs: entries.map((e) => e.payoffs.payoff), cells: entries.map((e) => e.cells) };
    return dmFlags(data, k, ["seq"]).seq!;
  }

  /** The flags if they are already known (no work). */
  knownFlags(k: number, key: string, concept: BasicConcept): Uint8Array | undefined {
    return this.perDm[k]!.get(key)?.flags?.[concept];
  }

  /** Decision maker k's payoffs under `key` ("" = as written), computed by `compute` the first time. */
  payoffs(k: number, key: string, compute: () => Payoffs): Payoffs {
    const m = this.perDm[k]!;
    let e = m.get(key);
    if (!e) {
      const payoffs = compute();
      // Sorted cells only serve the engine, which small models skip (variant-engine.ts).
      e = { payoffs, cells: VariantEngine.for(this.base.index) !== null ? null : buildSortedCells(this.base.index, k, payoffs.payoff) };
      m.set(key, e);
    }
    return e.payoffs;
  }
}
