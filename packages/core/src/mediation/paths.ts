/**
 * The path toward a target that the fewest preferences block: over every unilateral
 * move (legal, whether or not its mover wants it), the path from a start state to any
 * target state with the fewest moves that are not unilateral improvements for their
 * mover, and among those the shortest. Dijkstra's algorithm on the cost
 * (blocked moves, moves), ordered lexicographically.
 */
import type { MoveIndex } from "../stability/moves.js";

export interface PathStep {
  readonly mover: number;
  readonly from: number;
  readonly to: number;
  /** Whether the move is a unilateral improvement for its mover. */
  readonly improvement: boolean;
}

/** Null when no target state can be reached even by moves nobody wants (one-way options, feasibility). */
export function fewestBlockedPath(index: MoveIndex, payoffs: readonly Int32Array[], from: number, isTarget: (s: number) => boolean): PathStep[] | null {
  const S = index.size;
  const D = index.dmCount;
  // cost = blocked × (S + 1) + moves: exact in a double for S < 2^24.
  const cost = new Float64Array(S).fill(Infinity);
  const prev = new Int32Array(S).fill(-1);
  const mover = new Int32Array(S).fill(-1);
  const done = new Uint8Array(S);
  const heap = new MinHeap();
  cost[from] = 0;
  heap.push(0, from);
  let found = -1;
  while (heap.size > 0) {
    const [c, u] = heap.pop();
    if (done[u] === 1 || c > cost[u]!) continue;
    done[u] = 1;
    if (isTarget(u)) { found = u; break; }
    for (let k = 0; k < D; k++) {
      const P = payoffs[k]!;
      const mem = index.members[k]!;
      const start = index.blockStart[k]!;
      const b = index.blockOf[k]![u]!;
      const code = index.code[k]!;
      const cu = code !== null ? code[u]! : 0;
      for (let p = start[b]!; p < start[b + 1]!; p++) {
        const w = mem[p]!;
        if (w === u || done[w] === 1) continue;
        if (code !== null) {
          const cw = code[w]!;
          if (((cu & ~cw & index.toY[k]!) | (~cu & cw & index.toN[k]!)) !== 0) continue;
        }
        const next = c + 1 + (P[w]! > P[u]! ? 0 : S + 1);
        if (next < cost[w]!) {
          cost[w] = next;
          prev[w] = u;
          mover[w] = k;
          heap.push(next, w);
        }
      }
    }
  }
  if (found < 0) return null;
  const steps: PathStep[] = [];
  for (let v = found; v !== from; v = prev[v]!) {
    const u = prev[v]!;
    const k = mover[v]!;
    steps.push({ mover: k, from: u, to: v, improvement: payoffs[k]![v]! > payoffs[k]![u]! });
  }
  return steps.reverse();
}

/** A binary min-heap of (key, value) pairs; ties pop the smaller value first, so results are deterministic. */
class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  private less(i: number, j: number): boolean {
    const a = this.keys[i]!;
    const b = this.keys[j]!;
    return a < b || (a === b && this.values[i]! < this.values[j]!);
  }
  private swap(i: number, j: number): void {
    [this.keys[i], this.keys[j]] = [this.keys[j]!, this.keys[i]!];
    [this.values[i], this.values[j]] = [this.values[j]!, this.values[i]!];
  }
  push(key: number, value: number): void {
    this.keys.push(key);
    this.values.push(value);
    for (let i = this.keys.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.values[0]!];
    const lastKey = this.keys.pop()!;
    const lastValue = this.values.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.values[0] = lastValue;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
