/**
 * Ways through the state space for the brief: from a state by improvements to where
 * the conflict would settle, and from today into a named outcome with the fewest steps
 * a mover would rather not take (core's search, shared with stabilization).
 */
import { fewestBlockedPath, pathSteps, reachFrom, type Analysis } from "@concord/core";
import { holdLevel, holds, type Facts } from "../facts.js";
import type { HoldLevel } from "../types.js";

export interface RawStep {
  readonly mover: number;
  readonly from: number;
  readonly to: number;
}

/**
 * From state `from` (0-based), the moves that each improve their mover's position up to
 * the nearest state that holds (see holds()), preferring one where `prefer` is true;
 * `end` is where it settles, or `from` itself when nothing reachable holds.
 */
export function settle(f: Facts, from: number, prefer?: (s: number) => boolean): { steps: RawStep[]; end: number; holds: HoldLevel } {
  const here = holdLevel(f, from);
  if (holds(here)) return { steps: [], end: from, holds: here };
  const a = f.a;
  const r = reachFrom(a.index, a.payoffs.map((p) => p.payoff), from, "improvements");
  let best = -1;
  for (const s of r.order) {
    if (!holds(holdLevel(f, s))) continue;
    if (best < 0) best = s;
    // Among the nearest that hold, one in the preferred set wins.
    if (r.dist[s]! > r.dist[best]!) break;
    if (prefer?.(s) && !prefer(best)) best = s;
  }
  if (best < 0) return { steps: [], end: from, holds: here };
  return { steps: pathSteps(r, best), end: best, holds: holdLevel(f, best) };
}

/**
 * A way from `from` into a state where `inTarget[s] = 1` with the fewest blocked steps
 * (moves that do not improve the mover's position), then fewest steps, then fewest
 * options changed: core's fewestBlockedPath, shared with stabilization. Undefined when
 * no way leads there.
 */
export function leastBlockedPath(a: Analysis, from: number, inTarget: Uint8Array): { steps: RawStep[]; blocked: number } | undefined {
  const steps = fewestBlockedPath(a.space, a.index, a.payoffs.map((p) => p.payoff), from, (s) => inTarget[s] === 1);
  if (steps === null) return undefined;
  return { steps: steps.map(({ mover, from: u, to }) => ({ mover, from: u, to })), blocked: steps.filter((st) => !st.improvement).length };
}
