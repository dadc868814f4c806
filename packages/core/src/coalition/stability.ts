/**
 * Coalition stability, fast. For a coalition H (its members move jointly: any legal
 * sequence of their moves) answered by the other blocks of a partition, with p(s)
 * the members' payoffs at s and "beats" meaning strictly better for every member:
 *
 *   CNash: no state H can reach beats p(s).
 *   CGMR:  every reachable s1 that beats p(s) has some s2 the others can reach from s1
 *          that does not beat p(s) (some member is no better off than at s).
 *   CSMR:  as CGMR, and from that s2 nothing H can reach beats p(s) either.
 *   CSEQ:  as CGMR, the others moving by improvements only (each block's move one that
 *          every member of that block prefers).
 *
 * Each test is "some state H can reach has a value vector that beats p(s)":
 *   CNash: the vector p(s1);
 *   CGMR:  for each member i, min P_i over s1 and everything the others reach from s1 —
 *          s2 fails to deter exactly when P_i(s2) > P_i(s) for every i, so all s2 fail
 *          exactly when each member's minimum beats its payoff at s;
 *   CSEQ:  the same minimums over the others' improvements;
 *   CSMR:  a set of vectors: the "meet" over everything the others reach of what H can
 *          reach from there (antichain.ts), met with p(s1).
 * Minimums come from the engine's passes (stability/reach.ts, improvement-reach.ts);
 * "some reachable vector beats p(s)" is an antichain of the best vectors per SCC of
 * H's moves, combined over reachable SCCs (closure.ts). With one member these are
 * exactly Nash, GMR, SMR and SEQ.
 */
import { asDmIndex, type DmIndex } from "../numbering.js";
import type { BasicConcept } from "../stability/concepts.js";
import type { EngineData } from "../stability/engine.js";
import { minReachImprovements } from "../stability/improvement-reach.js";
import { minReachAllMoves } from "../stability/reach.js";
import { minOverReachable } from "../stability/scc-min.js";
import { beats, cap, join, meet, prune } from "./antichain.js";
import { buildClosure, propagate, propagateBack, type Closure } from "./closure.js";
import type { Coalition } from "./coalitions.js";
import { coalitionalImprovements } from "./moves.js";

/** Per concept, 1 for each state stable for the coalition. */
export type CoalitionFlags = Partial<Record<BasicConcept, Uint8Array>>;

/** What a coalition's stability needs besides the flags: the values behind them, for explanations. */
export interface CoalitionPass {
  readonly coalition: Coalition;
  readonly flags: CoalitionFlags;
  /** p(s) for every state: members' payoffs, state after state. */
  readonly payoffs: Int32Array;
  /** Per concept, the value vectors (an antichain) each state contributes, for finding a witness. */
  readonly values: Partial<Record<BasicConcept, (s: number) => Int32Array>>;
}

/** Values per state: one vector each (k numbers, state after state), or an antichain each. */
type Values = { readonly flat: Int32Array } | { readonly sets: readonly Int32Array[] };

/**
 * Stability of every state for coalition `H` under `concepts`, the other blocks of
 * the partition being `others` (default: every other decision maker alone).
 */
export function coalitionStability(data: EngineData, H: Coalition, concepts: readonly BasicConcept[], others?: readonly Coalition[]): CoalitionPass {
  const { index, payoffs: P } = data;
  const S = index.size;
  const k = H.length;
  const blocks = others ?? otherDecisionMakers(index.dmCount, H).map((d) => [d]);
  const responders = blocks.flat().sort((a, b) => a - b);
  const p = new Int32Array(S * k);
  for (let s = 0; s < S; s++) for (let j = 0; j < k; j++) p[s * k + j] = P[H[j]!]![s]!;
  const closH = buildClosure(index, H);
  const flags: CoalitionFlags = {};
  const values: CoalitionPass["values"] = {};

  // Per SCC of H's moves, the best values over everything H can reach from it.
  const best = (v: Values): Int32Array[] => propagate(index, closH, (scc) => ownAntichain(closH, scc, v, k), (a, b) => join(a, b, k));
  // "Some state H can reach has a value that beats p(s)" decides c's stability.
  const test = (c: BasicConcept, v: Values, reach = best(v)): void => {
    const f = new Uint8Array(S);
    for (let s = 0; s < S; s++) f[s] = beats(reach[closH.scc[s]!]!, k, p, s * k) ? 0 : 1;
    flags[c] = f;
    values[c] = "flat" in v ? (s) => v.flat.subarray(s * k, s * k + k) : (s) => v.sets[s]!;
  };

  // What H can reach from each state, by its members' payoffs: CNash, and the start of CSMR.
  const sky = concepts.includes("nash") || concepts.includes("smr") ? best({ flat: p }) : [];
  if (concepts.includes("nash")) test("nash", { flat: p }, sky);
  if (concepts.includes("gmr")) {
    test("gmr", { flat: memberMinimums(p, k, S, (v1, o1, v2, o2) => minReachAllMoves({ index, movers: responders, value1: v1, out1: o1, ...(v2 ? { value2: v2, out2: o2! } : {}) })) });
  }
  if (concepts.includes("seq")) {
    const improve = blocks.every((b) => b.length === 1)
      ? (v1: Int32Array, o1: Int32Array, v2?: Int32Array, o2?: Int32Array): void =>
          minReachImprovements({ index, movers: responders, improvementsBy: P, value1: v1, out1: o1, ...(v2 ? { value2: v2, out2: o2! } : {}) }, data.cells)
      : blockImprovementMinimum(data, blocks);
    test("seq", { flat: memberMinimums(p, k, S, improve) });
  }
  if (concepts.includes("smr")) {
    // What H can reach, met over everything the others can reach (then met with p(s1)).
    // Only points below p(s1) matter for a state s1, so each SCC of the others' moves
    // caps its points at the most that any state reaching it has: far fewer points meet.
    const closR = buildClosure(index, responders);
    const most = propagateBack(
      index,
      closR,
      (d) => {
        const m = new Int32Array(k).fill(-2147483648);
        for (let q = closR.start[d]!; q < closR.start[d + 1]!; q++) for (let j = 0; j < k; j++) m[j] = Math.max(m[j]!, p[closR.members[q]! * k + j]!);
        return m;
      },
      (a, b) => a.map((x, j) => Math.max(x, b[j]!)),
    );
    const met = propagate(
      index,
      closR,
      (d) => {
        let acc: Int32Array | null = null;
        const seen = new Set<Int32Array>();
        for (let q = closR.start[d]!; q < closR.start[d + 1]!; q++) {
          const a = sky[closH.scc[closR.members[q]!]!]!;
          if (seen.has(a)) continue;
          seen.add(a);
          const capped = cap(a, most[d]!, k);
          acc = acc === null ? capped : meet(acc, capped, k);
        }
        return acc!;
      },
      (a, b, d) => meet(a, cap(b, most[d]!, k), k),
    );
    test("smr", { sets: Array.from({ length: S }, (_, s) => meet(met[closR.scc[s]!]!, p.subarray(s * k, s * k + k), k)) });
  }
  return { coalition: H, flags, payoffs: p, values };
}

export function otherDecisionMakers(dmCount: number, H: Coalition): DmIndex[] {
  return Array.from({ length: dmCount }, (_, d) => asDmIndex(d)).filter((d) => !H.includes(d));
}

/** The antichain of the values of SCC c's members. */
function ownAntichain(closure: Closure, c: number, v: Values, k: number): Int32Array {
  const first = closure.start[c]!;
  const n = closure.start[c + 1]! - first;
  if ("flat" in v) {
    if (n === 1) return v.flat.subarray(closure.members[first]! * k, closure.members[first]! * k + k);
    const all = new Int32Array(n * k);
    for (let q = 0; q < n; q++) {
      const s = closure.members[first + q]!;
      for (let j = 0; j < k; j++) all[q * k + j] = v.flat[s * k + j]!;
    }
    return prune(all, k);
  }
  if (n === 1) return v.sets[closure.members[first]!]!;
  let total = 0;
  for (let q = 0; q < n; q++) total += v.sets[closure.members[first + q]!]!.length;
  const all = new Int32Array(total);
  for (let q = 0, o = 0; q < n; q++) {
    const a = v.sets[closure.members[first + q]!]!;
    all.set(a, o);
    o += a.length;
  }
  return prune(all, k);
}

type MinPass = (value1: Int32Array, out1: Int32Array, value2?: Int32Array, out2?: Int32Array) => void;

/** Each member's payoff minimised over a reachable set (two members per pass), as vectors per state. */
function memberMinimums(p: Int32Array, k: number, S: number, pass: MinPass): Int32Array {
  const out = new Int32Array(S * k);
  const column = (j: number): Int32Array => {
    const c = new Int32Array(S);
    for (let s = 0; s < S; s++) c[s] = p[s * k + j]!;
    return c;
  };
  for (let j = 0; j < k; j += 2) {
    const o1 = new Int32Array(S);
    const o2 = j + 1 < k ? new Int32Array(S) : undefined;
    if (o2) pass(column(j), o1, column(j + 1), o2);
    else pass(column(j), o1);
    for (let s = 0; s < S; s++) {
      out[s * k + j] = o1[s]!;
      if (o2) out[s * k + j + 1] = o2[s]!;
    }
  }
  return out;
}

/**
 * The minimum over everything the blocks reach by their improvements (a block's move:
 * any legal sequence of its members' moves that every member prefers; a block of one
 * moves by unilateral improvements). The improvements are listed state by state, so
 * this costs O(states × reachable states) for blocks of two or more.
 */
function blockImprovementMinimum(data: EngineData, blocks: readonly Coalition[]): MinPass {
  const { index, payoffs: P } = data;
  const S = index.size;
  const start = new Int32Array(S + 1);
  const edges: number[] = [];
  for (let u = 0; u < S; u++) {
    for (const b of blocks) for (const t of coalitionalImprovements(index, P, b, u)) edges.push(t);
    start[u + 1] = edges.length;
  }
  const next = (v: number, cursors: Int32Array, top: number): number => {
    const pos = start[v]! + cursors[top]!;
    if (pos >= start[v + 1]!) return -1;
    cursors[top]!++;
    return edges[pos]!;
  };
  return (v1, o1, v2, o2) => {
    o1.set(v1);
    if (v2 && o2) o2.set(v2);
    minOverReachable(S, S, o1, v2 && o2 ? o2 : null, next);
  };
}
