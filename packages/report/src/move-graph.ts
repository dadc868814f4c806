/**
 * Which states the picture of moves shows: the status quo; the equilibria reachable
 * from it by unilateral improvements, each with the states on its shortest path
 * (nearest first); then the states within `depth` improvements, nearest first; at
 * most `cap` states in all. Its edges are every unilateral improvement between two
 * drawn states, each belonging to the one decision maker whose options it changes.
 */
import { describeMove, movesFrom, statusQuoAnalysis, type Analysis, type BasicConcept, type StatusQuoAnalysis } from "@concord/core";
import { choicesIn } from "./model-part.js";
import type { MoveGraph, MoveGraphEdge } from "./types.js";

export interface MoveGraphOptions {
  /** Improvements from the status quo to draw around it (default 2). */
  readonly depth?: number;
  /** Most states drawn (default 40). */
  readonly cap?: number;
}

/** The graph around the status quo, or undefined when the model has none. */
export function moveGraph(a: Analysis, options: MoveGraphOptions = {}, known?: StatusQuoAnalysis): MoveGraph | undefined {
  const { space, index } = a;
  if (space.statusQuo < 0) return undefined;
  const depth = options.depth ?? 2;
  const cap = Math.max(1, options.cap ?? 40);
  const sqa = known ?? statusQuoAnalysis(a, "improvements");
  const reached = new Map(sqa.reachable.map((r) => [r.state - 1, r]));
  const masks = a.concepts.map((c) => {
    const mask = new Uint8Array(space.size);
    for (const s of a.equilibria[c]!) mask[s] = 1;
    return mask;
  });
  const isEq = (s: number): BasicConcept[] => a.concepts.filter((_, k) => masks[k]![s] === 1);

  const chosen = new Set<number>([space.statusQuo]);
  const add = (states: readonly number[]): boolean => {
    const fresh = states.filter((s) => !chosen.has(s));
    if (chosen.size + fresh.length > cap) return false;
    for (const s of fresh) chosen.add(s);
    return true;
  };
  const eqReached = sqa.reachable.filter((r) => r.distance > 0 && isEq(r.state - 1).length > 0);
  const leftOut: number[] = [];
  for (const r of eqReached) {
    if (!add([...r.path.map((m) => m.to - 1)])) leftOut.push(r.state);
  }
  for (const r of sqa.reachable) {
    if (r.distance > depth || chosen.size >= cap) break;
    add([r.state - 1]);
  }

  const nodes = [...chosen].sort((x, y) => reached.get(x)!.distance - reached.get(y)!.distance || x - y);
  const edges: MoveGraphEdge[] = [];
  const D = index.dmCount;
  for (const u of nodes) {
    for (let k = 0; k < D; k++) {
      const P = a.payoffs[k]!.payoff;
      for (const w of movesFrom(index, k, u)) {
        if (!chosen.has(w) || P[w]! <= P[u]!) continue;
        const m = describeMove(space, k, u, w);
        edges.push({ from: u + 1, to: w + 1, dm: k, by: m.by, changes: m.changes.map((c) => ({ label: c.label, taken: c.taken })) });
      }
    }
  }
  edges.sort((x, y) => x.from - y.from || x.to - y.to);
  return {
    depth,
    cap,
    decisionMakers: space.model.decisionMakers.map((d) => d.name),
    nodes: nodes.map((s) => ({
      state: s + 1,
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
