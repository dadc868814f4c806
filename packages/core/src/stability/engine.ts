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
import type { Payoffs } from "../statespace/payoffs.js";
import type { BasicConcept } from "./concepts.js";
import type { MoveIndex } from "./moves.js";
import { minReach } from "./reach.js";

/** stable[concept][dm][s] = 1 when s is stable for dm under concept. */
export type StabilityFlags = Partial<Record<BasicConcept, Uint8Array[]>>;

/** Per-DM work, independent across DMs so that workers can split it. */
export interface DmStability {
  readonly dm: number;
  readonly flags: Partial<Record<BasicConcept, Uint8Array>>;
}

/**
 * Stability of every state for decision maker i under the requested concepts.
 * `payoffs` holds every DM's payoff array (SEQ needs the others' preferences).
 */
export function stabilityForDm(
  index: MoveIndex,
  payoffs: readonly Int32Array[],
  i: number,
  concepts: readonly BasicConcept[],
  alloc: (n: number) => Uint8Array = (n) => new Uint8Array(n),
): DmStability {
  const S = index.size;
  const P = payoffs[i]!;
  const others: number[] = [];
  for (let k = 0; k < index.dmCount; k++) if (k !== i) others.push(k);
  const want = (c: BasicConcept): boolean => concepts.includes(c);

  // Minimum reachable payoffs for i: over all moves of the others (GMR, SMR) and over their UIs (SEQ).
  let minAll: Int32Array | null = null;
  let minSmr: Int32Array | null = null;
  let minSeq: Int32Array | null = null;
  if (want("gmr") || want("smr")) {
    minAll = new Int32Array(S);
    if (want("smr")) {
      const v = smrValue(index, P, i);
      minSmr = new Int32Array(S);
      minReach({ index, movers: others, value1: P, out1: minAll, value2: v, out2: minSmr });
    } else {
      minReach({ index, movers: others, value1: P, out1: minAll });
    }
  }
  if (want("seq")) {
    minSeq = new Int32Array(S);
    minReach({ index, movers: others, improvementsBy: payoffs, value1: P, out1: minSeq });
  }

  // One scan of i's moves: the worst (largest) sanction minimum over i's UIs from s.
  const nash = want("nash") ? alloc(S) : null;
  const gmr = want("gmr") ? alloc(S) : null;
  const smr = want("smr") ? alloc(S) : null;
  const seq = want("seq") ? alloc(S) : null;
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

/** The whole analysis in this thread. */
export function analyzeAll(index: MoveIndex, payoffs: readonly Payoffs[], concepts: readonly BasicConcept[]): StabilityFlags {
  const pays = payoffs.map((p) => p.payoff);
  const flags: StabilityFlags = {};
  for (const c of concepts) flags[c] = [];
  for (let i = 0; i < index.dmCount; i++) {
    const r = stabilityForDm(index, pays, i, concepts);
    for (const c of concepts) flags[c]!.push(r.flags[c]!);
  }
  return flags;
}
