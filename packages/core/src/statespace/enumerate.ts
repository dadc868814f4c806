/**
 * Enumerates the feasible states of an option-form model: every Y/N vector over the
 * options that matches no infeasible pattern, in ascending binary value (option 0
 * least significant) — gmcr-py's numbering.
 */
import type { Term } from "../model/expression.js";
import { fail, ok, type Result } from "../problems.js";

/** More feasible states than this cannot be analysed in memory; we say so instead. */
export const MAX_STATES = 1 << 24;
/** Candidate vectors examined before giving up (guards against 2^50-vector models). */
export const MAX_CANDIDATES = 2 ** 30;

const TWO32 = 4294967296;

export interface EnumeratedStates {
  /** Options 0–31 of each state's vector. */
  readonly lo: Uint32Array;
  /** Options 32–63 of each state's vector. */
  readonly hi: Uint32Array;
}


/** Width of the innermost loop, which tests low bits with plain 32-bit operations. */
const INNER_BITS = 16;

/** The feasible states, or a "limit" problem when there are too many to hold or to enumerate. */
export function enumerateStates(optionCount: number, infeasible: readonly Term[]): Result<EnumeratedStates> {
  const n = optionCount;
  const L = Math.min(n, INNER_BITS);
  const lowMask = L === 32 ? 0xffffffff : (2 ** L - 1);
  // Split every pattern into the part on low bits (< L) and the part above.
  interface Split { lowM: number; lowV: number; upLoM: number; upLoV: number; upHiM: number; upHiV: number; minBit: number }
  const patterns: Split[] = infeasible.map((t) => {
    const lowM = (t.loMask & lowMask) >>> 0;
    let minBit = -1;
    for (let b = 0; b < 64 && minBit < 0; b++) {
      const m = b < 32 ? t.loMask : t.hiMask;
      if (((m >>> (b % 32)) & 1) === 1) minBit = b;
    }
    return {
      lowM, lowV: (t.loValue & lowMask) >>> 0,
      upLoM: (t.loMask & ~lowMask) >>> 0, upLoV: (t.loValue & ~lowMask) >>> 0,
      upHiM: t.hiMask >>> 0, upHiV: t.hiValue >>> 0,
      minBit,
    };
  });
  // A pattern with no literal removes everything.
  if (patterns.some((p) => p.minBit < 0)) return ok({ lo: new Uint32Array(0), hi: new Uint32Array(0) });

  // Patterns fully decided once bit b (≥ L) is assigned, checked during the descent.
  const decidedAt: Split[][] = Array.from({ length: Math.max(n, 1) }, () => []);
  const withLow: Split[] = [];
  for (const p of patterns) {
    if (p.minBit >= L) decidedAt[p.minBit]!.push(p);
    else withLow.push(p);
  }

  let cap = 1024;
  let lo = new Uint32Array(cap);
  let hi = new Uint32Array(cap);
  let count = 0;
  let candidates = 0;
  let failure: string | null = null;
  const grow = (): void => {
    cap *= 2;
    const nlo = new Uint32Array(cap); nlo.set(lo); lo = nlo;
    const nhi = new Uint32Array(cap); nhi.set(hi); hi = nhi;
  };

  const matchesUpper = (p: Split, pLo: number, pHi: number): boolean =>
    ((pLo & p.upLoM) >>> 0) === p.upLoV && ((pHi & p.upHiM) >>> 0) === p.upHiV;

  // Inner loop: all 2^L low vectors under the fixed upper prefix (pLo, pHi).
  const inner = (pLo: number, pHi: number): void => {
    const live = withLow.filter((p) => matchesUpper(p, pLo, pHi));
    const lm = new Uint32Array(live.map((p) => p.lowM));
    const lv = new Uint32Array(live.map((p) => p.lowV));
    const k = live.length;
    const top = 2 ** L;
    candidates += top;
    if (candidates > MAX_CANDIDATES) {
      failure = "the model has too many option combinations to enumerate (more than 2^30)";
      return;
    }
    for (let v = 0; v < top; v++) {
      let bad = false;
      for (let j = 0; j < k; j++) {
        if (((v & lm[j]!) >>> 0) === lv[j]) { bad = true; break; }
      }
      if (bad) continue;
      if (count === cap) {
        if (cap >= MAX_STATES) {
          failure = `the model has more than ${MAX_STATES} feasible states (2^24), beyond what Concord analyses in memory`;
          return;
        }
        grow();
      }
      lo[count] = (pLo | v) >>> 0;
      hi[count] = pHi;
      count++;
    }
  };

  // Descent over the upper bits, most significant first, N before Y, so output ascends.
  const descend = (bit: number, pLo: number, pHi: number): void => {
    if (failure) return;
    if (bit < L) { inner(pLo, pHi); return; }
    for (let value = 0; value <= 1 && !failure; value++) {
      let nLo = pLo, nHi = pHi;
      if (value === 1) {
        if (bit < 32) nLo = (pLo | (2 ** bit)) >>> 0;
        else nHi = (pHi | (2 ** (bit - 32))) >>> 0;
      }
      candidates++;
      if (decidedAt[bit]!.some((p) => matchesUpper(p, nLo, nHi))) continue;
      descend(bit - 1, nLo, nHi);
    }
  };
  descend(n - 1, 0, 0);
  if (failure !== null) return fail([{ code: "limit", path: [], message: failure }]);
  return ok({ lo: lo.slice(0, count), hi: hi.slice(0, count) });
}

/** The state with this vector, or -1 if it is infeasible. Binary search: vectors ascend. */
export function indexOfVector(states: EnumeratedStates, vector: number): number {
  let a = 0;
  let b = states.lo.length - 1;
  while (a <= b) {
    const m = (a + b) >>> 1;
    const v = vectorOf(states.lo[m]!, states.hi[m]!);
    if (v === vector) return m;
    if (v < vector) a = m + 1;
    else b = m - 1;
  }
  return -1;
}

/** The vector of a state as one number (exact: at most 52 options). */
export function vectorOf(lo: number, hi: number): number {
  return hi * TWO32 + lo;
}

export function splitVector(vector: number): [lo: number, hi: number] {
  return [vector % TWO32 >>> 0, Math.floor(vector / TWO32) >>> 0];
}
