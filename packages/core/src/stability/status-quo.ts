/**
 * Status quo analysis: how the conflict can move from today's state. A breadth-first
 * search over unilateral improvements (or over any unilateral moves) of all decision
 * makers gives every reachable state with a shortest path; the equilibria among them
 * are the outcomes the conflict can get to from where it is.
 */
import { asDmIndex, asStateIndex, stateNumber, type StateIndex, type StateNumber } from "../numbering.js";
import { fail, ok, type Result } from "../problems.js";
import { describeMove, type MoveDescription } from "./describe.js";
import type { Analysis } from "./analysis.js";
import type { BasicConcept } from "./concepts.js";
import { pathSteps, reachFrom, type ReachFrom } from "./reach-from.js";

export interface ReachedState {
  readonly state: StateNumber;
  /** Number of moves on a shortest path from the status quo. */
  readonly distance: number;
  /** A shortest path: each step a move by one decision maker. */
  readonly path: readonly MoveDescription[];
}

export interface StatusQuoAnalysis {
  readonly statusQuo: StateNumber;
  /** "improvements": each move is a unilateral improvement for its mover; "moves": any unilateral move. */
  readonly by: "improvements" | "moves";
  /**
   * Every state reachable from the status quo (itself included, at distance 0), nearest
   * first, then by number. Each path is written out when first read (and in JSON).
   */
  readonly reachable: readonly ReachedState[];
  /** Per concept, the equilibria among the reachable states, nearest first. */
  readonly equilibria: Partial<Record<BasicConcept, readonly ReachedState[]>>;
  /** Per concept, equilibria that cannot be reached from the status quo. */
  readonly unreachable: Partial<Record<BasicConcept, readonly StateNumber[]>>;
}

/** The status quo analysis from state `from` (default: the model's status quo), or a "usage" problem when there is neither. */
export function statusQuoAnalysis(a: Analysis, by: "improvements" | "moves" = "improvements", from?: StateIndex): Result<StatusQuoAnalysis> {
  const { space, index } = a;
  const start = from ?? space.statusQuo;
  if (start === undefined) return fail([{ code: "usage", path: [], message: "the model has no status quo; give a state to start from" }]);
  const r = reachFrom(index, a.payoffs.map((p) => p.payoff), start, by, a.cells);
  const context: PathContext = { reach: r, describe: (m) => describeMove(space, asDmIndex(m.mover), asStateIndex(m.from), asStateIndex(m.to)) };
  const position = new Int32Array(space.size).fill(-1);
  const reachable: ReachedState[] = Array.from(r.order, (s, i) => {
    position[s] = i;
    return new Reached(context, s);
  });
  const equilibria: StatusQuoAnalysis["equilibria"] = {};
  const unreachable: StatusQuoAnalysis["unreachable"] = {};
  for (const c of a.concepts) {
    const eq = a.equilibria[c]!;
    // Plain objects with their paths written out: there are few equilibria, and reports embed them as data.
    equilibria[c] = eq
      .filter((s) => position[s]! >= 0)
      .map((s) => reachable[position[s]!]!)
      .map((x) => ({ state: x.state, distance: x.distance, path: x.path }))
      .sort((x, y) => x.distance - y.distance || x.state - y.state);
    unreachable[c] = eq.filter((s) => position[s]! < 0).map(stateNumber);
  }
  return ok({ statusQuo: stateNumber(start), by, reachable, equilibria, unreachable });
}

interface PathContext {
  readonly reach: ReachFrom;
  readonly describe: (m: { mover: number; from: number; to: number }) => MoveDescription;
}

/**
 * A reached state whose path is written out when first read: on millions of states,
 * writing out every path up front would dominate the analysis. `path` is a getter, so
 * JSON goes through `toJSON`; spreading the object leaves the path out.
 */
class Reached implements ReachedState {
  readonly state: StateNumber;
  readonly distance: number;
  readonly #context: PathContext;
  #path: readonly MoveDescription[] | undefined;
  constructor(context: PathContext, s: number) {
    this.state = stateNumber(asStateIndex(s));
    this.distance = context.reach.dist[s]!;
    this.#context = context;
  }
  get path(): readonly MoveDescription[] {
    return (this.#path ??= pathSteps(this.#context.reach, this.state - 1).map(this.#context.describe));
  }
  toJSON(): ReachedState {
    return { state: this.state, distance: this.distance, path: this.path };
  }
}
