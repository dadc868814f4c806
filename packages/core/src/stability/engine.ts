/**
 * The fast stability engine: for every state and decision maker, Nash, GMR, SMR and
 * SEQ stability, in time linear in states × decision makers × groups (see reach.ts,
 * improvement-reach.ts and cells.ts for how).
 *
 * For decision maker i and state s, with P = i's payoff and t ranging over i's
 * unilateral improvements (UIs) from s:
 *   Nash: there is no t.
 *   GMR:  every t has min{P(u) : u reachable from t by the others' moves} ≤ P(s).
 *   SMR:  the same minimum over V(u) = max(P(u), max P over i's moves from u).
 *   SEQ:  the same as GMR over the others' unilateral improvements only.
 * So each DM needs two "minimum over everything reachable" passes (all moves;
 * improvements only) and one scan of its own improvements.
 */
import type { SortedCells } from "./cells.js";
import type { BasicConcept } from "./concepts.js";
import { minReachImprovements } from "./improvement-reach.js";
import { dmMoves, type MoveIndex } from "./moves.js";
import { minReachAllMoves } from "./reach.js";
import { scratchInt32 } from "./scratch.js";

/** What every part of the engine reads; all typed arrays, so it can live in shared memory. */
export interface EngineData {
  readonly index: MoveIndex;
  /** Every decision maker's payoff per state. */
  readonly payoffs: readonly Int32Array[];
  /** Every decision maker's sorted cells (null where its one-way options are not grouped). */
  readonly cells: readonly (SortedCells | null)[];
}

/** Per-DM result, independent across DMs so that workers can split the work. */
export interface DmStability {
  readonly dm: number;
  readonly flags: Partial<Record<BasicConcept, Uint8Array>>;
}

/** Minimum reachable values for decision maker i: what GMR, SMR and SEQ ask of the others' moves. */
export interface SanctionMinimums {
  /** min P_i over states reachable by the others' moves (GMR). */
  minAll?: Int32Array;
  /** min V_i over the same states (SMR). */
  minSmr?: Int32Array;
  /** min P_i over states reachable by the others' unilateral improvements (SEQ). */
  minSeq?: Int32Array;
}

/** The two independent pieces of work per decision maker (workers may run them apart). */
export type SanctionPass = "all" | "improving";

export function passesFor(concepts: readonly BasicConcept[]): SanctionPass[] {
  const out: SanctionPass[] = [];
  if (concepts.includes("gmr") || concepts.includes("smr")) out.push("all");
  if (concepts.includes("seq")) out.push("improving");
  return out;
}

/** Runs one pass for decision maker i, writing into `out` (arrays of index.size). */
export function sanctionPass(data: EngineData, i: number, pass: SanctionPass, concepts: readonly BasicConcept[], out: SanctionMinimums): void {
  const { index, payoffs } = data;
  const P = payoffs[i]!;
  const others: number[] = [];
  for (let k = 0; k < index.dmCount; k++) if (k !== i) others.push(k);
  if (pass === "improving") {
    minReachImprovements({ index, movers: others, improvementsBy: payoffs, value1: P, out1: out.minSeq! }, data.cells);
  } else if (concepts.includes("smr")) {
    minReachAllMoves({ index, movers: others, value1: P, out1: out.minAll!, value2: smrValue(data, i), out2: out.minSmr! });
  } else {
    minReachAllMoves({ index, movers: others, value1: P, out1: out.minAll! });
  }
}

/** Output arrays for the passes the concepts need. */
export function allocMinimums(size: number, concepts: readonly BasicConcept[], alloc: (n: number) => Int32Array = (n) => new Int32Array(n)): SanctionMinimums {
  const out: SanctionMinimums = {};
  if (concepts.includes("gmr") || concepts.includes("smr")) out.minAll = alloc(size);
  if (concepts.includes("smr")) out.minSmr = alloc(size);
  if (concepts.includes("seq")) out.minSeq = alloc(size);
  return out;
}

/**
 * One scan of i's improvements: s is stable when the worst (largest) sanction
 * minimum over i's unilateral improvements from s is no better for i than s itself.
 * With sorted cells, the improvements in a cell are a prefix, so the worst is a
 * prefix maximum; otherwise every move is looked at.
 */
export function stabilityFromMinimums(data: EngineData, i: number, concepts: readonly BasicConcept[], mins: SanctionMinimums): DmStability {
  const { index } = data;
  const S = index.size;
  const P = data.payoffs[i]!;
  const want = (c: BasicConcept): boolean => concepts.includes(c);
  const arrays = [want("gmr") ? mins.minAll! : null, want("smr") ? mins.minSmr! : null, want("seq") ? mins.minSeq! : null];
  // flag[c][s] = 1 when the largest sanction minimum over i's improvements from s (−∞ when none) is ≤ P(s).
  const worst = arrays.map((a) => (a === null ? null : new Uint8Array(S)));
  const anyUi = new Uint8Array(S);
  const cells = data.cells[i];
  if (cells) {
    const mem = cells.members;
    const G = cells.groups;
    const gy = index.groupToY[i]!;
    const gn = index.groupToN[i]!;
    const grp = index.group[i]!;
    // Prefix maxima along each cell, best member first.
    const prefix = arrays.map((a, k) => {
      if (a === null) return null;
      const out = scratchInt32(k, S);
      for (let c = 0; c + 1 < cells.start.length; c++) {
        let m = -2147483648;
        for (let p = cells.start[c]!; p < cells.start[c + 1]!; p++) {
          if (a[mem[p]!]! > m) m = a[mem[p]!]!;
          out[p] = m;
        }
      }
      return out;
    });
    // Scalars, not arrays, in the loop: this runs once per state.
    const p0 = prefix[0]!, p1 = prefix[1]!, p2 = prefix[2]!;
    const w0 = worst[0]!, w1 = worst[1]!, w2 = worst[2]!;
    const cellOf = cells.cellOf;
    const start = cells.start;
    for (let s = 0; s < S; s++) {
      const g = grp !== null ? grp[s]! : 0;
      const base = cellOf[s]! - g;
      const ps = P[s]!;
      let a0 = -2147483648, a1 = -2147483648, a2 = -2147483648;
      for (let h = 0; h < G; h++) {
        if (h !== g && ((g & ~h & gy) | (~g & h & gn)) !== 0) continue;
        const first = start[base + h]!;
        // First position the decision maker does not prefer to s (members are best first).
        let lo = first;
        let hi = start[base + h + 1]!;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (P[mem[mid]!]! > ps) lo = mid + 1;
          else hi = mid;
        }
        if (lo === first) continue;
        anyUi[s] = 1;
        const last = lo - 1;
        if (p0 !== null && p0[last]! > a0) a0 = p0[last]!;
        if (p1 !== null && p1[last]! > a1) a1 = p1[last]!;
        if (p2 !== null && p2[last]! > a2) a2 = p2[last]!;
      }
      if (w0 !== null) w0[s] = a0 <= ps ? 1 : 0;
      if (w1 !== null) w1[s] = a1 <= ps ? 1 : 0;
      if (w2 !== null) w2[s] = a2 <= ps ? 1 : 0;
    }
  } else {
    const { blockOf, start, mem, code, ty, tn } = dmMoves(index, i);
    const x0 = arrays[0]!, x1 = arrays[1]!, x2 = arrays[2]!;
    const w0 = worst[0]!, w1 = worst[1]!, w2 = worst[2]!;
    for (let s = 0; s < S; s++) {
      const ps = P[s]!;
      const b = blockOf[s]!;
      const cs = code !== null ? code[s]! : 0;
      let a0 = -2147483648, a1 = -2147483648, a2 = -2147483648;
      for (let p = start[b]!; p < start[b + 1]!; p++) {
        const t = mem[p]!;
        if (t === s || P[t]! <= ps) continue;
        if (code !== null) {
          const ct = code[t]!;
          if (((cs & ~ct & ty) | (~cs & ct & tn)) !== 0) continue;
        }
        anyUi[s] = 1;
        if (x0 !== null && x0[t]! > a0) a0 = x0[t]!;
        if (x1 !== null && x1[t]! > a1) a1 = x1[t]!;
        if (x2 !== null && x2[t]! > a2) a2 = x2[t]!;
      }
      if (w0 !== null) w0[s] = a0 <= ps ? 1 : 0;
      if (w1 !== null) w1[s] = a1 <= ps ? 1 : 0;
      if (w2 !== null) w2[s] = a2 <= ps ? 1 : 0;
    }
  }
  const flags: Partial<Record<BasicConcept, Uint8Array>> = {};
  // Plain loops: a callback per state (typed-array map) cost more than the scan itself.
  if (want("nash")) {
    for (let s = 0; s < S; s++) anyUi[s] = 1 - anyUi[s]!;
    flags.nash = anyUi;
  }
  const names = ["gmr", "smr", "seq"] as const;
  for (let k = 0; k < 3; k++) {
    const wk = worst[k];
    if (wk) flags[names[k]!] = wk;
  }
  return { dm: i, flags };
}

/** Stability of every state for decision maker i, in this thread. */
export function stabilityForDm(data: EngineData, i: number, concepts: readonly BasicConcept[]): DmStability {
  const mins = allocMinimums(data.index.size, concepts);
  for (const pass of passesFor(concepts)) sanctionPass(data, i, pass, concepts, mins);
  return stabilityFromMinimums(data, i, concepts, mins);
}

/** V(u) = max(P(u), max P over i's moves from u): i's best counter-response after a sanction lands on u. */
export function smrValue(data: EngineData, i: number): Int32Array {
  const { index } = data;
  const S = index.size;
  const P = data.payoffs[i]!;
  const out = new Int32Array(S);
  const cells = data.cells[i];
  if (cells) {
    // The best state of each reachable cell is its first member; u's own cell includes u.
    const G = cells.groups;
    const gy = index.groupToY[i]!;
    const gn = index.groupToN[i]!;
    const grp = index.group[i]!;
    for (let u = 0; u < S; u++) {
      const g = grp !== null ? grp[u]! : 0;
      const base = cells.cellOf[u]! - g;
      let m = P[u]!;
      for (let h = 0; h < G; h++) {
        if (h !== g && ((g & ~h & gy) | (~g & h & gn)) !== 0) continue;
        const first = cells.start[base + h]!;
        if (first < cells.start[base + h + 1]! && P[cells.members[first]!]! > m) m = P[cells.members[first]!]!;
      }
      out[u] = m;
    }
    return out;
  }
  const { blockOf, start, mem, code, ty, tn } = dmMoves(index, i);
  for (let u = 0; u < S; u++) {
    let m = P[u]!;
    const b = blockOf[u]!;
    const cu = code !== null ? code[u]! : 0;
    for (let p = start[b]!; p < start[b + 1]!; p++) {
      const w = mem[p]!;
      if (code !== null) {
        const cw = code[w]!;
        if (((cu & ~cw & ty) | (~cu & cw & tn)) !== 0) continue;
      }
      if (P[w]! > m) m = P[w]!;
    }
    out[u] = m;
  }
  return out;
}

/** States stable for every decision maker under a concept. */
export function equilibria(perDm: readonly Uint8Array[]): number[] {
  if (perDm.length === 0) return [];
  const S = perDm[0]!.length;
  // AND the flags into one array first: a callback per state and DM was seconds at 10^6 states.
  const all = perDm[0]!.slice();
  for (let d = 1; d < perDm.length; d++) {
    const f = perDm[d]!;
    for (let s = 0; s < S; s++) all[s] = all[s]! & f[s]!;
  }
  // Counted first and filled in place: growing a list of 10^6 numbers by push cost far more.
  let n = 0;
  for (let s = 0; s < S; s++) n += all[s]!;
  const out = new Array<number>(n);
  for (let s = 0, j = 0; s < S; s++) if (all[s] === 1) out[j++] = s;
  return out;
}
