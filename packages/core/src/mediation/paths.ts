/**
 * The path toward a target that the fewest preferences block: over every legal
 * unilateral move (whether or not its mover wants it), the path from a start state to
 * any target state with the fewest moves that are not unilateral improvements for
 * their mover, then the fewest moves, then the fewest options changed; ties go to lower
 * state numbers, so the answer is the same every run. Dijkstra's algorithm on that
 * cost, with typed arrays and a binary heap, so it runs on large models. Stabilization
 * and the report's brief both use it.
 */
import { asStateIndex } from "../numbering.js";
import type { StateSpace } from "../statespace/space.js";
import { legalMove, type MoveIndex } from "../stability/moves.js";

export interface PathStep {
  readonly mover: number;
  readonly from: number;
  readonly to: number;
  /** Whether the move is a unilateral improvement for its mover. */
  readonly improvement: boolean;
}

/** Null when no target state can be reached even by moves nobody wants (one-way options, feasibility). */
export function fewestBlockedPath(space: StateSpace, index: MoveIndex, payoffs: readonly Int32Array[], from: number, isTarget: (s: number) => boolean): PathStep[] | null {
  const S = space.size;
  const D = index.dmCount;
  // Cost = blocked × PER + steps × STEP + options changed: a step outweighs any number of
  // changed options (at most 52 per step), a blocked step any unblocked path. Exact in a
  // double while blocked steps stay below 2^53 / PER (millions, for any enumerable model).
  const STEP = 64;
  const per = (S + 1) * STEP * 2;
  const options = space.model.decisionMakers.map((d) => d.options);
  const changed = (k: number, u: number, w: number): number => {
    let n = 0;
    for (const o of options[k]!) if (space.taken(asStateIndex(u), o) !== space.taken(asStateIndex(w), o)) n++;
    return n;
  };
  const cost = new Float64Array(S).fill(Infinity);
  const prev = new Int32Array(S).fill(-1);
  const mover = new Int32Array(S).fill(-1);
  const done = new Uint8Array(S);
  const heap = new MinHeap();
  cost[from] = 0;
  heap.push(0, from);
  while (heap.size > 0) {
    const u = heap.pop();
    if (done[u] === 1) continue;
    done[u] = 1;
    if (isTarget(u)) {
      const steps: PathStep[] = [];
      for (let v = u; v !== from; v = prev[v]!) {
        const k = mover[v]!;
        steps.push({ mover: k, from: prev[v]!, to: v, improvement: payoffs[k]![v]! > payoffs[k]![prev[v]!]! });
      }
      return steps.reverse();
    }
    const cu = cost[u]!;
    for (let k = 0; k < D; k++) {
      const Pk = payoffs[k]!;
      const start = index.blockStart[k]!;
      const mem = index.members[k]!;
      const b = index.blockOf[k]![u]!;
      for (let p = start[b]!; p < start[b + 1]!; p++) {
        const w = mem[p]!;
        if (done[w] === 1 || !legalMove(index, k, u, w)) continue;
        const c = cu + STEP + changed(k, u, w) + (Pk[w]! > Pk[u]! ? 0 : per);
        if (c < cost[w]!) {
          cost[w] = c;
          prev[w] = u;
          mover[w] = k;
          heap.push(c, w);
        }
      }
    }
  }
  return null;
}

/** A binary min-heap of (key, state), ties broken by the lower state. */
class MinHeap {
  private keys = new Float64Array(64);
  private vals = new Int32Array(64);
  size = 0;

  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const v = new Int32Array(this.size * 2);
      v.set(this.vals);
      this.vals = v;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(key, val, this.keys[parent]!, this.vals[parent]!)) break;
      this.keys[i] = this.keys[parent]!;
      this.vals[i] = this.vals[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.vals[i] = val;
  }

  pop(): number {
    const top = this.vals[0]!;
    const n = --this.size;
    const key = this.keys[n]!;
    const val = this.vals[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.less(this.keys[r]!, this.vals[r]!, this.keys[l]!, this.vals[l]!) ? r : l;
      if (!this.less(this.keys[c]!, this.vals[c]!, key, val)) break;
      this.keys[i] = this.keys[c]!;
      this.vals[i] = this.vals[c]!;
      i = c;
    }
    this.keys[i] = key;
    this.vals[i] = val;
    return top;
  }

  private less(k1: number, v1: number, k2: number, v2: number): boolean {
    return k1 < k2 || (k1 === k2 && v1 < v2);
  }
}
