/**
 * Status quo analysis: how the conflict can move from today's state. A breadth-first
 * search over unilateral improvements (or over any unilateral moves) of all decision
 * makers gives every reachable state with its distance; the equilibria among them are
 * the outcomes the conflict can get to from where it is, each with a shortest path.
 *
 * The result is plain data. On millions of states, writing out a path for every
 * reachable state would dominate the analysis, so only the equilibria's (few) paths
 * are written out; `pathTo` writes out any other one from the search (`statusQuoReach`).
 */
import { asDmIndex, asStateIndex, stateNumber, type StateIndex, type StateNumber } from "../numbering.js";
import { fail, ok, type Result } from "../problems.js";
import type { StateSpace } from "../statespace/space.js";
import { describeMove, type MoveDescription } from "./describe.js";
import type { Analysis } from "./analysis.js";
import type { BasicConcept } from "./concepts.js";
import { pathSteps, reachFrom, type ReachFrom } from "./reach-from.js";

export interface ReachedState {
  readonly state: StateNumber;
  /** Number of moves on a shortest path from the status quo. */
  readonly distance: number;
}

/** A reachable equilibrium with a shortest path to it written out. */
export interface ReachedEquilibrium extends ReachedState {
  /** Each step a move by one decision maker. */
  readonly path: readonly MoveDescription[];
}

export interface StatusQuoAnalysis {
  readonly statusQuo: StateNumber;
  /** "improvements": each move is a unilateral improvement for its mover; "moves": any unilateral move. */
  readonly by: "improvements" | "moves";
  /** Every state reachable from the status quo (itself included, at distance 0), nearest first, then by number. */
  readonly reachable: readonly ReachedState[];
  /** Per concept, the equilibria among the reachable states, nearest first, with their paths. */
  readonly equilibria: Partial<Record<BasicConcept, readonly ReachedEquilibrium[]>>;
  /** Per concept, equilibria that cannot be reached from the status quo. */
  readonly unreachable: Partial<Record<BasicConcept, readonly StateNumber[]>>;
}

/** The search behind the status quo analysis, from `from` (default: the model's status quo), or a "usage" problem when there is neither. */
export function statusQuoReach(a: Analysis, by: "improvements" | "moves" = "improvements", from?: StateIndex): Result<ReachFrom> {
  const start = from ?? a.space.statusQuo;
  if (start === undefined) return fail([{ code: "usage", path: [], message: "the model has no status quo; give a state to start from" }]);
  return ok(reachFrom(a.index, a.payoffs.map((p) => p.payoff), start, by, a.cells));
}

/** The status quo analysis from state `from` (default: the model's status quo), or a "usage" problem when there is neither. */
export function statusQuoAnalysis(a: Analysis, by: "improvements" | "moves" = "improvements", from?: StateIndex): Result<StatusQuoAnalysis> {
  const found = statusQuoReach(a, by, from);
  if (!found.ok) return found;
  const r = found.value;
  const { space } = a;
  const reachable: ReachedState[] = Array.from(r.order, (s) => ({ state: stateNumber(asStateIndex(s)), distance: r.dist[s]! }));
  const equilibria: StatusQuoAnalysis["equilibria"] = {};
  const unreachable: StatusQuoAnalysis["unreachable"] = {};
  for (const c of a.concepts) {
    const eq = a.equilibria[c]!;
    equilibria[c] = eq
      .filter((s) => r.dist[s]! >= 0)
      .map((s) => ({ state: stateNumber(s), distance: r.dist[s]!, path: pathTo(space, r, s) }))
      .sort((x, y) => x.distance - y.distance || x.state - y.state);
    unreachable[c] = eq.filter((s) => r.dist[s]! < 0).map(stateNumber);
  }
  return ok({ statusQuo: stateNumber(asStateIndex(r.from)), by, reachable, equilibria, unreachable });
}

/** A shortest path from the search's start to state `s`, move by move (empty for the start itself or a state it does not reach). */
export function pathTo(space: StateSpace, reach: ReachFrom, s: StateIndex): MoveDescription[] {
  return pathSteps(reach, s).map((m) => describeMove(space, asDmIndex(m.mover), asStateIndex(m.from), asStateIndex(m.to)));
}
