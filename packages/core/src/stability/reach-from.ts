/**
 * Breadth-first search from one state over every decision maker's unilateral moves,
 * or over unilateral improvements only: which states the conflict can get to, how
 * many moves away, and by which last move (for shortest paths). Typed arrays and the
 * move index's blocks, so it runs on millions of states.
 */
import type { MoveIndex } from "./moves.js";

export interface ReachFrom {
  readonly from: number;
  /** dist[s]: moves on a shortest path from `from` (−1: not reachable). */
  readonly dist: Int32Array;
  /** prev[s], mover[s]: the state before s on a shortest path and who moved (−1 for `from` and unreached states). */
  readonly prev: Int32Array;
  readonly mover: Int32Array;
  /** Reached states in the order found (nearest first; `from` first). */
  readonly order: Int32Array;
}

/**
 * `by = "improvements"`: each move must be a unilateral improvement for its mover
 * (strictly preferred by it). Within a distance, states are found in the order of
 * the decision makers and then of state numbers, so paths are deterministic.
 */
export function reachFrom(index: MoveIndex, payoffs: readonly Int32Array[], from: number, by: "improvements" | "moves"): ReachFrom {
  const S = index.size;
  const D = index.dmCount;
  const dist = new Int32Array(S).fill(-1);
  const prev = new Int32Array(S).fill(-1);
  const mover = new Int32Array(S).fill(-1);
  const order = new Int32Array(S);
  const improving = by === "improvements";
  let tail = 0;
  order[tail++] = from;
  dist[from] = 0;
  for (let q = 0; q < tail; q++) {
    const u = order[q]!;
    const du = dist[u]! + 1;
    for (let k = 0; k < D; k++) {
      const P = payoffs[k]!;
      const pu = P[u]!;
      const mem = index.members[k]!;
      const start = index.blockStart[k]!;
      const b = index.blockOf[k]![u]!;
      const code = index.code[k];
      const ty = index.toY[k]!;
      const tn = index.toN[k]!;
      const cu = code !== null ? code[u]! : 0;
      for (let p = start[b]!; p < start[b + 1]!; p++) {
        const w = mem[p]!;
        if (dist[w] !== -1 || (improving && P[w]! <= pu)) continue;
        if (code !== null) {
          const cw = code[w]!;
          if (((cu & ~cw & ty) | (~cu & cw & tn)) !== 0) continue;
        }
        dist[w] = du;
        prev[w] = u;
        mover[w] = k;
        order[tail++] = w;
      }
    }
  }
  return { from, dist, prev, mover, order: order.slice(0, tail) };
}

/** The states on a shortest path from `r.from` to `s`, as (mover, from, to) steps; empty when s is the start or unreached. */
export function pathSteps(r: ReachFrom, s: number): { mover: number; from: number; to: number }[] {
  const steps: { mover: number; from: number; to: number }[] = [];
  if (r.dist[s]! <= 0) return steps;
  for (let v = s; v !== r.from; v = r.prev[v]!) steps.push({ mover: r.mover[v]!, from: r.prev[v]!, to: v });
  return steps.reverse();
}
