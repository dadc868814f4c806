/**
 * Status quo analysis: how the conflict can move from today's state. A breadth-first
 * search over unilateral improvements (or over any unilateral moves) of all decision
 * makers gives every reachable state with a shortest path; the equilibria among them
 * are the outcomes the conflict can get to from where it is.
 */
import { asDmIndex, asStateIndex, stateNumber, type StateIndex, type StateNumber } from "../numbering.js";
import { fail, ok, type Result } from "../problems.js";
import { describeMove, type MoveDescription } from "./describe.js";
import type { Analysis } from "./analysis.js";
import type { BasicConcept } from "./concepts.js";
import { movesFrom } from "./moves.js";

export interface ReachedState {
  readonly state: StateNumber;
  /** Number of moves on a shortest path from the status quo. */
  readonly distance: number;
  /** A shortest path: each step a move by one decision maker. */
  readonly path: readonly MoveDescription[];
}

export interface StatusQuoAnalysis {
  readonly statusQuo: StateNumber;
  /** "improvements": each move is a unilateral improvement for its mover; "moves": any unilateral move. */
  readonly by: "improvements" | "moves";
  /** Every state reachable from the status quo (itself included, at distance 0), nearest first. */
  readonly reachable: readonly ReachedState[];
  /** Per concept, the equilibria among the reachable states, nearest first. */
  readonly equilibria: Partial<Record<BasicConcept, readonly ReachedState[]>>;
  /** Per concept, equilibria that cannot be reached from the status quo. */
  readonly unreachable: Partial<Record<BasicConcept, readonly StateNumber[]>>;
}

/** The status quo analysis from state `from` (default: the model's status quo), or a "usage" problem when there is neither. */
export function statusQuoAnalysis(a: Analysis, by: "improvements" | "moves" = "improvements", from?: StateIndex): Result<StatusQuoAnalysis> {
  const { space, index } = a;
  const start = from ?? space.statusQuo;
  if (start === undefined) return fail([{ code: "usage", path: [], message: "the model has no status quo; give a state to start from" }]);
  const P = a.payoffs.map((p) => p.payoff);
  const D = index.dmCount;
  const S = space.size;
  const dist = new Int32Array(S).fill(-1);
  const prev = new Int32Array(S).fill(-1);
  const mover = new Int32Array(S).fill(-1);
  const order: number[] = [start];
  dist[start] = 0;
  for (let q = 0; q < order.length; q++) {
    const u = order[q]!;
    for (let k = 0; k < D; k++) {
      for (const w of movesFrom(index, k, u)) {
        if (dist[w] !== -1) continue;
        if (by === "improvements" && P[k]![w]! <= P[k]![u]!) continue;
        dist[w] = dist[u]! + 1;
        prev[w] = u;
        mover[w] = k;
        order.push(w);
      }
    }
  }
  const reached = new Map<number, ReachedState>();
  const pathTo = (s: number): MoveDescription[] => {
    const steps: MoveDescription[] = [];
    for (let v = s; v !== start; v = prev[v]!) steps.push(describeMove(space, asDmIndex(mover[v]!), asStateIndex(prev[v]!), asStateIndex(v)));
    return steps.reverse();
  };
  const reachable = order.map((s) => {
    const r: ReachedState = { state: stateNumber(asStateIndex(s)), distance: dist[s]!, path: pathTo(s) };
    reached.set(s, r);
    return r;
  });
  const equilibria: StatusQuoAnalysis["equilibria"] = {};
  const unreachable: StatusQuoAnalysis["unreachable"] = {};
  for (const c of a.concepts) {
    const eq = a.equilibria[c]!;
    equilibria[c] = eq.filter((s) => reached.has(s)).map((s) => reached.get(s)!).sort((x, y) => x.distance - y.distance || x.state - y.state);
    unreachable[c] = eq.filter((s) => !reached.has(s)).map(stateNumber);
  }
  return ok({ statusQuo: stateNumber(start), by, reachable, equilibria, unreachable });
}
