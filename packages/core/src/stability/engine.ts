/**
 * The fast stability engine: for every state and decision maker, Nash, GMR, SMR and
 * SEQ stability, in time linear in states × moves (see reach.ts for why).
 *
 * For decision maker i and state s, with P = i's payoff and t ranging over i's
 * unilateral improvements (UIs) from s:
 *   Nash: there is no t.
 *   GMR:  every t has min{P(u) : u reachable from t by the others' moves} ≤ P(s).
 *   SMR:  the same minimum over V(u) = max(P(u), max P over i's moves from u).
 *   SEQ:  the same as GMR over the others' unilateral improvements only.
 * So each DM needs two passes of minReach (all moves; improvements only) and one
 * scan of its own moves.
 */
import type { BasicConcept } from "./concepts.js";
import type { MoveIndex } from "./moves.js";
import { minReach, minReachAllMoves } from "./reach.js";

/** Per-DM work, independent across DMs so that workers can split it. */
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
export function sanctionPass(
  index: MoveIndex,
  payoffs: readonly Int32Array[],
  i: number,
  pass: SanctionPass,
  concepts: readonly BasicConcept[],
  out: SanctionMinimums,
): void {
  const P = payoffs[i]!;
  const others: number[] = [];
  for (let k = 0; k < index.dmCount; k++) if (k !== i) others.push(k);
  if (pass === "improving") {
    minReach({ index, movers: others, improvementsBy: payoffs, value1: P, out1: out.minSeq! });
  } else if (concepts.includes("smr")) {
    minReachAllMoves({ index, movers: others, value1: P, out1: out.minAll!, value2: smrValue(index, P, i), out2: out.minSmr! });
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
 * One scan of i's moves: s is stable when the worst (largest) sanction minimum over
 * i's unilateral improvements from s is no better for i than s itself.
 */
export function stabilityFromMinimums(
  index: MoveIndex,
  P: Int32Array,
  i: number,
  concepts: readonly BasicConcept[],
  mins: SanctionMinimums,
): DmStability {
  const S = index.size;
  const want = (c: BasicConcept): boolean => concepts.includes(c);
  const minAll = want("gmr") ? mins.minAll! : null;
  const minSmr = want("smr") ? mins.minSmr! : null;
  const minSeq = want("seq") ? mins.minSeq! : null;
  const nash = want("nash") ? new Uint8Array(S) : null;
  const gmr = minAll ? new Uint8Array(S) : null;
  const smr = minSmr ? new Uint8Array(S) : null;
  const seq = minSeq ? new Uint8Array(S) : null;
  const blockOf = index.blockOf[i]!;
  const start = index.blockStart[i]!;
  const mem = index.members[i]!;
  const code = index.code[i]!;
  const ty = index.toY[i]!;
  const tn = index.toN[i]!;
  for (let s = 0; s < S; s++) {
    const ps = P[s]!;
    const b = blockOf[s]!;
    const end = start[b + 1]!;
    const cs = code !== null ? code[s]! : 0;
    let anyUi = false;
    let worstAll = -2147483648;
    let worstSmr = -2147483648;
    let worstSeq = -2147483648;
    for (let p = start[b]!; p < end; p++) {
      const t = mem[p]!;
      if (t === s || P[t]! <= ps) continue;
      if (code !== null) {
        const ct = code[t]!;
        if (((cs & ~ct & ty) | (~cs & ct & tn)) !== 0) continue;
      }
      anyUi = true;
      if (minAll !== null && minAll[t]! > worstAll) worstAll = minAll[t]!;
      if (minSmr !== null && minSmr[t]! > worstSmr) worstSmr = minSmr[t]!;
      if (minSeq !== null && minSeq[t]! > worstSeq) worstSeq = minSeq[t]!;
    }
    if (nash !== null) nash[s] = anyUi ? 0 : 1;
    if (gmr !== null) gmr[s] = worstAll <= ps ? 1 : 0;
    if (smr !== null) smr[s] = worstSmr <= ps ? 1 : 0;
    if (seq !== null) seq[s] = worstSeq <= ps ? 1 : 0;
  }
  const flags: Partial<Record<BasicConcept, Uint8Array>> = {};
  if (nash) flags.nash = nash;
  if (gmr) flags.gmr = gmr;
  if (smr) flags.smr = smr;
  if (seq) flags.seq = seq;
  return { dm: i, flags };
}

/** Stability of every state for decision maker i, in this thread. */
export function stabilityForDm(index: MoveIndex, payoffs: readonly Int32Array[], i: number, concepts: readonly BasicConcept[]): DmStability {
  const mins = allocMinimums(index.size, concepts);
  for (const pass of passesFor(concepts)) sanctionPass(index, payoffs, i, pass, concepts, mins);
  return stabilityFromMinimums(index, payoffs[i]!, i, concepts, mins);
}

/** V(u) = max(P(u), max P over i's own moves from u): i's best counter-response after a sanction lands on u. */
export function smrValue(index: MoveIndex, P: Int32Array, i: number): Int32Array {
  const S = index.size;
  const out = new Int32Array(S);
  const blockOf = index.blockOf[i]!;
  const start = index.blockStart[i]!;
  const mem = index.members[i]!;
  const code = index.code[i]!;
  const ty = index.toY[i]!;
  const tn = index.toN[i]!;
  if (code === null) {
    // Without one-way options every state in a block reaches every other: the block maximum.
    const B = start.length - 1;
    for (let b = 0; b < B; b++) {
      let m = -2147483648;
      for (let p = start[b]!; p < start[b + 1]!; p++) if (P[mem[p]!]! > m) m = P[mem[p]!]!;
      for (let p = start[b]!; p < start[b + 1]!; p++) out[mem[p]!] = m;
    }
    return out;
  }
  for (let u = 0; u < S; u++) {
    let m = P[u]!;
    const b = blockOf[u]!;
    const cu = code[u]!;
    for (let p = start[b]!; p < start[b + 1]!; p++) {
      const w = mem[p]!;
      const cw = code[w]!;
      if (((cu & ~cw & ty) | (~cu & cw & tn)) !== 0) continue;
      if (P[w]! > m) m = P[w]!;
    }
    out[u] = m;
  }
  return out;
}

/** States stable for every decision maker under a concept. */
export function equilibria(perDm: readonly Uint8Array[]): number[] {
  const out: number[] = [];
  if (perDm.length === 0) return out;
  const S = perDm[0]!.length;
  for (let s = 0; s < S; s++) if (perDm.every((f) => f[s] === 1)) out.push(s);
  return out;
}
