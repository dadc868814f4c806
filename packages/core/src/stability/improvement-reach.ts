/**
 * minReach over unilateral improvements (SEQ), with a chain per block instead of a
 * clique. Within one block of mover k, and one group of its one-way options, k's
 * improvements from u are exactly the members k likes more than u: a prefix of the
 * members sorted by k's payoff, best first. So we add, per mover, one auxiliary node
 * per position of that sorted order ("this member or any better one"), linked to its
 * member and to the position before it; u links to the last position it would
 * improve to, once per group it can reach. Reachability between states is unchanged
 * and the graph has O(states × movers × groups) edges instead of O(moves), so one
 * Tarjan pass (scc-min.ts) costs that much. Pays off when blocks are large
 * (decision makers with many options); the sorted cells come from cells.ts.
 */
import type { SortedCells } from "./cells.js";
import type { MinReachInput } from "./reach.js";
import { minReach } from "./reach.js";
import { minOverReachable } from "./scc-min.js";

const NONE = 2147483647;

export function minReachImprovements(input: MinReachInput, cellsByDm: readonly (SortedCells | null)[]): void {
  const { index, movers, value1, out1 } = input;
  const pays = input.improvementsBy!;
  const S = index.size;
  const M = movers.length;
  const two = input.value2 !== undefined && input.out2 !== undefined;
  const sorted = movers.map((k) => cellsByDm[k] ?? null);
  if (M === 0 || S === 0 || sorted.some((c) => c === null)) {
    minReach(input);
    return;
  }
  const chain = sorted.map((c) => c!.members);
  const cellStart = sorted.map((c) => c!.start);
  const cellOf = sorted.map((c) => c!.cellOf);

  // Nodes: states 0..S-1, then for mover m the positions S + m·S + pos.
  const N = S * (M + 1);
  const acc1 = new Int32Array(N).fill(NONE);
  acc1.set(value1);
  const acc2 = two ? new Int32Array(N).fill(NONE) : null;
  if (acc2 !== null) acc2.set(input.value2!);
  const G = sorted.map((c) => c!.groups);
  const gy = movers.map((k) => index.groupToY[k]!);
  const gn = movers.map((k) => index.groupToN[k]!);
  const grps = movers.map((k) => index.group[k]);
  const P = movers.map((k) => pays[k]!);

  // State cursors: mover index × 4096 + group; position cursors: 0 member, 1 previous position, 2 done.
  const next = (v: number, cursors: Int32Array, top: number): number => {
    const cursor = cursors[top]!;
    if (v >= S) {
      const mi = Math.floor((v - S) / S);
      const pos = v - S - mi * S;
      const mem = chain[mi]!;
      if (cursor === 0) {
        cursors[top] = 1;
        return mem[pos]!;
      }
      cursors[top] = 2;
      const cells = cellOf[mi]!;
      return cursor === 1 && pos > 0 && cells[mem[pos - 1]!] === cells[mem[pos]!] ? v - 1 : -1;
    }
    for (let mi = cursor >>> 12, h = cursor & 4095; mi < M; mi++, h = 0) {
      const g = grps[mi] ? grps[mi]![v]! : 0;
      const pv = P[mi]![v]!;
      const base = cellOf[mi]![v]! - g;
      const mem = chain[mi]!;
      const Pm = P[mi]!;
      for (; h < G[mi]!; h++) {
        if (h !== g && ((g & ~h & gy[mi]!) | (~g & h & gn[mi]!)) !== 0) continue;
        // Last position in the cell the mover likes more than v (members are best first).
        const cs = cellStart[mi]![base + h]!;
        let a = cs;
        let b = cellStart[mi]![base + h + 1]!;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (Pm[mem[mid]!]! > pv) a = mid + 1;
          else b = mid;
        }
        if (a > cs) {
          cursors[top] = (mi << 12) | (h + 1);
          return S + mi * S + (a - 1);
        }
      }
    }
    cursors[top] = M << 12;
    return -1;
  };
  minOverReachable(N, S, acc1, acc2, next);
  out1.set(acc1.subarray(0, S));
  if (acc2 !== null) input.out2!.set(acc2.subarray(0, S));
}
