/**
 * The one place the mediation analyses re-analyse a model whose preferences changed
 * while its states stayed the same. Everything that depends only on the states (the
 * move index) is reused; payoffs, sorted cells and the stability passes are redone.
 * A faster variant engine plugs in here and nowhere else.
 */
import type { DecisionMakerInfo, PriorityStatement } from "../model/types.js";
import { computePayoffs, type Payoffs } from "../statespace/payoffs.js";
import type { StateSpace } from "../statespace/space.js";
import { analyzeDm, finishAnalysis, type Analysis, type PreparedAnalysis } from "../stability/analysis.js";
import { buildSortedCells } from "../stability/cells.js";
import type { BasicConcept } from "../stability/concepts.js";

/**
 * The analysis of `base`'s states with new payoffs (one per decision maker; pass the
 * base's own object for a decision maker whose preferences did not change).
 */
export function reanalyse(base: PreparedAnalysis, payoffs: readonly Payoffs[], concepts: readonly BasicConcept[] = base.concepts): Analysis {
  const cells = payoffs.map((p, k) => (p === base.payoffs[k] ? base.cells[k]! : buildSortedCells(base.index, k, p.payoff)));
  const prep: PreparedAnalysis = { space: base.space, concepts: base.concepts.filter((c) => concepts.includes(c)), payoffs, index: base.index, cells };
  return finishAnalysis(prep, payoffs.map((_, k) => analyzeDm(prep, k)));
}

/** A decision maker's payoffs with a different list of statements. */
export function payoffsWith(space: StateSpace, dm: DecisionMakerInfo, statements: readonly PriorityStatement[]): Payoffs {
  return computePayoffs(space, { ...dm, preference: { kind: "priorities", statements } });
}

/** Whether two payoff columns order the states the same way (payoffs are dense levels, so equal arrays). */
export function samePayoffs(a: Payoffs, b: Payoffs): boolean {
  if (a.levels !== b.levels) return false;
  const x = a.payoff;
  const y = b.payoff;
  for (let s = 0; s < x.length; s++) if (x[s] !== y[s]) return false;
  return true;
}
