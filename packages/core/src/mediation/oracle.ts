/**
 * The mediation analyses written straight from their definitions, for tests: every
 * changed model is rebuilt as a scenario document and validated like a file, ranks
 * come from comparing statements' truth values in order, and stability and
 * reachability come from stability/oracle.ts. Nothing here is shared with the fast
 * code in this folder.
 */
import { evaluate } from "../model/expression.js";
import { asStateIndex } from "../numbering.js";
import { validateDocument } from "../scenario/load.js";
import type { ScenarioDocument } from "../format/schema.js";
import type { StateSpace } from "../statespace/space.js";
import { BASIC_CONCEPTS, type BasicConcept } from "../stability/concepts.js";
import { Oracle } from "../stability/oracle.js";

/** Payoffs by definition: statements compared in order (lexicographically), or the ranking's levels. */
export function oraclePayoffs(space: StateSpace): Int32Array[] {
  return space.model.decisionMakers.map((dm) => {
    const pref = dm.preference;
    const out = new Int32Array(space.size);
    if (pref.kind === "ranking") {
      pref.levels.forEach((level, k) => level.forEach((v) => (out[space.indexOf(v)!] = pref.levels.length - 1 - k)));
      return out;
    }
    const truth = (s: number): string => pref.statements.map((st) => (evaluate(st.expr, (o) => space.taken(asStateIndex(s), o)) ? "1" : "0")).join("");
    const keys = Array.from({ length: space.size }, (_, s) => truth(s));
    const distinct = [...new Set(keys)].sort();
    keys.forEach((k, s) => (out[s] = distinct.indexOf(k)));
    return out;
  });
}

/** Shortest numbers of unilateral improvements from `from` (−1: unreachable), by repeated relaxation. */
export function oracleDistances(oracle: Oracle, from: number): number[] {
  const S = oracle.space.size;
  const dist = Array<number>(S).fill(-1);
  dist[from] = 0;
  let frontier = [from];
  for (let d = 1; frontier.length > 0; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let k = 0; k < oracle.P.length; k++) {
        for (const w of oracle.R(k, u)) {
          if (dist[w] === -1 && oracle.P[k]![w]! > oracle.P[k]![u]!) {
            dist[w] = d;
            next.push(w);
          }
        }
      }
    }
    frontier = next;
  }
  return dist;
}

export interface OracleOutcome {
  readonly concepts: BasicConcept[];
  /** 0-based state of the model analysed. */
  readonly state: number;
}

const WEIGHT: Record<BasicConcept, number> = { nash: 8, smr: 2, seq: 2, gmr: 1 };

/**
 * The best state matching `target` in a document's model: an equilibrium under as many
 * concepts as possible (the goal first), reachable from the state with vector
 * `fromVector` (none: reachability is not asked), nearest, lowest-numbered.
 */
export function oracleOutcome(doc: ScenarioDocument, target: (space: StateSpace, s: number) => boolean, goal: readonly BasicConcept[], fromVector: number | null): OracleOutcome | null {
  const r = validateDocument(doc);
  if (!r.ok) throw new Error(`oracle: the changed document does not validate: ${r.problems.map((p) => p.message).join("; ")}`);
  const space = r.value.space!;
  const oracle = new Oracle(space, oraclePayoffs(space));
  const dist = fromVector === null ? null : oracleDistances(oracle, space.indexOf(fromVector)!);
  let best: { concepts: BasicConcept[]; state: number; key: number[] } | null = null;
  for (let t = 0; t < space.size; t++) {
    if (!target(space, t) || (dist !== null && dist[t]! < 0)) continue;
    const cs = BASIC_CONCEPTS.filter((c) => space.model.decisionMakers.every((_, i) => oracle.stable(i, t, c)));
    if (cs.length === 0) continue;
    const key = [goal.every((c) => cs.includes(c)) ? 1 : 0, cs.reduce((n, c) => n + WEIGHT[c], 0), -(dist?.[t] ?? 0), -t];
    if (best === null || laterIsBetter(best.key, key)) best = { concepts: cs, state: t, key };
  }
  return best === null ? null : { concepts: best.concepts, state: best.state };
}

function laterIsBetter(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i >= 0 && b[i]! > a[i]!;
}

/** The document with decision maker `dm`'s statements replaced. */
export function docWithStatements(doc: ScenarioDocument, dm: number, statements: readonly string[]): ScenarioDocument {
  const model = doc.model!;
  return {
    ...doc,
    model: { ...model, decisionMakers: model.decisionMakers.map((d, k) => (k === dm ? { ...d, preferences: [...statements] } : d)) },
  };
}

/**
 * The document with a third party's option as the mediation analyses define it: option
 * `x` added last to g's options; d gains `x & (T)` (offer) or `-x` (threat) at
 * `position`; g gains `x` (offer) or `(x & -(T)) | (-x & (T))` (threat) last. Explicit
 * rankings are rewritten by Y/N vectors with both values of x tied.
 */
export function docWithThirdParty(doc: ScenarioDocument, space: StateSpace, kind: "offer" | "threat", g: number, d: number, position: number, target: string): ScenarioDocument {
  const model = doc.model!;
  const x = "oracle_x";
  const q = model.decisionMakers.slice(0, g + 1).reduce((n, dm) => n + dm.options.length, 0);
  const ynOf = (ref: number | string): string => (typeof ref === "number" ? space.yn(asStateIndex(ref - 1)) : ref.toUpperCase());
  const both = (ref: number | string): string[] => [0, 1].map((v) => ynOf(ref).slice(0, q) + (v ? "Y" : "N") + ynOf(ref).slice(q));
  const decisionMakers = model.decisionMakers.map((dm, k) => {
    let out = { ...dm };
    if (k === g) out = { ...out, options: [...dm.options, { id: x, label: "the third party's option" }] };
    if (dm.ranking !== undefined) {
      out = { ...out, ranking: dm.ranking.map((entry) => (Array.isArray(entry) ? entry.flatMap(both) : both(entry))) };
    } else {
      let prefs = (dm.preferences ?? []).map((p) => (typeof p === "string" ? p : p.statement));
      if (k === d) prefs = [...prefs.slice(0, position - 1), kind === "offer" ? `${x} & (${target})` : `-${x}`, ...prefs.slice(position - 1)];
      if (k === g) prefs = [...prefs, kind === "offer" ? x : `(${x} & -(${target})) | (-${x} & (${target}))`];
      out = { ...out, preferences: prefs };
    }
    return out;
  });
  return { ...doc, model: { ...model, decisionMakers } };
}
