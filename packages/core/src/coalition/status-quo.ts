/**
 * Status quo analysis with coalition moves: where the conflict can go from today's
 * state when, besides every decision maker's unilateral improvements, the given
 * coalitions may make joint improvements (any legal sequence of their members' moves
 * ending in a state every member prefers; intermediate states need not be better).
 * A breadth-first search in which a joint move counts as one step; the ordinary
 * status quo analysis (stability/status-quo.ts) is run alongside to say which states
 * and equilibria only the coalitions open up.
 */
import { asDmIndex, asStateIndex, stateNumber, type StateIndex, type StateNumber } from "../numbering.js";
import { ok, type Result } from "../problems.js";
import { describeMove, type MoveDescription } from "../stability/describe.js";
import type { Analysis } from "../stability/analysis.js";
import { CONCEPT_LABELS, type BasicConcept } from "../stability/concepts.js";
import { movesFrom } from "../stability/moves.js";
import { statusQuoReach } from "../stability/status-quo.js";
import { coalitionIds, coalitionName, stateList, type Coalition } from "./coalitions.js";
import { coalitionalImprovements, shortestSequence } from "./moves.js";

export interface JointStep {
  /** Who moves: one decision maker, or the members of a coalition moving together (ids, and names). */
  readonly members: readonly string[];
  readonly by: readonly string[];
  readonly from: StateNumber;
  readonly to: StateNumber;
  /** The members' moves in order (one move for a unilateral improvement). */
  readonly moves: readonly MoveDescription[];
}

export interface CoalitionReachedState {
  readonly state: StateNumber;
  /** Steps on a shortest path; a joint move is one step. */
  readonly distance: number;
  readonly path: readonly JointStep[];
  /** Whether unilateral improvements alone also reach it. */
  readonly reachableAlone: boolean;
}

export interface CoalitionStatusQuo {
  readonly statusQuo: StateNumber;
  readonly coalitions: readonly { members: readonly string[]; name: string }[];
  /** Every state reachable (the start included, at distance 0), nearest first. */
  readonly reachable: readonly CoalitionReachedState[];
  /** Per concept, the equilibria among them, nearest first. */
  readonly equilibria: Partial<Record<BasicConcept, readonly CoalitionReachedState[]>>;
  /** Per concept, equilibria reachable only with the coalitions' joint moves. */
  readonly onlyWithCoalitions: Partial<Record<BasicConcept, readonly StateNumber[]>>;
  readonly summary: string;
}

/**
 * Status quo analysis from `from` (default: the model's status quo) with the coalitions'
 * joint improvements, or a "usage" problem when there is no state to start from.
 */
export function coalitionStatusQuo(a: Analysis, coalitions: readonly Coalition[], from?: StateIndex): Result<CoalitionStatusQuo> {
  const found = statusQuoReach(a, "improvements", from);
  if (!found.ok) return found;
  const alone = found.value;
  const start = alone.from;
  const { space, index } = a;
  const m = space.model;
  const P = a.payoffs.map((p) => p.payoff);
  const D = index.dmCount;
  const S = space.size;
  const dist = new Int32Array(S).fill(-1);
  const prev = new Int32Array(S).fill(-1);
  // Who made the step into each state: a decision maker (0..D-1) or coalition D + c.
  const mover = new Int32Array(S).fill(-1);
  const order = [start];
  dist[start] = 0;
  const reach = (u: number, w: number, who: number): void => {
    if (dist[w] !== -1) return;
    dist[w] = dist[u]! + 1;
    prev[w] = u;
    mover[w] = who;
    order.push(w);
  };
  for (let q = 0; q < order.length; q++) {
    const u = order[q]!;
    for (let k = 0; k < D; k++) for (const w of movesFrom(index, k, u)) if (P[k]![w]! > P[k]![u]!) reach(u, w, k);
    coalitions.forEach((H, c) => {
      if (H.length > 1) for (const w of coalitionalImprovements(index, P, H, u)) reach(u, w, D + c);
    });
  }
  const move = (mover: number, u: number, w: number): MoveDescription => describeMove(space, asDmIndex(mover), asStateIndex(u), asStateIndex(w));
  const step = (u: number, w: number, who: number): JointStep => {
    const ends = { from: stateNumber(asStateIndex(u)), to: stateNumber(asStateIndex(w)) };
    if (who < D) return { members: [m.decisionMakers[who]!.id], by: [m.decisionMakers[who]!.name], ...ends, moves: [move(who, u, w)] };
    const H = coalitions[who - D]!;
    const seq = shortestSequence(index, H, u, w)!;
    return { members: coalitionIds(m, H), by: H.map((d) => m.decisionMakers[d]!.name), ...ends, moves: seq.map((st) => move(st.mover, st.from, st.to)) };
  };
  const reached = new Map<number, CoalitionReachedState>();
  const reachable = order.map((s) => {
    const path: JointStep[] = [];
    for (let v = s; v !== start; v = prev[v]!) path.push(step(prev[v]!, v, mover[v]!));
    const r: CoalitionReachedState = { state: stateNumber(asStateIndex(s)), distance: dist[s]!, path: path.reverse(), reachableAlone: alone.dist[s]! >= 0 };
    reached.set(s, r);
    return r;
  });
  const equilibria: CoalitionStatusQuo["equilibria"] = {};
  const onlyWithCoalitions: CoalitionStatusQuo["onlyWithCoalitions"] = {};
  for (const c of a.concepts) {
    const eq = a.equilibria[c]!.filter((s) => reached.has(s)).map((s) => reached.get(s)!);
    equilibria[c] = eq.sort((x, y) => x.distance - y.distance || x.state - y.state);
    onlyWithCoalitions[c] = eq.filter((r) => !r.reachableAlone).map((r) => r.state).sort((x, y) => x - y);
  }
  const names = coalitions.filter((H) => H.length > 1).map((H) => coalitionName(m, H));
  const statusQuo = stateNumber(asStateIndex(start));
  return ok({
    statusQuo,
    coalitions: coalitions.map((H) => ({ members: coalitionIds(m, H), name: coalitionName(m, H) })),
    reachable,
    equilibria,
    onlyWithCoalitions,
    summary: summaryText(statusQuo, names, reachable, a.concepts, equilibria, onlyWithCoalitions),
  });
}

function summaryText(
  sq: number,
  names: readonly string[],
  reachable: readonly CoalitionReachedState[],
  concepts: readonly BasicConcept[],
  equilibria: CoalitionStatusQuo["equilibria"],
  only: CoalitionStatusQuo["onlyWithCoalitions"],
): string {
  const extra = reachable.filter((r) => !r.reachableAlone).length;
  const who = names.length === 0 ? "no coalition" : names.join("; ");
  const parts = [
    `From state ${sq}, with joint moves by ${who} as well as everyone's own improvements, the conflict can reach ${reachable.length - 1} other state${reachable.length === 2 ? "" : "s"}` +
      (extra > 0 ? `, ${extra} of them only thanks to the joint moves.` : "; the joint moves add none that the decision makers' own improvements do not reach."),
  ];
  for (const c of concepts) {
    const eq = equilibria[c]!;
    if (eq.length === 0) parts.push(`${CONCEPT_LABELS[c]}: no equilibrium is reachable.`);
    else parts.push(`${CONCEPT_LABELS[c]}: reachable equilibria ${stateList(eq.map((r) => r.state))}${only[c]!.length > 0 ? ` (${stateList(only[c]!)} only with the joint moves)` : ""}.`);
  }
  return parts.join(" ");
}
