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
import type { MoveIndex } from "./moves.js";
import type { MinReachInput } from "./reach.js";
import { minReach } from "./reach.js";

const NONE = 2147483647;

export function minReachImprovements(input: MinReachInput, cellsByDm: readonly (SortedCells | null)[]): void {
  const { index, movers, value1, out1 } = input;
  const pays = input.improvementsBy!;
  const S = index.size;
  const M = movers.length;
  const sorted = movers.map((k) => cellsByDm[k] ?? null);
  // Two values at once, or a mover without sorted cells: the general method.
  if (M === 0 || S === 0 || sorted.some((c) => c === null) || input.value2 !== undefined) {
    minReach(input);
    return;
  }
  chainSearch(index, movers, movers.map((k) => pays[k]!), sorted as SortedCells[], value1, out1);
}

/**
 * The search over states and chain positions (nodes: states 0..S−1, then mover m's
 * position pos at S + m·S + pos), with the successors generated inline rather than
 * through a callback, and Pearce's variant of Tarjan's algorithm ("A space-efficient
 * algorithm for finding strongly connected components", 2016): one number per node
 * (its visit index while open, its component number once done) instead of Tarjan's
 * order, low link and on-stack flag. Past a million states every node touched is a
 * cache miss, so each array less is time saved; payoffs are read in cell order
 * (memP) so the binary searches touch one array instead of two.
 */
function chainSearch(index: MoveIndex, movers: readonly number[], P: readonly Int32Array[], cells: readonly SortedCells[], value: Int32Array, out: Int32Array): void {
  const S = index.size;
  const M = cells.length;
  const N = S * (M + 1);
  const acc = new Int32Array(N).fill(NONE);
  acc.set(value);
  // Everything the search reads is flattened into typed arrays (no arrays of arrays in the loop:
  // their maps made the optimised code bail out), per state and mover side by side.
  const G = Int32Array.from(cells, (c) => c.groups);
  const gy = Int32Array.from(movers, (k) => index.groupToY[k]!);
  const gn = Int32Array.from(movers, (k) => index.groupToN[k]!);
  // Cell starts of all movers in one array; mover m's begin at cellOffset[m].
  const cellOffset = new Int32Array(M + 1);
  for (let m = 0; m < M; m++) cellOffset[m + 1] = cellOffset[m]! + cells[m]!.start.length;
  const cst = new Int32Array(cellOffset[M]!);
  for (let m = 0; m < M; m++) cst.set(cells[m]!.start, cellOffset[m]!);
  // info[(v·M + m)·3 ..]: v's first cell of its block in cst, v's group, and v's payoff for mover m.
  const info = new Int32Array(S * M * 3);
  // mp[m·S + pos]: mover m's payoff of the member at pos (cells best first); link: see below.
  const mp = new Int32Array(M * S);
  // Chain node S + x (x = m·S + pos) leads to its member, stored as ~member when pos starts its cell (no previous position).
  const link = new Int32Array(M * S);
  // For a mover without one-way groups, state v's one chain successor, found by one scan per cell (−1: none).
  const succ = new Int32Array(M * S).fill(-1);
  for (let m = 0; m < M; m++) {
    const c = cells[m]!;
    const mem = c.members;
    const pm = P[m]!;
    const grp = index.group[movers[m]!] ?? null;
    for (let v = 0; v < S; v++) {
      const g = grp !== null ? grp[v]! : 0;
      const o = (v * M + m) * 3;
      info[o] = cellOffset[m]! + c.cellOf[v]! - g;
      info[o + 1] = g;
      info[o + 2] = pm[v]!;
    }
    for (let pos = 0; pos < S; pos++) mp[m * S + pos] = pm[mem[pos]!]!;
    const cs = c.start;
    for (let cell = 0; cell + 1 < cs.length; cell++) {
      const first = cs[cell]!;
      const end = cs[cell + 1]!;
      for (let p = first; p < end; ) {
        let q = p;
        while (q < end && mp[m * S + q] === mp[m * S + p]) q++;
        // Positions p..q−1 tie; each improves to position p−1 and everything before it in the cell.
        for (let pos = p; pos < q; pos++) {
          link[m * S + pos] = pos === first ? ~mem[pos]! : mem[pos]!;
          if (G[m] === 1) succ[mem[pos]! * M + m] = p > first ? S + m * S + (p - 1) : -1;
        }
        p = q;
      }
    }
  }

  // rindex: 0 unvisited; 1.. visit index while open; component number (from N down) once done.
  const rindex = new Int32Array(N);
  const frameNode = new Int32Array(N);
  const frameCursor = new Int32Array(N);
  const frameRoot = new Uint8Array(N);
  const open = new Int32Array(N);
  let sp = 0;
  let visit = 1;
  let comp = N;

  for (let root = 0; root < S; root++) {
    if (rindex[root] !== 0) continue;
    let top = 0;
    frameNode[0] = root;
    frameCursor[0] = 0;
    frameRoot[0] = 1;
    rindex[root] = visit++;
    while (top >= 0) {
      const v = frameNode[top]!;
      // Next successor of v, or −1.
      let w = -1;
      let cursor = frameCursor[top]!;
      if (v >= S) {
        const l = link[v - S]!;
        if (cursor === 0) {
          w = l >= 0 ? l : ~l;
          cursor = 1;
        } else if (cursor === 1) {
          cursor = 2;
          if (l >= 0) w = v - 1;
        }
      } else {
        let mi = cursor >>> 12;
        let h = cursor & 4095;
        for (; mi < M; mi++, h = 0) {
          const Gm = G[mi]!;
          if (Gm === 1) {
            if (h === 0) {
              w = succ[v * M + mi]!;
              if (w >= 0) {
                cursor = (mi << 12) | 1;
                break;
              }
            }
            continue;
          }
          const o = (v * M + mi) * 3;
          const base = info[o]!;
          const g = info[o + 1]!;
          const pv = info[o + 2]!;
          const y = gy[mi]!;
          const n = gn[mi]!;
          const off = mi * S;
          for (; h < Gm; h++) {
            if (h !== g && ((g & ~h & y) | (~g & h & n)) !== 0) continue;
            // Last position in the cell the mover likes more than v (members are best first).
            const first = cst[base + h]!;
            let a = first;
            let b = cst[base + h + 1]!;
            while (a < b) {
              const mid = (a + b) >>> 1;
              if (mp[off + mid]! > pv) a = mid + 1;
              else b = mid;
            }
            if (a > first) {
              w = S + off + (a - 1);
              cursor = (mi << 12) | (h + 1);
              break;
            }
          }
          if (w >= 0) break;
        }
        if (w < 0) cursor = M << 12;
      }
      frameCursor[top] = cursor;
      if (w >= 0) {
        if (rindex[w] === 0) {
          // Descend; the edge is settled when w is finished (below).
          top++;
          frameNode[top] = w;
          frameCursor[top] = 0;
          frameRoot[top] = 1;
          rindex[w] = visit++;
          continue;
        }
        // Open w: same component or an ancestor's; done w: an earlier component (its number exceeds every visit index).
        if (rindex[w]! < rindex[v]!) {
          rindex[v] = rindex[w]!;
          frameRoot[top] = 0;
        }
        if (acc[w]! < acc[v]!) acc[v] = acc[w]!;
        continue;
      }
      // v is finished.
      if (frameRoot[top] === 1) {
        // v roots a component: v and the open nodes above its index. Everything they reach is final or inside.
        let m = acc[v]!;
        let k = sp;
        const rv = rindex[v]!;
        while (k > 0 && rv <= rindex[open[k - 1]!]!) {
          k--;
          if (acc[open[k]!]! < m) m = acc[open[k]!]!;
        }
        comp--;
        for (let j = k; j < sp; j++) {
          const u = open[j]!;
          acc[u] = m;
          rindex[u] = comp;
        }
        visit -= sp - k + 1;
        sp = k;
        acc[v] = m;
        rindex[v] = comp;
      } else {
        open[sp++] = v;
      }
      top--;
      if (top >= 0) {
        const p = frameNode[top]!;
        if (rindex[v]! < rindex[p]!) {
          rindex[p] = rindex[v]!;
          frameRoot[top] = 0;
        }
        if (acc[v]! < acc[p]!) acc[p] = acc[v]!;
      }
    }
  }
  out.set(acc.subarray(0, S));
}
