/**
 * Which states the picture of moves shows: the status quo; the equilibria reachable
 * from it by unilateral improvements, each with the states on its shortest path
 * (nearest first); then the states within `depth` improvements, nearest first; at
 * most `cap` states in all. Its edges are every unilateral improvement between two
 * drawn states, each belonging to the one decision maker whose options it changes.
 */
import {
  asDmIndex,
  asStateIndex,
  describeMove,
  movesFrom,
  stateIndexOf,
  stateNumber,
  statusQuoAnalysis,
  type Analysis,
  type BasicConcept,
  type StateIndex,
  type StatusQuoAnalysis,
} from "@concord/core";
import { choicesIn } from "./model-part.js";
import type { MoveGraph, MoveGraphEdge } from "./types.js";

export interface MoveGraphOptions {
  /** Improvements from the status quo to draw around it (default 2). */
  readonly depth?: number;
  /** Most states drawn (default 40). */
  readonly cap?: number;
}

/** The graph around the status quo (`known`: its status quo analysis, when already made), or undefined when the model has none. */
export function moveGraph(a: Analysis, options: MoveGraphOptions = {}, known?: StatusQuoAnalysis): MoveGraph | undefined {
  const { space, index } = a;
  // No status quo, no picture of where the conflict can go from it.
  const analysis = known ? { ok: true as const, value: known } : statusQuoAnalysis(a, "improvements");
  if (!analysis.ok) return undefined;
  const sqa = analysis.value;
  const depth = options.depth ?? 2;
  const cap = Math.max(1, options.cap ?? 40);
  const reached = new Map(sqa.reachable.map((r) => [stateIndexOf(r.state), r]));
  const masks = a.concepts.map((c) => {
    const mask = new Uint8Array(space.size);
    for (const s of a.equilibria[c]!) mask[s] = 1;
    return mask;
  });
  const isEq = (s: StateIndex): BasicConcept[] => a.concepts.filter((_, k) => masks[k]![s] === 1);

  const chosen = new Set<StateIndex>([stateIndexOf(sqa.statusQuo)]);
  const add = (states: readonly StateIndex[]): boolean => {
    const fresh = states.filter((s) => !chosen.has(s));
    if (chosen.size + fresh.length > cap) return false;
    for (const s of fresh) chosen.add(s);
    return true;
  };
  // The reachable equilibria under any concept, nearest first, each with its path.
  const eqReached = [...new Map(a.concepts.flatMap((c) => sqa.equilibria[c]!).map((r) => [r.state, r])).values()]
    .filter((r) => r.distance > 0)
    .sort((x, y) => x.distance - y.distance || x.state - y.state);
  const leftOut: number[] = [];
  for (const r of eqReached) {
    if (!add(r.path.map((m) => stateIndexOf(m.to)))) leftOut.push(r.state);
  }
  for (const r of sqa.reachable) {
    if (r.distance > depth || chosen.size >= cap) break;
    add([stateIndexOf(r.state)]);
  }

  const nodes = [...chosen].sort((x, y) => reached.get(x)!.distance - reached.get(y)!.distance || x - y);
  const edges: MoveGraphEdge[] = [];
  const D = index.dmCount;
  for (const u of nodes) {
    for (let k = 0; k < D; k++) {
      const P = a.payoffs[k]!.payoff;
      for (const t of movesFrom(index, k, u)) {
        const w = asStateIndex(t);
        if (!chosen.has(w) || P[w]! <= P[u]!) continue;
        const m = describeMove(space, asDmIndex(k), u, w);
        edges.push({ from: stateNumber(u), to: m.to, dm: k, by: m.by, changes: m.changes.map((c) => ({ label: c.label, taken: c.taken, ...(c.alternatives ? { alternatives: c.alternatives } : {}) })) });
      }
    }
  }
  edges.sort((x, y) => x.from - y.from || x.to - y.to);
  return {
    depth,
    cap,
    decisionMakers: space.model.decisionMakers.map((d) => d.name),
    nodes: nodes.map((s) => ({
      state: stateNumber(s),
      yn: space.yn(s),
      statusQuo: s === space.statusQuo,
      equilibriumUnder: isEq(s),
      distance: reached.get(s)!.distance,
      choices: choicesIn(space, s),
    })),
    edges,
    reachableCount: sqa.reachable.length,
    equilibriaLeftOut: leftOut,
  };
}
