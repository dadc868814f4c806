/**
 * Each decision maker's preferences over the feasible states as a payoff: an integer
 * level per state, higher = more preferred, equal = tied. Stability needs nothing else.
 *
 * Option prioritization: statement k of K (1 = most important) weighs 2^(K−k); a
 * state's score is the sum of the weights of the statements true in it. Comparing
 * scores is comparing the statements' truth values lexicographically, which is what
 * we do, so any number of statements works without overflow.
 */
import { evaluate, toTerms, type Expr, type Term } from "../model/expression.js";
import type { DecisionMakerInfo } from "../model/types.js";
import { asStateIndex, type StateIndex } from "../numbering.js";
import type { StateSpace } from "./space.js";

export interface Payoffs {
  /** payoff[s]: the preference level of state s, 0 = least preferred. */
  readonly payoff: Int32Array;
  /** Number of distinct levels. */
  readonly levels: number;
}

/** Truth of one expression over all states, as 0/1 bytes. */
export function truthColumn(space: StateSpace, expr: Expr): Uint8Array {
  const out = new Uint8Array(space.size);
  const terms = toTerms(expr);
  if (terms === null) {
    // Too big for normal form: walk the tree (slow, rare).
    for (let s = 0; s < space.size; s++) out[s] = evaluate(expr, (o) => space.taken(asStateIndex(s), o)) ? 1 : 0;
    return out;
  }
  markTerms(space.lo, space.hi, terms, out);
  return out;
}

function markTerms(lo: Uint32Array, hi: Uint32Array, terms: readonly Term[], out: Uint8Array): void {
  const n = lo.length;
  for (const t of terms) {
    const { loMask, loValue, hiMask, hiValue } = t;
    if (hiMask === 0) {
      for (let s = 0; s < n; s++) if (((lo[s]! & loMask) >>> 0) === loValue) out[s] = 1;
    } else {
      for (let s = 0; s < n; s++) {
        if (((lo[s]! & loMask) >>> 0) === loValue && ((hi[s]! & hiMask) >>> 0) === hiValue) out[s] = 1;
      }
    }
  }
}

/** Statements are packed 26 to a word so each word is an exact integer. */
const CHUNK = 26;

export function computePayoffs(space: StateSpace, dm: DecisionMakerInfo): Payoffs {
  const pref = dm.preference;
  const n = space.size;
  if (pref.kind === "ranking") {
    const payoff = new Int32Array(n).fill(-1);
    const L = pref.levels.length;
    pref.levels.forEach((level, k) => {
      for (const vector of level) {
        const s = space.indexOf(vector);
        if (s !== undefined) payoff[s] = L - 1 - k;
      }
    });
    return { payoff, levels: L };
  }
  const K = pref.statements.length;
  const words = Math.max(1, Math.ceil(K / CHUNK));
  // score[w][s]: statements w*CHUNK.. as bits, first statement most significant.
  const scores: Int32Array[] = [];
  for (let w = 0; w < words; w++) {
    const first = w * CHUNK;
    const last = Math.min(K, first + CHUNK);
    scores.push(scoreChunk(space, pref.statements.slice(first, last).map((st) => st.expr)));
  }
  return words === 1 ? denseLevels(scores[0]!) : denseLevelsMulti(scores);
}

/**
 * Σ 2^(last−k) over the statements k true in each state. Statements that are one
 * conjunction of options 0–31 (the usual case) are tested four at a time, without
 * branches: x = (v & mask) ^ value is 0 exactly when the conjunction holds, and
 * ~((x | −x) >> 31) turns that into an all-ones mask for the weight. Random truth
 * values would make a branch mispredict half the time. Other statements mark a
 * column first, since their conjunctions may overlap.
 */
function scoreChunk(space: StateSpace, exprs: readonly Expr[]): Int32Array {
  const n = space.size;
  const score = new Int32Array(n);
  const K = exprs.length;
  const lo = space.lo;
  const hi = space.hi;
  const simple: { m: number; v: number; w: number }[] = [];
  const pairs: { m1: number; v1: number; m2: number; v2: number; w: number }[] = [];
  let col: Uint8Array | null = null;
  exprs.forEach((e, k) => {
    const weight = 2 ** (K - 1 - k);
    const terms = toTerms(e);
    const lowOnly = terms !== null && terms.every((t) => t.hiMask === 0);
    if (lowOnly && terms.length === 1) {
      simple.push({ m: terms[0]!.loMask | 0, v: terms[0]!.loValue | 0, w: weight });
      return;
    }
    if (lowOnly && terms.length === 2) {
      pairs.push({ m1: terms[0]!.loMask | 0, v1: terms[0]!.loValue | 0, m2: terms[1]!.loMask | 0, v2: terms[1]!.loValue | 0, w: weight });
      return;
    }
    let c: Uint8Array;
    if (terms === null) c = truthColumn(space, e);
    else {
      col ??= new Uint8Array(n);
      col.fill(0);
      markTerms(lo, hi, terms, col);
      c = col;
    }
    for (let s = 0; s < n; s++) if (c[s] === 1) score[s]! += weight;
  });
  // Pad to a multiple of four with statements that never hold (weight 0).
  while (simple.length % 4 !== 0) simple.push({ m: 0, v: 0, w: 0 });
  for (let q = 0; q < simple.length; q += 4) {
    const [a, b, c, d] = [simple[q]!, simple[q + 1]!, simple[q + 2]!, simple[q + 3]!];
    const am = a.m, av = a.v, aw = a.w, bm = b.m, bv = b.v, bw = b.w;
    const cm = c.m, cv = c.v, cw = c.w, dm = d.m, dv = d.v, dw = d.w;
    for (let s = 0; s < n; s++) {
      const x = lo[s]! | 0;
      const xa = (x & am) ^ av;
      const xb = (x & bm) ^ bv;
      const xc = (x & cm) ^ cv;
      const xd = (x & dm) ^ dv;
      score[s] =
        score[s]! + (aw & ~((xa | -xa) >> 31)) + (bw & ~((xb | -xb) >> 31)) + (cw & ~((xc | -xc) >> 31)) + (dw & ~((xd | -xd) >> 31));
    }
  }
  // Statements of two conjunctions, two at a time: true when either conjunction holds.
  if (pairs.length % 2 === 1) pairs.push({ m1: 0, v1: 1, m2: 0, v2: 1, w: 0 });
  for (let q = 0; q < pairs.length; q += 2) {
    const a = pairs[q]!;
    const b = pairs[q + 1]!;
    const am1 = a.m1, av1 = a.v1, am2 = a.m2, av2 = a.v2, aw = a.w;
    const bm1 = b.m1, bv1 = b.v1, bm2 = b.m2, bv2 = b.v2, bw = b.w;
    for (let s = 0; s < n; s++) {
      const x = lo[s]! | 0;
      const a1 = (x & am1) ^ av1;
      const a2 = (x & am2) ^ av2;
      const b1 = (x & bm1) ^ bv1;
      const b2 = (x & bm2) ^ bv2;
      score[s] = score[s]! + (aw & ~(((a1 | -a1) & (a2 | -a2)) >> 31)) + (bw & ~(((b1 | -b1) & (b2 | -b2)) >> 31));
    }
  }
  return score;
}

/** Dense ranks of one score column: equal scores share a level. */
function denseLevels(score: Int32Array): Payoffs {
  const n = score.length;
  const payoff = new Int32Array(n);
  let max = 0;
  for (let s = 0; s < n; s++) if (score[s]! > max) max = score[s]!;
  if (max < 2 ** 23) {
    // Scores are small integers: mark the ones present, then number them.
    const table = new Int32Array(max + 1).fill(-1);
    for (let s = 0; s < n; s++) table[score[s]!] = 0;
    let levels = 0;
    for (let v = 0; v <= max; v++) if (table[v] === 0) table[v] = levels++;
    for (let s = 0; s < n; s++) payoff[s] = table[score[s]!]!;
    return { payoff, levels };
  }
  const sorted = Float64Array.from(score).sort();
  let d = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[d - 1]) sorted[d++] = sorted[i]!;
  for (let s = 0; s < n; s++) {
    let a = 0;
    let b = d - 1;
    const v = score[s]!;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (sorted[m]! < v) a = m + 1;
      else b = m;
    }
    payoff[s] = a;
  }
  return { payoff, levels: d };
}

function denseLevelsMulti(scores: readonly Int32Array[]): Payoffs {
  const n = scores[0]!.length;
  const cmp = (a: number, b: number): number => {
    for (const sc of scores) if (sc[a] !== sc[b]) return sc[a]! - sc[b]!;
    return 0;
  };
  const order = Array.from({ length: n }, (_, i) => i).sort(cmp);
  const payoff = new Int32Array(n);
  let lvl = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && cmp(order[i - 1]!, order[i]!) !== 0) lvl++;
    payoff[order[i]!] = lvl;
  }
  return { payoff, levels: n === 0 ? 0 : lvl + 1 };
}

/** Rank for people: 1 = most preferred; tied states share a rank. */
export function rankOf(p: Payoffs, s: StateIndex): number {
  return p.levels - p.payoff[s]!;
}
