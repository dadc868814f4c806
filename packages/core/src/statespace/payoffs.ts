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
    for (let s = 0; s < space.size; s++) out[s] = evaluate(expr, (o) => space.taken(s, o)) ? 1 : 0;
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
        if (s >= 0) payoff[s] = L - 1 - k;
      }
    });
    return { payoff, levels: L };
  }
  const K = pref.statements.length;
  const words = Math.max(1, Math.ceil(K / CHUNK));
  // score[w][s]: statements w*CHUNK.. as bits, first statement most significant.
  const scores: Float64Array[] = [];
  for (let w = 0; w < words; w++) {
    const score = new Float64Array(n);
    const first = w * CHUNK;
    const last = Math.min(K, first + CHUNK);
    for (let k = first; k < last; k++) {
      const weight = 2 ** (last - 1 - k);
      const col = truthColumn(space, pref.statements[k]!.expr);
      for (let s = 0; s < n; s++) if (col[s] === 1) score[s]! += weight;
    }
    scores.push(score);
  }
  return words === 1 ? denseLevels(scores[0]!) : denseLevelsMulti(scores);
}

/** Dense ranks of one score column: equal scores share a level. */
function denseLevels(score: Float64Array): Payoffs {
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

function denseLevelsMulti(scores: readonly Float64Array[]): Payoffs {
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
export function rankOf(p: Payoffs, s: number): number {
  return p.levels - p.payoff[s]!;
}
