/**
 * minReach over unilateral improvements (SEQ), with a chain per block instead of a
 * clique. Within one block of mover k, and one group of its one-way options, k's
 * improvements from u are exactly the members k likes more than u: a prefix of the
 * members sorted by k's payoff, best first. So we add, per mover, one auxiliary node
 * per position of that sorted order ("this member or any better one"), linked to its
 * member and to the position before it; u links to the last position it would
 * improve to, once per group it can reach. Reachability between states is unchanged
 * and the graph has O(states × movers × groups) edges instead of O(moves), so one
 * Tarjan pass (as in reach.ts) costs that much. Pays off when blocks are large
 * (decision makers with many options); the sorted cells come from cells.ts.
 */
import type { SortedCells } from "./cells.js";
import type { MinReachInput } from "./reach.js";
import { minReach } from "./reach.js";

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
  const acc2 = two ? new Int32Array(N).fill(NONE) : acc1;
  acc1.set(value1);
  if (two) acc2.set(input.value2!);
  const order = new Int32Array(N).fill(-1);
  const low = new Int32Array(N);
  const onStack = new Uint8Array(N);
  const stack = new Int32Array(N);
  let sp = 0;
  const frameNode = new Int32Array(N);
  // State frames: cursor = mover index × 4096 + group; position frames: 0 (member), 1 (previous position), 2 (done).
  const frameCursor = new Int32Array(N);
  let counter = 0;

  const G = sorted.map((c) => c!.groups);
  const gy = movers.map((k) => index.groupToY[k]!);
  const gn = movers.map((k) => index.groupToN[k]!);
  const grps = movers.map((k) => index.group[k]);
  const P = movers.map((k) => pays[k]!);

  for (let root = 0; root < S; root++) {
    if (order[root] !== -1) continue;
    let top = 0;
    order[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    frameNode[0] = root;
    frameCursor[0] = 0;
    while (top >= 0) {
      const v = frameNode[top]!;
      let cursor = frameCursor[top]!;
      let w = -1;
      // Next edge of v, or -1 when there is none left.
      if (v < S) {
        let mi = cursor >>> 12;
        let h = cursor & 4095;
        while (mi < M && w < 0) {
          const g = grps[mi] ? grps[mi]![v]! : 0;
          const pv = P[mi]![v]!;
          const base = cellOf[mi]![v]! - g;
          for (; h < G[mi]! && w < 0; h++) {
            if (h !== g && ((g & ~h & gy[mi]!) | (~g & h & gn[mi]!)) !== 0) continue;
            // Last position in the cell the mover likes more than v (members are best first).
            const cs = cellStart[mi]![base + h]!;
            let a = cs;
            let b = cellStart[mi]![base + h + 1]!;
            const mem = chain[mi]!;
            const Pm = P[mi]!;
            while (a < b) {
              const mid = (a + b) >>> 1;
              if (Pm[mem[mid]!]! > pv) a = mid + 1;
              else b = mid;
            }
            if (a > cs) w = S + mi * S + (a - 1);
          }
          if (w < 0) {
            mi++;
            h = 0;
          }
        }
        cursor = (mi << 12) | h;
      } else {
        const mi = Math.floor((v - S) / S);
        const pos = v - S - mi * S;
        if (cursor === 0) {
          w = chain[mi]![pos]!;
          cursor = 1;
        } else if (cursor === 1) {
          cursor = 2;
          const cells = cellOf[mi]!;
          const mem = chain[mi]!;
          if (pos > 0 && cells[mem[pos - 1]!] === cells[mem[pos]!]) w = v - 1;
        }
      }
      frameCursor[top] = cursor;
      if (w >= 0) {
        const ow = order[w]!;
        if (ow === -1) {
          top++;
          order[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          frameNode[top] = w;
          frameCursor[top] = 0;
        } else if (onStack[w] === 1) {
          if (ow < low[v]!) low[v] = ow;
        } else {
          if (acc1[w]! < acc1[v]!) acc1[v] = acc1[w]!;
          if (two && acc2[w]! < acc2[v]!) acc2[v] = acc2[w]!;
        }
        continue;
      }
      // v is finished.
      if (low[v] === order[v]) {
        let m1 = acc1[v]!;
        let m2 = acc2[v]!;
        let k = sp - 1;
        for (; ; k--) {
          const u = stack[k]!;
          if (acc1[u]! < m1) m1 = acc1[u]!;
          if (two && acc2[u]! < m2) m2 = acc2[u]!;
          if (u === v) break;
        }
        for (let j = k; j < sp; j++) {
          const u = stack[j]!;
          acc1[u] = m1;
          if (two) acc2[u] = m2;
          onStack[u] = 0;
        }
        sp = k;
      }
      top--;
      if (top >= 0) {
        const p = frameNode[top]!;
        if (onStack[v] === 1) {
          if (low[v]! < low[p]!) low[p] = low[v]!;
        } else {
          if (acc1[v]! < acc1[p]!) acc1[p] = acc1[v]!;
          if (two && acc2[v]! < acc2[p]!) acc2[p] = acc2[v]!;
        }
      }
    }
  }
  out1.set(acc1.subarray(0, S));
  if (two) input.out2!.set(acc2.subarray(0, S));
}
