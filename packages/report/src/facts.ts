/**
 * What the brief, the analysis section and the pictures all need from one analysis,
 * computed once: the status quo analysis, the status quo's explanations per decision
 * maker and concept, and each concept's equilibria as a mask.
 */
import {
  asDmIndex,
  asStateIndex,
  evaluate,
  explain,
  statusQuoAnalysis,
  type Analysis,
  type BasicConcept,
  type Explanation,
  type Expr,
  type StateIndex,
  type StateSpace,
  type StatusQuoAnalysis,
} from "@concord/core";
import type { HoldLevel } from "./types.js";

export interface Facts {
  readonly a: Analysis;
  /** The status quo, when the model has one. */
  readonly sq?: StateIndex;
  /** Where unilateral improvements lead from the status quo (with it). */
  readonly sqa?: StatusQuoAnalysis;
  /** explanations[dm][c]: the status quo explained for decision maker dm under a.concepts[c]. */
  readonly explanations?: readonly (readonly Explanation[])[];
  /** eq[concept][s] = 1 when state s is an equilibrium under it. */
  readonly eq: Partial<Record<BasicConcept, Uint8Array>>;
}

export function analysisFacts(a: Analysis): Facts {
  const sq = a.space.statusQuo;
  const eq: Partial<Record<BasicConcept, Uint8Array>> = {};
  for (const c of a.concepts) {
    const mask = new Uint8Array(a.space.size);
    for (const s of a.equilibria[c]!) mask[s] = 1;
    eq[c] = mask;
  }
  const sqa = statusQuoAnalysis(a, "improvements");
  if (sq === undefined || !sqa.ok) return { a, eq };
  return { a, sq, eq, sqa: sqa.value, explanations: explanationsAt(a, sq) };
}

/** State `s` explained for every decision maker under every concept computed. */
export function explanationsAt(a: Analysis, s: StateIndex): Explanation[][] {
  return a.space.model.decisionMakers.map((_, d) => a.concepts.map((c) => explain(a, s, asDmIndex(d), c)));
}

/** How firmly state `s` holds: see HoldLevel. Concepts not computed count as not holding. */
export function holdLevel(f: Facts, s: number): HoldLevel {
  if (f.eq.nash?.[s] === 1) return "firm";
  if (f.eq.seq?.[s] === 1) return "deterred";
  if (f.eq.gmr?.[s] === 1 || f.eq.smr?.[s] === 1) return "threat";
  return "none";
}

/** Whether an outcome holding this firmly counts as holding in the brief (credible answers at least). */
export function holds(level: HoldLevel): boolean {
  return level === "firm" || level === "deterred";
}

/** mask[s] = 1 when the pattern (a target's, say) is true in state s. */
export function patternMask(space: StateSpace, expr: Expr): Uint8Array {
  const mask = new Uint8Array(space.size);
  for (let s = 0; s < space.size; s++) if (evaluate(expr, (o) => space.taken(asStateIndex(s), o))) mask[s] = 1;
  return mask;
}
