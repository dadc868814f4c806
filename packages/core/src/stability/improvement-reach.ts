/**
 * minReach over unilateral improvements (SEQ) without a strongly-connected-components
 * search. Within one block of mover k, and one group of its one-way options (a
 * "cell", cells.ts), k's improvements from u are the members k likes more than u: a
 * prefix of the cell sorted by k's payoff, best first. Read backwards, the states
 * that improve to w inside a cell are a suffix of it: every member k likes less than w.
 *
 * The minimum over everything reachable from each state is found by taking the states
 * in increasing order of the value and searching backwards from each one not yet
 * assigned: everything that reaches it, and is not assigned yet, has it as its
 * minimum. The assigned states are always closed under "can move to", so a search
 * never needs to pass through an assigned state, and each cell keeps a frontier:
 * the positions from it to the cell's end are all assigned, so every position is
 * scanned once per mover. Each state is taken once, so the pass costs
 * O(states × movers × groups × log cell size) with a few flat arrays instead of
 * Tarjan's stack of (states × movers) nodes — past a million states every node touched
 * was a cache miss.
 */
import type { SortedCells } from "./cells.js";
import type { MoveIndex } from "./moves.js";
import type { MinReachInput } from "./reach.js";
import { minReach } from "./reach.js";
import { scratchInt32, scratchUint8 } from "./scratch.js";

export function minReachImprovements(input: MinReachInput, cellsByDm: readonly (SortedCells | null)[]): void {
  const { index, movers, value1, out1 } = input;
  const pays = input.improvementsBy!;
  const S = index.size;
  const M = movers.length;
  const sorted = movers.map((k) => cellsByDm[k] ?? null);
  // A mover without sorted cells (too many one-way options to group): the general method.
  if (M === 0 || S === 0 || sorted.some((c) => c === null)) {
    minReach(input);
    return;
  }
  const search = new BackwardSearch(index, movers, movers.map((k) => pays[k]!), sorted as SortedCells[]);
  search.run(value1, out1);
  if (input.value2 !== undefined && input.out2 !== undefined) search.run(input.value2, input.out2);
}

/** One set of movers' improvements, searched backwards for any number of values. */
class BackwardSearch {
  private readonly S: number;
  private readonly M: number;
  private readonly G: Int32Array;
  private readonly gy: Int32Array;
  private readonly gn: Int32Array;
  // Per mover, the cells' own arrays (all Int32Array, never null: one map in the loop).
  private readonly cellOf: Int32Array[];
  private readonly start: Int32Array[];
  private readonly mem: Int32Array[];
  private readonly pay: Int32Array[];
  /**
   * Per mover without one-way groups: tie[s] = the first position after s's run of
   * equal payoffs in its cell — the states that improve to s sit from there to the
   * cell's end, found without a search. With groups: mp[pos] = the mover's payoff of
   * the member at pos, so binary searches read one array.
   */
  private readonly tie: Int32Array[];
  private readonly mp: Int32Array[];

  constructor(index: MoveIndex, movers: readonly number[], P: readonly Int32Array[], cells: readonly SortedCells[]) {
    const S = (this.S = index.size);
    this.M = movers.length;
    this.G = Int32Array.from(cells, (c) => c.groups);
    this.gy = Int32Array.from(movers, (k) => index.groupToY[k]!);
    this.gn = Int32Array.from(movers, (k) => index.groupToN[k]!);
    const none = new Int32Array(0);
    this.cellOf = cells.map((c) => c.cellOf);
    this.start = cells.map((c) => c.start);
    this.mem = cells.map((c) => c.members);
    this.pay = P.slice();
    this.tie = [];
    this.mp = [];
    cells.forEach((c, m) => {
      const pm = P[m]!;
      const mem = c.members;
      if (c.groups > 1) {
        const mp = scratchInt32(m, S);
        for (let pos = 0; pos < S; pos++) mp[pos] = pm[mem[pos]!]!;
        this.mp.push(mp);
        this.tie.push(none);
        return;
      }
      const tie = scratchInt32(m, S);
      const cs = c.start;
      for (let cell = 0; cell + 1 < cs.length; cell++) {
        const end = cs[cell + 1]!;
        for (let p = cs[cell]!; p < end; ) {
          const v = pm[mem[p]!]!;
          let q = p + 1;
          while (q < end && pm[mem[q]!] === v) q++;
          for (; p < q; p++) tie[mem[p]!] = q;
        }
      }
      this.tie.push(tie);
      this.mp.push(none);
    });
  }

  /** out[s] = the least value over s and every state reachable from s by the movers' improvements. */
  run(value: Int32Array, out: Int32Array): void {
    const { S, M, G, gy, gn } = this;
    const order = ascending(value, this.M + 2);
    const done = scratchUint8(this.M, S).fill(0);
    const queue = scratchInt32(this.M + 1, S);
    // frontier[m][c]: positions from it to the end of mover m's cell c are all assigned (starts at the cell's end).
    const frontier = this.start.map((st) => st.slice(1));
    for (let i = 0; i < S; i++) {
      const u = order[i]!;
      if (done[u] === 1) continue;
      const val = value[u]!;
      done[u] = 1;
      out[u] = val;
      let head = 0;
      let tail = 0;
      queue[tail++] = u;
      while (head < tail) {
        const w = queue[head++]!;
        for (let m = 0; m < M; m++) {
          const fr = frontier[m]!;
          const mem = this.mem[m]!;
          const Gm = G[m]!;
          if (Gm === 1) {
            const c = this.cellOf[m]![w]!;
            const a = this.tie[m]![w]!;
            const end = fr[c]!;
            if (a >= end) continue;
            for (let q = a; q < end; q++) {
              const x = mem[q]!;
              if (done[x] === 1) continue;
              done[x] = 1;
              out[x] = val;
              queue[tail++] = x;
            }
            fr[c] = a;
            continue;
          }
          const cst = this.start[m]!;
          const mp = this.mp[m]!;
          // Cells are numbered block × groups + group, and groups are a power of two: no read of the group array.
          const cw = this.cellOf[m]![w]!;
          const h = cw & (Gm - 1);
          const base = cw - h;
          const pw = this.pay[m]![w]!;
          const y = gy[m]!;
          const n = gn[m]!;
          for (let g = 0; g < Gm; g++) {
            // Members of group g can move to group h: toY bits only added, toN bits only dropped.
            if (g !== h && ((g & ~h & y) | (~g & h & n)) !== 0) continue;
            const c = base + g;
            let a = cst[c]!;
            const end = fr[c]!;
            if (a >= end || mp[end - 1]! >= pw) continue;
            // First position the mover likes less than w (members are best first).
            let b = end - 1;
            while (a < b) {
              const mid = (a + b) >>> 1;
              if (mp[mid]! >= pw) a = mid + 1;
              else b = mid;
            }
            for (let q = a; q < end; q++) {
              const x = mem[q]!;
              if (done[x] === 1) continue;
              done[x] = 1;
              out[x] = val;
              queue[tail++] = x;
            }
            fr[c] = a;
          }
        }
      }
    }
  }
}

/** States in increasing order of value (in scratch slots `slot` and `slot` + 1): one counting pass for a narrow range, else two 16-bit radix passes. */
function ascending(value: Int32Array, slot: number): Int32Array {
  const S = value.length;
  let lo = 2147483647;
  let hi = -2147483648;
  for (let s = 0; s < S; s++) {
    const v = value[s]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const out = scratchInt32(slot, S);
  if (S === 0) return out;
  if (hi - lo <= 4 * S + 65536) {
    const count = new Int32Array(hi - lo + 2);
    for (let s = 0; s < S; s++) count[value[s]! - lo + 1]!++;
    for (let v = 1; v < count.length; v++) count[v]! += count[v - 1]!;
    for (let s = 0; s < S; s++) out[count[value[s]! - lo]!++] = s;
    return out;
  }
  // Least significant 16 bits first, then the most significant (sign flipped), each pass stable.
  const tmp = scratchInt32(slot + 1, S);
  const count = new Int32Array(65537);
  for (let s = 0; s < S; s++) count[(value[s]! & 0xffff) + 1]!++;
  for (let v = 1; v <= 65536; v++) count[v]! += count[v - 1]!;
  for (let s = 0; s < S; s++) tmp[count[value[s]! & 0xffff]!++] = s;
  count.fill(0);
  const high = (v: number): number => ((v >>> 16) ^ 0x8000) & 0xffff;
  for (let s = 0; s < S; s++) count[high(value[s]!) + 1]!++;
  for (let v = 1; v <= 65536; v++) count[v]! += count[v - 1]!;
  for (let i = 0; i < S; i++) {
    const s = tmp[i]!;
    out[count[high(value[s]!)]!++] = s;
  }
  return out;
}
