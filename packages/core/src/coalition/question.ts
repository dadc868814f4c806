/**
 * "Can these decision makers together move the status quo?" answered in one piece of
 * data: what the coalition can reach by its own moves, which of those states each
 * member prefers, whether some state suits them all (a joint improvement), whether
 * the others can deter it under each concept, and where the conflict can go from
 * there with the joint moves added to everyone's own improvements.
 */
import { stateIndexOf, type StateIndex, type StateNumber } from "../numbering.js";
import { ok, type Result } from "../problems.js";
import { rankOf } from "../statespace/payoffs.js";
import type { Analysis } from "../stability/analysis.js";
import { CONCEPT_LABELS, type BasicConcept } from "../stability/concepts.js";
import { coalitionIds, coalitionName, type Coalition } from "./coalitions.js";
import { explainCoalition, type CoalitionExplanation } from "./explain.js";
import { reachable } from "./moves.js";
import { coalitionStatusQuo, type CoalitionStatusQuo } from "./status-quo.js";

export interface JointMoveReport {
  /** Decision-maker ids and the coalition's name. */
  readonly members: readonly string[];
  readonly name: string;
  /** The starting state. */
  readonly from: StateNumber;
  /** States the members can reach by their own moves; per member, how many of them it prefers to the start, and its rank of the start. */
  readonly reachable: number;
  readonly preferredBy: readonly { id: string; decisionMaker: string; states: number; rank: number }[];
  /** States every member prefers (the joint improvements), nearest first. */
  readonly jointImprovements: readonly StateNumber[];
  /** Per concept: the explanation of the start's stability for the coalition. */
  readonly stability: Partial<Record<BasicConcept, CoalitionExplanation>>;
  /** The status quo analysis with the coalition's joint moves. */
  readonly statusQuo: CoalitionStatusQuo;
  /** The answer in plain words. */
  readonly answer: string;
}

/** The answer from state `from` (default: the model's status quo), or a "usage" problem when there is no state to start from. */
export function jointMoveReport(a: Analysis, H: Coalition, from?: StateIndex): Result<JointMoveReport> {
  const found = coalitionStatusQuo(a, [H], from);
  if (!found.ok) return found;
  const statusQuo = found.value;
  const start = stateIndexOf(statusQuo.statusQuo);
  const { space, index } = a;
  const m = space.model;
  const P = a.payoffs.map((p) => p.payoff);
  const name = coalitionName(m, H);
  const reach = reachable(index, H, start).filter((t) => t !== start);
  const preferredBy = H.map((d) => ({
    id: m.decisionMakers[d]!.id,
    decisionMaker: m.decisionMakers[d]!.name,
    states: reach.filter((t) => P[d]![t]! > P[d]![start]!).length,
    rank: rankOf(a.payoffs[d]!, start),
  }));
  const stability: JointMoveReport["stability"] = {};
  for (const c of a.concepts) stability[c] = explainCoalition(a, H, start, c, { limit: 3 });
  const first = stability[a.concepts[0]!]!;
  const jointImprovements = explainCoalition(a, H, start, "nash", { limit: Number.MAX_SAFE_INTEGER }).improvements.map((x) => x.to);

  const lines: string[] = [];
  if (jointImprovements.length === 0) {
    lines.push(
      `No. From state ${statusQuo.statusQuo}, ${name} can reach ${reach.length} other state${reach.length === 1 ? "" : "s"} by their own moves, ` +
        `but none that all of them prefer to it: ${preferredBy.map((p) => `${p.decisionMaker} prefers ${p.states === 0 ? "none" : p.states} of them`).join(", ")}${H.length > 1 && preferredBy.every((p) => p.states > 0) ? ", never the same one" : ""}.`,
    );
  } else {
    const best = first.improvements[0]!;
    lines.push(
      `Yes. From state ${statusQuo.statusQuo}, ${name} can together reach ${jointImprovements.length} state${jointImprovements.length === 1 ? "" : "s"} that all of them prefer; ` +
        `the nearest is state ${best.to} (${best.gains.map((g) => `${g.decisionMaker} rank ${g.rankBefore} → ${g.rankAfter}`).join(", ")}).`,
    );
    for (const c of a.concepts) {
      if (c === "nash") continue;
      const x = stability[c]!;
      lines.push(
        x.stable
          ? `${CONCEPT_LABELS[c]}: the others can deter every such move, so state ${statusQuo.statusQuo} still holds against them.`
          : `${CONCEPT_LABELS[c]}: the others cannot deter the move to state ${x.improvements[0]!.to}, so state ${statusQuo.statusQuo} does not hold against them.`,
      );
    }
  }
  lines.push(statusQuo.summary);
  return ok({
    members: coalitionIds(m, H),
    name,
    from: statusQuo.statusQuo,
    reachable: reach.length,
    preferredBy,
    jointImprovements,
    stability,
    statusQuo,
    answer: lines.join(" "),
  });
}
