/**
 * Limited-move stability L_h and non-myopic stability for two decision makers
 * (Kilgour 1985; Kilgour, Hipel & Fang 1987; Fang, Hipel & Kilgour 1993).
 *
 * With decision makers i and j, G_h(i, s) is the state the conflict ends in when i
 * is about to move at s and h moves remain, each mover looking ahead:
 *   G_0(i, s) = s
 *   M_h(i, s) = { s1 ∈ R_i(s) : P_i(G_{h−1}(j, s1)) > P_i(s) }
 *   G_h(i, s) = s if M_h(i, s) is empty, else G_{h−1}(j, Φ) where Φ ∈ M_h(i, s)
 *               maximises P_i(G_{h−1}(j, Φ)).
 * s is L_h-stable for i when M_h(i, s) is empty. When several Φ tie, Concord takes
 * the lowest-numbered one (the definition assumes no ties; with ties the anticipated
 * state need not be unique), and says so in its output.
 * Non-myopic stability is the limit h → ∞: the tables G_h are a deterministic
 * function of G_{h−1}, so they eventually repeat; if they settle, NM = L_h there;
 * if they cycle, a state is NM-stable (unstable) when it is L_h-stable (unstable) at
 * every level of the cycle, and undetermined otherwise.
 */
import { asStateIndex, type StateIndex } from "../numbering.js";
import { fail, ok, type Result } from "../problems.js";
import type { StateSpace } from "../statespace/space.js";
import type { Analysis } from "./analysis.js";
import { dmMoves, type MoveIndex } from "./moves.js";

export interface LimitedMoveResult {
  readonly horizon: number;
  /** stable[dm][s] = 1 when s is L_h-stable for dm. */
  readonly stable: readonly Uint8Array[];
  readonly equilibria: readonly StateIndex[];
  /** Whether the lowest-state rule broke a tie anywhere in the look-ahead. */
  readonly tiesBroken: boolean;
}

export interface NonMyopicResult {
  /** 1 stable, 0 unstable, -1 undetermined (the look-ahead cycles between both), per dm and state. */
  readonly stable: readonly Int8Array[];
  readonly equilibria: readonly StateIndex[];
  /** Level from which the anticipation tables repeat, and the period (1 = they settle). */
  readonly settlesAt: number;
  readonly period: number;
  readonly tiesBroken: boolean;
}

export const TWO_DM_ONLY = "limited-move and non-myopic stability are defined for conflicts with exactly two decision makers";

interface Level {
  /** G[i][s] for both decision makers. */
  readonly G: readonly [Int32Array, Int32Array];
  /** stable[i][s]: M_h(i, s) is empty. */
  readonly stable: readonly [Uint8Array, Uint8Array];
  readonly ties: boolean;
}

function firstLevel(S: number): Level {
  const id = new Int32Array(S);
  for (let s = 0; s < S; s++) id[s] = s;
  return { G: [id, Int32Array.from(id)], stable: [new Uint8Array(S), new Uint8Array(S)], ties: false };
}

/** G_h from G_{h−1}. */
function nextLevel(index: MoveIndex, P: readonly Int32Array[], prev: Level): Level {
  const S = index.size;
  const G: [Int32Array, Int32Array] = [new Int32Array(S), new Int32Array(S)];
  const stable: [Uint8Array, Uint8Array] = [new Uint8Array(S), new Uint8Array(S)];
  let ties = false;
  for (let i = 0; i < 2; i++) {
    const j = 1 - i;
    const Pi = P[i]!;
    const Gj = prev.G[j]!;
    const { blockOf, start, mem, code, ty, tn } = dmMoves(index, i);
    for (let s = 0; s < S; s++) {
      let best = -1;
      let bestVal = Pi[s]!;
      const b = blockOf[s]!;
      const cs = code !== null ? code[s]! : 0;
      for (let p = start[b]!; p < start[b + 1]!; p++) {
        const s1 = mem[p]!;
        if (s1 === s) continue;
        if (code !== null) {
          const c1 = code[s1]!;
          if (((cs & ~c1 & ty) | (~cs & c1 & tn)) !== 0) continue;
        }
        const v = Pi[Gj[s1]!]!;
        if (v > bestVal) {
          bestVal = v;
          best = s1;
        } else if (best >= 0 && v === bestVal && Gj[s1] !== Gj[best]) ties = true;
      }
      G[i]![s] = best < 0 ? s : Gj[best]!;
      stable[i]![s] = best < 0 ? 1 : 0;
    }
  }
  return { G, stable, ties: prev.ties || ties };
}

/** A "usage" problem unless the model has exactly two decision makers (check before analysing a large model). */
export function twoDecisionMakers(space: StateSpace): Result<true> {
  const D = space.model.decisionMakers.length;
  return D === 2 ? ok(true) : fail([{ code: "usage", path: [], message: `${TWO_DM_ONLY}; this model has ${D}` }]);
}

/** Both decision makers' payoffs, or a "usage" problem when there are not exactly two. */
function pays(a: Analysis): Result<readonly Int32Array[]> {
  const two = twoDecisionMakers(a.space);
  return two.ok ? ok(a.payoffs.map((p) => p.payoff)) : two;
}

function both(stable: readonly Uint8Array[]): StateIndex[] {
  const out: StateIndex[] = [];
  for (let s = 0; s < stable[0]!.length; s++) if (stable.every((f) => f[s] === 1)) out.push(asStateIndex(s));
  return out;
}

/** L_h stability for every state and both decision makers (h ≥ 1). */
export function limitedMove(a: Analysis, horizon: number): Result<LimitedMoveResult> {
  if (!Number.isInteger(horizon) || horizon < 1) return fail([{ code: "usage", path: [], message: `expected a horizon that is a whole number ≥ 1, found ${horizon}` }]);
  const payoffs = pays(a);
  if (!payoffs.ok) return payoffs;
  let level = firstLevel(a.index.size);
  for (let h = 1; h <= horizon; h++) level = nextLevel(a.index, payoffs.value, level);
  return ok({ horizon, stable: level.stable, equilibria: both(level.stable), tiesBroken: level.ties });
}

/** Non-myopic stability: L_h as h grows, until the anticipation tables repeat (at most `maxLevels`; a "limit" problem if they do not). */
export function nonMyopic(a: Analysis, maxLevels = 10_000): Result<NonMyopicResult> {
  const payoffs = pays(a);
  if (!payoffs.ok) return payoffs;
  const P = payoffs.value;
  const S = a.index.size;
  const seen = new Map<string, number>();
  const levels: Level[] = [firstLevel(S)];
  for (let h = 1; h <= maxLevels; h++) {
    const level = nextLevel(a.index, P, levels[h - 1]!);
    levels.push(level);
    const key = fingerprint(level);
    const earlier = seen.get(key);
    if (earlier !== undefined && sameTables(levels[earlier]!, level)) {
      const cycle = levels.slice(earlier, h);
      const stable = [0, 1].map((i) => {
        const out = new Int8Array(S);
        for (let s = 0; s < S; s++) {
          const vals = cycle.map((l) => l.stable[i as 0 | 1][s]);
          out[s] = vals.every((v) => v === 1) ? 1 : vals.every((v) => v === 0) ? 0 : -1;
        }
        return out;
      });
      const equilibria: StateIndex[] = [];
      for (let s = 0; s < S; s++) if (stable[0]![s] === 1 && stable[1]![s] === 1) equilibria.push(asStateIndex(s));
      return ok({ stable, equilibria, settlesAt: earlier, period: h - earlier, tiesBroken: level.ties });
    }
    seen.set(key, h);
  }
  return fail([{ code: "limit", path: [], message: `non-myopic stability: the look-ahead did not repeat within ${maxLevels} levels` }]);
}

function fingerprint(l: Level): string {
  let h1 = 2166136261;
  let h2 = 5381;
  for (const g of l.G) for (let s = 0; s < g.length; s++) {
    h1 = Math.imul(h1 ^ g[s]!, 16777619);
    h2 = (Math.imul(h2, 33) + g[s]!) | 0;
  }
  return `${h1 >>> 0}:${h2 >>> 0}`;
}

function sameTables(a: Level, b: Level): boolean {
  for (let i = 0; i < 2; i++) {
    const x = a.G[i]!, y = b.G[i]!;
    for (let s = 0; s < x.length; s++) if (x[s] !== y[s]) return false;
  }
  return true;
}
