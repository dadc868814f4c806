/**
 * A coalition's moves one state at a time, for explanations, status quo paths and
 * partitions whose other blocks answer jointly: what it can reach, which of those
 * states every member prefers, and a legal sequence of members' moves that gets there.
 */
import { movesFrom, type MoveIndex } from "../stability/moves.js";

/** States the members can reach from `from` by one or more moves (itself included only if it can come back). */
export function reachable(index: MoveIndex, members: readonly number[], from: number): number[] {
  const seen = new Uint8Array(index.size);
  const out: number[] = [];
  const queue = [from];
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q]!;
    for (const k of members) {
      for (const w of movesFrom(index, k, u)) {
        if (seen[w] === 1) continue;
        seen[w] = 1;
        out.push(w);
        queue.push(w);
      }
    }
  }
  return out.sort((a, b) => a - b);
}

/** R_H^{++}(from): states the members can reach that every one of them strictly prefers to `from`. */
export function coalitionalImprovements(index: MoveIndex, payoffs: readonly Int32Array[], members: readonly number[], from: number): number[] {
  return reachable(index, members, from).filter((t) => members.every((k) => payoffs[k]![t]! > payoffs[k]![from]!));
}

/** One move of a legal sequence: who moves, from where, to where (0-based states). */
export interface Step {
  readonly mover: number;
  readonly from: number;
  readonly to: number;
}

/**
 * A shortest legal sequence of the members' moves from `from` to `to` in which no one
 * moves twice in a row (breadth-first over (state, last mover)); null if there is none.
 * With `improving`, every move must be a unilateral improvement for its mover.
 */
export function shortestSequence(
  index: MoveIndex,
  members: readonly number[],
  from: number,
  to: number,
  payoffs?: readonly Int32Array[],
): Step[] | null {
  const D = index.dmCount;
  const S = index.size;
  // Node (state, last mover), last mover D = nobody yet.
  const node = (s: number, last: number): number => s * (D + 1) + last;
  const prev = new Int32Array(S * (D + 1)).fill(-2);
  const start = node(from, D);
  prev[start] = -1;
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    const u = Math.floor(v / (D + 1));
    const last = v % (D + 1);
    for (const k of members) {
      if (k === last) continue;
      for (const w of movesFrom(index, k, u)) {
        if (payoffs && payoffs[k]![w]! <= payoffs[k]![u]!) continue;
        const x = node(w, k);
        if (prev[x] !== -2) continue;
        prev[x] = v;
        if (w === to) {
          const steps: Step[] = [];
          for (let y = x; prev[y]! >= 0; y = prev[y]!) {
            steps.push({ mover: y % (D + 1), from: Math.floor(prev[y]! / (D + 1)), to: Math.floor(y / (D + 1)) });
          }
          return steps.reverse();
        }
        queue.push(x);
      }
    }
  }
  return null;
}
