/**
 * Stability of one state for one decision maker, found by searching only from that
 * state: for each of i's unilateral improvements t, a breadth-first search over
 * (state, last mover) pairs of the others' moves from t that stops at the first
 * sanction. The engine computes every state at once (a pass over the whole graph);
 * a question about a few states — the status quo, the states it can reach, the
 * candidates left after cheaper concepts ruled the rest out — costs far less here.
 * Definitions as in stability/oracle.ts; the moves come from the move index, so
 * one-way options and unperceived states are respected as in the engine.
 */
import type { BasicConcept } from "../stability/concepts.js";
import { movesFrom, type MoveIndex } from "../stability/moves.js";

/** Memory for the searches; one per move index, reusable by one search at a time. */
export interface LocalScratch {
  /** seen[u·D + k] === stamp: the pair (state u, last mover k) was queued in the current search. */
  readonly seen: Uint32Array;
  readonly queue: Int32Array;
  stamp: number;
}

export function localScratch(index: MoveIndex): LocalScratch {
  const n = index.size * index.dmCount;
  return { seen: new Uint32Array(n), queue: new Int32Array(n), stamp: 0 };
}

export class LocalStability {
  private readonly D: number;
  private readonly memo = new Map<number, boolean>();

  constructor(
    readonly index: MoveIndex,
    /** Every decision maker's payoff per state (higher = preferred). */
    readonly payoffs: readonly Int32Array[],
    private readonly scratch: LocalScratch = localScratch(index),
  ) {
    this.D = index.dmCount;
  }

  /** Whether s is stable for decision maker i under the concept. */
  stable(i: number, s: number, concept: BasicConcept): boolean {
    const key = ((s * this.D + i) << 2) | CODE[concept];
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const P = this.payoffs[i]!;
    const ps = P[s]!;
    let ok = true;
    for (const t of movesFrom(this.index, i, s)) {
      if (P[t]! <= ps) continue;
      if (concept === "nash" || !this.sanctioned(i, t, ps, concept)) {
        ok = false;
        break;
      }
    }
    this.memo.set(key, ok);
    return ok;
  }

  /** Whether the others can answer i's move to t with a state i likes no better than `ps` (SMR: from which i cannot escape to better). */
  private sanctioned(i: number, t: number, ps: number, concept: BasicConcept): boolean {
    const D = this.D;
    const idx = this.index;
    const P = this.payoffs[i]!;
    const improving = concept === "seq";
    const { seen, queue } = this.scratch;
    if (++this.scratch.stamp === 0xffffffff) {
      seen.fill(0);
      this.scratch.stamp = 1;
    }
    const stamp = this.scratch.stamp;
    let head = 0;
    let tail = 0;
    queue[tail++] = t * D + i; // i moved last
    while (head < tail) {
      const node = queue[head++]!;
      const u = Math.floor(node / D);
      const last = node - u * D;
      for (let k = 0; k < D; k++) {
        if (k === i || k === last) continue;
        const Pk = this.payoffs[k]!;
        // k's moves from u, inlined (this is the hot loop): the other members of u's block, one-way options respected.
        const b = idx.blockOf[k]![u]!;
        const mem = idx.members[k]!;
        const code = idx.code[k]!;
        const ty = idx.toY[k]!;
        const tn = idx.toN[k]!;
        const end = idx.blockStart[k]![b + 1]!;
        for (let p = idx.blockStart[k]![b]!; p < end; p++) {
          const w = mem[p]!;
          if (w === u) continue;
          if (code !== null && ((code[u]! & ~code[w]! & ty) | (~code[u]! & code[w]! & tn)) !== 0) continue;
          if (improving && Pk[w]! <= Pk[u]!) continue;
          if (P[w]! <= ps && (concept !== "smr" || this.noEscape(i, w, ps))) return true;
          const key = w * D + k;
          if (seen[key] !== stamp) {
            seen[key] = stamp;
            queue[tail++] = key;
          }
        }
      }
    }
    return false;
  }

  /** Every move of i from w leads to a state i likes no better than `ps`. */
  private noEscape(i: number, w: number, ps: number): boolean {
    const P = this.payoffs[i]!;
    for (const x of movesFrom(this.index, i, w)) if (P[x]! > ps) return false;
    return true;
  }
}

const CODE: Record<BasicConcept, number> = { nash: 0, gmr: 1, smr: 2, seq: 3 };
