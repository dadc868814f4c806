/**
 * A stability analysis of a whole model: payoffs, the move index, and per concept
 * which states are stable for which decision maker, plus the equilibria. Built in
 * three steps so a platform can run the middle one in parallel (workers): prepare,
 * compute each decision maker (independently), finish.
 */
import type { StateIndex } from "../numbering.js";
import { restrictToPerceived } from "./unperceived.js";
import { computePayoffs, type Payoffs } from "../statespace/payoffs.js";
import type { StateSpace } from "../statespace/space.js";
import { BASIC_CONCEPTS, type BasicConcept } from "./concepts.js";
import { buildSortedCells, type SortedCells } from "./cells.js";
import { equilibria, stabilityForDm, type DmStability, type EngineData } from "./engine.js";
import { buildMoveIndex, localAlloc, MAX_GROUP_BITS, type Int32Alloc, type MoveIndex } from "./moves.js";

export interface PreparedAnalysis {
  readonly space: StateSpace;
  readonly concepts: readonly BasicConcept[];
  readonly payoffs: readonly Payoffs[];
  readonly index: MoveIndex;
  /** Each decision maker's moves sorted by its preference (see cells.ts). */
  readonly cells: readonly (SortedCells | null)[];
}

export interface PrepareOptions {
  readonly concepts?: readonly BasicConcept[];
  /** Where the engine's arrays live; shared memory lets workers read them. */
  readonly alloc?: Int32Alloc;
  /** See buildMoveIndex; tests lower it to exercise the general code paths. */
  readonly maxGroupBits?: number;
}

export interface Analysis extends PreparedAnalysis {
  /** stable[concept][dm][s] = 1 when state s is stable for dm. */
  readonly stable: Readonly<Partial<Record<BasicConcept, readonly Uint8Array[]>>>;
  /** Equilibria per concept: states stable for every decision maker. */
  readonly equilibria: Readonly<Partial<Record<BasicConcept, readonly StateIndex[]>>>;
}

/** Payoffs, move index and sorted cells. */
export function prepareAnalysis(space: StateSpace, opts: PrepareOptions = {}): PreparedAnalysis {
  const alloc = opts.alloc ?? localAlloc;
  const concepts = opts.concepts ?? BASIC_CONCEPTS;
  const payoffs = space.model.decisionMakers.map((dm) => {
    const p = computePayoffs(space, dm);
    // Copied only into memory the caller chose (shared with workers); a local copy would be a second array for nothing.
    if (opts.alloc === undefined) return p;
    const shared = alloc(p.payoff.length);
    shared.set(p.payoff);
    return { payoff: shared, levels: p.levels };
  });
  // A decision maker cannot move to or from a state it does not perceive (perception/unperceived.ts).
  const index = restrictToPerceived(buildMoveIndex(space, alloc, opts.maxGroupBits ?? MAX_GROUP_BITS), space, alloc);
  const cells = payoffs.map((p, k) => buildSortedCells(index, k, p.payoff, alloc));
  return { space, concepts: BASIC_CONCEPTS.filter((c) => concepts.includes(c)), payoffs, index, cells };
}

/** The engine's view of a prepared analysis. */
export function engineData(prep: PreparedAnalysis): EngineData {
  return { index: prep.index, payoffs: prep.payoffs.map((p) => p.payoff), cells: prep.cells };
}

/** One decision maker's part of the analysis. */
export function analyzeDm(prep: PreparedAnalysis, dm: number): DmStability {
  return stabilityForDm(engineData(prep), dm, prep.concepts);
}

export function finishAnalysis(prep: PreparedAnalysis, perDm: readonly DmStability[]): Analysis {
  const stable: Partial<Record<BasicConcept, Uint8Array[]>> = {};
  const eq: Partial<Record<BasicConcept, StateIndex[]>> = {};
  const byDm = [...perDm].sort((a, b) => a.dm - b.dm);
  for (const c of prep.concepts) {
    stable[c] = byDm.map((r) => r.flags[c]!);
    // StateIndex is a number branded by type only: no copy of a list that can hold 10^6 states.
    eq[c] = equilibria(stable[c]!) as StateIndex[];
  }
  return { ...prep, stable, equilibria: eq };
}

/** The whole analysis in this thread. */
export function analyze(space: StateSpace, concepts: readonly BasicConcept[] = BASIC_CONCEPTS, opts: Omit<PrepareOptions, "concepts"> = {}): Analysis {
  const prep = prepareAnalysis(space, { ...opts, concepts });
  return finishAnalysis(prep, space.model.decisionMakers.map((_, i) => analyzeDm(prep, i)));
}
