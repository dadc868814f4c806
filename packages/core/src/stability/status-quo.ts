/**
 * Status quo analysis: how the conflict can move from today's state. A breadth-first
 * search over unilateral improvements (or over any unilateral moves) of all decision
 * makers gives every reachable state with a shortest path; the equilibria among them
 * are the outcomes the conflict can get to from where it is.
 */
import { describeMove, type MoveDescription } from "../model/describe.js";
import type { Analysis } from "./analysis.js";
import type { BasicConcept } from "./concepts.js";
import { pathSteps, reachFrom } from "./reach-from.js";

export interface ReachedState {
  /** 1-based state number. */
  readonly state: number;
  /** Number of moves on a shortest path from the status quo. */
  readonly distance: number;
  /** A shortest path: each step a move by one decision maker. */
  readonly path: readonly MoveDescription[];
}

export interface StatusQuoAnalysis {
  readonly statusQuo: number;
  /** "improvements": each move is a unilateral improvement for its mover; "moves": any unilateral move. */
  readonly by: "improvements" | "moves";
  /** Every state reachable from the status quo (itself included, at distance 0), nearest first. */
  readonly reachable: readonly ReachedState[];
  /** Per concept, the equilibria among the reachable states, nearest first. */
  readonly equilibria: Partial<Record<BasicConcept, readonly ReachedState[]>>;
  /** Per concept, equilibria that cannot be reached from the status quo. */
  readonly unreachable: Partial<Record<BasicConcept, readonly number[]>>;
}

/** The status quo analysis from state `from` (0-based; defaults to the model's status quo). */
export function statusQuoAnalysis(a: Analysis, by: "improvements" | "moves" = "improvements", from?: number): StatusQuoAnalysis {
  const { space, index } = a;
  const start = from ?? space.statusQuo;
  if (start < 0 || start >= space.size) throw new RangeError("the model has no status quo; give a starting state");
  const r = reachFrom(index, a.payoffs.map((p) => p.payoff), start, by);
  const reached = new Map<number, ReachedState>();
  const reachable = Array.from(r.order, (s) => {
    const x: ReachedState = { state: s + 1, distance: r.dist[s]!, path: pathSteps(r, s).map((m) => describeMove(space, m.mover, m.from, m.to)) };
    reached.set(s, x);
    return x;
  });
  const equilibria: StatusQuoAnalysis["equilibria"] = {};
  const unreachable: StatusQuoAnalysis["unreachable"] = {};
  for (const c of a.concepts) {
    const eq = a.equilibria[c]!;
    equilibria[c] = eq.filter((s) => reached.has(s)).map((s) => reached.get(s)!).sort((x, y) => x.distance - y.distance || x.state - y.state);
    unreachable[c] = eq.filter((s) => !reached.has(s)).map((s) => s + 1);
  }
  return { statusQuo: start + 1, by, reachable, equilibria, unreachable };
}
