/**
 * Breadth-first search from one state over every decision maker's unilateral moves,
 * or over unilateral improvements only: which states the conflict can get to, how
 * many moves away, and by which last move (for shortest paths). Typed arrays and the
 * move index's blocks, so it runs on millions of states.
 *
 * With sorted cells (cells.ts) each cell is scanned once in all: the members of a cell
 * better for its owner than a state u are a prefix of the cell, and a prefix scanned
 * for an earlier state has had all its members found already, so only the rest of the
 * prefix is new. Without cells every move of every state found is looked at.
 */
import type { SortedCells } from "./cells.js";
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
 * (strictly preferred by it). The search goes distance by distance, each distance's
 * states in ascending order (which also keeps memory access close to sequential on
 * large models), so a state's predecessor on its path is the lowest-numbered state one
 * move nearer that reaches it: paths are deterministic and the same with or without
 * cells. `cells[k]` must be sorted by `payoffs[k]` when given.
 */
export function reachFrom(
  index: MoveIndex,
  payoffs: readonly Int32Array[],
  from: number,
  by: "improvements" | "moves",
  cells?: readonly (SortedCells | null)[],
): ReachFrom {
  const S = index.size;
  const D = index.dmCount;
  const dist = new Int32Array(S).fill(-1);
  const prev = new Int32Array(S).fill(-1);
  const mover = new Int32Array(S).fill(-1);
  const order = new Int32Array(S);
  const improving = by === "improvements";
  // scanned[k][c]: how many of cell c's first members have been looked at.
  const scanned = Array.from({ length: D }, (_, k) => (cells?.[k] ? new Int32Array(cells[k]!.start.length - 1) : null));
  let tail = 0;
  order[tail++] = from;
  dist[from] = 0;
  let levelEnd = tail;
  for (let q = 0; q < tail; q++) {
    if (q === levelEnd) {
      order.subarray(q, tail).sort();
      levelEnd = tail;
    }
    const u = order[q]!;
    const du = dist[u]! + 1;
    for (let k = 0; k < D; k++) {
      const P = payoffs[k]!;
      const pu = P[u]!;
      const sc = scanned[k]!;
      const found = (w: number): void => {
        dist[w] = du;
        prev[w] = u;
        mover[w] = k;
        order[tail++] = w;
      };
      if (sc !== null) {
        const cell = cells![k]!;
        const grp = index.group[k]!;
        const g = grp !== null ? grp[u]! : 0;
        const base = cell.cellOf[u]! - g;
        const gy = index.groupToY[k]!;
        const gn = index.groupToN[k]!;
        const mem = cell.members;
        for (let h = 0; h < cell.groups; h++) {
          if (h !== g && ((g & ~h & gy) | (~g & h & gn)) !== 0) continue;
          const c = base + h;
          const first = cell.start[c]!;
          let end = cell.start[c + 1]!;
          let lo = first + sc[c]!;
          // Nothing new: the cell is scanned to its end, or (improvements) to the first member no better than u.
          if (lo === end || (improving && P[mem[lo]!]! <= pu)) continue;
          if (improving) {
            // The members k prefers to u: a prefix, found by binary search.
            while (lo < end) {
              const mid = (lo + end) >>> 1;
              if (P[mem[mid]!]! > pu) lo = mid + 1;
              else end = mid;
            }
          }
          for (let p = first + sc[c]!; p < end; p++) {
            const w = mem[p]!;
            if (dist[w] === -1) found(w);
          }
          if (end - first > sc[c]!) sc[c] = end - first;
        }
      } else {
        const mem = index.members[k]!;
        const start = index.blockStart[k]!;
        const b = index.blockOf[k]![u]!;
        const code = index.code[k]!;
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
          found(w);
        }
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
