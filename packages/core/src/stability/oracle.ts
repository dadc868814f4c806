/**
 * Stability written straight from the definitions (Fang, Hipel & Kilgour 1993),
 * for clarity, not speed: the reference the fast engine is tested against.
 * Nothing here is shared with engine.ts, moves.ts or reach.ts. Results of the
 * definitions are cached per model so property tests can run thousands of models.
 */
import { asStateIndex } from "../numbering.js";
import type { StateSpace } from "../statespace/space.js";
import type { BasicConcept } from "./concepts.js";

/** R_i(s): states i can reach in one move — feasible, differing only in i's options, one-way options respected. */
export function oracleMoves(space: StateSpace, i: number, s: number): number[] {
  const m = space.model;
  const mine = new Set(m.decisionMakers[i]!.options);
  const out: number[] = [];
  for (let t = 0; t < space.size; t++) {
    if (t === s) continue;
    let ok = true;
    for (const o of m.options) {
      const a = space.taken(asStateIndex(s), o.index);
      const b = space.taken(asStateIndex(t), o.index);
      if (a === b) continue;
      if (!mine.has(o.index)) { ok = false; break; }
      if (o.oneWay === "toY" && a && !b) { ok = false; break; }
      if (o.oneWay === "toN" && !a && b) { ok = false; break; }
    }
    if (ok) out.push(t);
  }
  return out;
}

export class Oracle {
  private readonly moves: number[][][];
  private readonly reachCache = new Map<string, number[]>();

  constructor(
    readonly space: StateSpace,
    /** Every decision maker's payoffs (higher = preferred). */
    readonly P: readonly Int32Array[],
  ) {
    this.moves = space.model.decisionMakers.map((_, i) => Array.from({ length: space.size }, (_, s) => oracleMoves(space, i, s)));
  }

  /** R_i(s). */
  R(i: number, s: number): readonly number[] {
    return this.moves[i]![s]!;
  }

  /**
   * R_H(s), or R⁺_H(s) when `improving`: every state reached by a legal sequence of
   * one or more moves by members of H in which no one moves twice in a row (and,
   * for R⁺, every move is a unilateral improvement for its mover) — a search over
   * (state, last mover) pairs.
   */
  reach(H: readonly number[], s: number, improving: boolean): number[] {
    const key = `${H.join(",")}|${s}|${improving}`;
    const hit = this.reachCache.get(key);
    if (hit) return hit;
    const S = this.space.size;
    const D = this.P.length;
    const reached = new Uint8Array(S);
    // seen[t * D + k]: the pair (state t, last mover k) has been queued.
    const seen = new Uint8Array(S * D);
    const queue: number[] = [s * (D + 1) + D]; // (state, last mover) packed; D = nobody yet
    for (let q = 0; q < queue.length; q++) {
      const u = Math.floor(queue[q]! / (D + 1));
      const last = queue[q]! % (D + 1);
      for (const k of H) {
        if (k === last) continue;
        for (const t of this.R(k, u)) {
          if (improving && !(this.P[k]![t]! > this.P[k]![u]!)) continue;
          reached[t] = 1;
          if (seen[t * D + k] === 0) {
            seen[t * D + k] = 1;
            queue.push(t * (D + 1) + k);
          }
        }
      }
    }
    const out: number[] = [];
    for (let t = 0; t < S; t++) if (reached[t] === 1) out.push(t);
    this.reachCache.set(key, out);
    return out;
  }

  /** Whether state s is stable for decision maker i under a concept. */
  stable(i: number, s: number, concept: BasicConcept): boolean {
    const Pi = this.P[i]!;
    const others = this.space.model.decisionMakers.map((d) => d.index).filter((k) => k !== i);
    const notBetter = (u: number): boolean => Pi[u]! <= Pi[s]!;
    const improvements = this.R(i, s).filter((t) => Pi[t]! > Pi[s]!);
    switch (concept) {
      case "nash":
        return improvements.length === 0;
      case "gmr":
        return improvements.every((s1) => this.reach(others, s1, false).some(notBetter));
      case "smr":
        return improvements.every((s1) =>
          this.reach(others, s1, false).some((s2) => notBetter(s2) && this.R(i, s2).every(notBetter)),
        );
      case "seq":
        return improvements.every((s1) => this.reach(others, s1, true).some(notBetter));
    }
  }
}

/**
 * Limited-move look-ahead for two decision makers, by recursion on the definition
 * (see limited-move.ts): the state G_h(i, s) that results when i is to move at s
 * with h moves left; ties go to the lowest-numbered move, as in the fast version.
 */
export function oracleAnticipate(oracle: Oracle, h: number, i: number, s: number): number {
  if (h === 0) return s;
  const j = 1 - i;
  let best = -1;
  let bestVal = oracle.P[i]![s]!;
  for (const s1 of oracle.R(i, s)) {
    const v = oracle.P[i]![oracleAnticipate(oracle, h - 1, j, s1)]!;
    if (v > bestVal) {
      bestVal = v;
      best = s1;
    }
  }
  return best < 0 ? s : oracleAnticipate(oracle, h - 1, j, best);
}

/** L_h stability of s for i: no move whose anticipated outcome i prefers to s. */
export function oracleLimitedMoveStable(oracle: Oracle, h: number, i: number, s: number): boolean {
  const j = 1 - i;
  return oracle.R(i, s).every((s1) => oracle.P[i]![oracleAnticipate(oracle, h - 1, j, s1)]! <= oracle.P[i]![s]!);
}
