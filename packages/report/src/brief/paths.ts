/**
 * Ways through the state space for the brief: from a state by improvements to where
 * the conflict would settle, and from today into a named outcome with the fewest steps
 * a mover would rather not take. Typed arrays and a binary heap, so they run on large
 * models; moves come from the analysis' move index.
 */
import { asStateIndex, legalMove, pathSteps, reachFrom, type Analysis } from "@concord/core";
import { holdLevel, holds, type Facts } from "../facts.js";
import type { HoldLevel } from "../types.js";

export interface RawStep {
  readonly mover: number;
  readonly from: number;
  readonly to: number;
}

/**
 * From state `from` (0-based), the moves that each improve their mover's position up to
 * the nearest state that holds (see holds()), preferring one where `prefer` is true;
 * `end` is where it settles, or `from` itself when nothing reachable holds.
 */
export function settle(f: Facts, from: number, prefer?: (s: number) => boolean): { steps: RawStep[]; end: number; holds: HoldLevel } {
  const here = holdLevel(f, from);
  if (holds(here)) return { steps: [], end: from, holds: here };
  const a = f.a;
  const r = reachFrom(a.index, a.payoffs.map((p) => p.payoff), from, "improvements");
  let best = -1;
  for (const s of r.order) {
    if (!holds(holdLevel(f, s))) continue;
    if (best < 0) best = s;
    // Among the nearest that hold, one in the preferred set wins.
    if (r.dist[s]! > r.dist[best]!) break;
    if (prefer?.(s) && !prefer(best)) best = s;
  }
  if (best < 0) return { steps: [], end: from, holds: here };
  return { steps: pathSteps(r, best), end: best, holds: holdLevel(f, best) };
}

/**
 * A way from `from` into a state where `inTarget[s] = 1`: fewest blocked steps (moves
 * that do not improve the mover's position), then fewest steps, then fewest options
 * changed; ties go to lower state numbers, so the answer is the same every run.
 * Undefined when no way leads there.
 */
export function leastBlockedPath(a: Analysis, from: number, inTarget: Uint8Array): { steps: RawStep[]; blocked: number } | undefined {
  const S = a.space.size;
  const D = a.index.dmCount;
  const P = a.payoffs.map((p) => p.payoff);
  // Cost = blocked × PER + steps × STEP + options changed: a step outweighs any number of
  // changed options (at most 52 per step), a blocked step any unblocked path. Exact in a
  // double while blocked steps stay below 2^53 / PER (millions, for any enumerable model).
  const STEP = 64;
  const per = (S + 1) * STEP * 2;
  const options = a.space.model.decisionMakers.map((d) => d.options);
  const changed = (k: number, u: number, w: number): number => {
    let n = 0;
    for (const o of options[k]!) if (a.space.taken(asStateIndex(u), o) !== a.space.taken(asStateIndex(w), o)) n++;
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
    if (inTarget[u] === 1) {
      const steps: RawStep[] = [];
      for (let v = u; v !== from; v = prev[v]!) steps.push({ mover: mover[v]!, from: prev[v]!, to: v });
      steps.reverse();
      return { steps, blocked: Math.floor(cost[u]! / per) };
    }
    const cu = cost[u]!;
    for (let k = 0; k < D; k++) {
      const Pk = P[k]!;
      const start = a.index.blockStart[k]!;
      const mem = a.index.members[k]!;
      const b = a.index.blockOf[k]![u]!;
      for (let p = start[b]!; p < start[b + 1]!; p++) {
        const w = mem[p]!;
        if (done[w] === 1 || !legalMove(a.index, k, u, w)) continue;
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
  return undefined;
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
