/**
 * Stabilization (inverse analysis) of a target: why the conflict does not settle there,
 * and what it would take.
 *
 * (a) Pulls: at one target state, each decision maker's unilateral improvements (the
 *     moves that pull it away), the statement that makes each one an improvement, and
 *     for each concept whether the others can sanction it and how.
 * (b) Reach: whether a target state is reachable from the status quo by unilateral
 *     improvements; if not, the legal path toward it with the fewest blocked steps, and
 *     for each blocked step the mover's statement that makes it no improvement.
 * (c) Changes: the smallest changes that make a target state an equilibrium reachable
 *     from the status quo (search.ts).
 */
import { asDmIndex, asStateIndex, stateNumber, type StateIndex, type StateNumber } from "../numbering.js";
import { describeMove, type MoveDescription } from "../stability/describe.js";
import { rankOf } from "../statespace/payoffs.js";
import { reanalyse } from "./variant.js";
import type { Analysis } from "../stability/analysis.js";
import { BASIC_CONCEPTS, type BasicConcept } from "../stability/concepts.js";
import { explain } from "../stability/explain.js";
import { reachFrom, type ReachFrom } from "../stability/reach-from.js";
import { pathTo } from "../stability/status-quo.js";
import { fewestBlockedPath } from "./paths.js";
import { searchChanges, type PayoffMemo, type ChangeSearch } from "./search.js";
import { matchTarget, targetStates, type Target, type TargetMatch } from "./targets.js";
import { decide, stateWords, type Decision, type StateWords, type StatementRef } from "./words.js";

export interface StabilizeOptions {
  /** The goal: an equilibrium under every one of these concepts (default: all four, i.e. Nash, which implies the others). */
  readonly concepts?: readonly BasicConcept[];
  /** Where the conflict starts; default the status quo. */
  readonly from?: StateIndex;
  /** The target state explained in (a); default: see `focus` in the result. */
  readonly focus?: StateIndex;
  /** Largest change searched: 1 or 2 (default 2). */
  readonly maxSize?: 1 | 2;
  /** Evaluations allowed for changes of size 2 (default 5,000). */
  readonly maxPairEvaluations?: number;
  /** Whether to try new options for third parties (default true). */
  readonly thirdParty?: boolean;
  /** Most changes listed (default 20). */
  readonly limit?: number;
  /** Most target states listed (default 50). */
  readonly stateLimit?: number;
  /**
   * Payoffs of changed preferences, kept across calls on the same analysis (several
   * targets asked of one model try the same changes); see `PayoffMemo`.
   */
  readonly memo?: PayoffMemo;
}

/** One unilateral improvement from the focus state, why its mover wants it, and who can sanction it. */
export interface Pull {
  readonly move: MoveDescription;
  /** The mover's statement that makes the move an improvement (absent for an explicit ranking). */
  readonly why?: StatementRef;
  /** The mover's rank of the state it moves to (1 = best). */
  readonly rank: number;
  /** Per concept other than Nash (which ignores responses): the shortest sanction, if any. */
  readonly sanctions: Partial<Record<BasicConcept, { readonly sanctioned: boolean; readonly by?: readonly MoveDescription[]; readonly endsAt?: StateNumber }>>;
}

export interface DmPulls {
  readonly dm: string;
  readonly name: string;
  readonly rank: number;
  readonly stable: Record<BasicConcept, boolean>;
  readonly improvements: readonly Pull[];
}

export interface BlockedStep {
  readonly move: MoveDescription;
  /** Whether the mover wants the move (a unilateral improvement). */
  readonly improvement: boolean;
  /** For a blocked step: how the mover compares where it is with where the move leads. */
  readonly decision?: Decision;
  readonly words: string;
}

export interface TargetReach {
  readonly start: StateWords;
  /** Whether some target state is reachable from the start by unilateral improvements. */
  readonly reachable: boolean;
  /** The nearest reachable target state and a shortest path to it. */
  readonly nearest?: { readonly state: StateWords; readonly path: readonly MoveDescription[] };
  /** When none is reachable: the legal path toward a target state with the fewest blocked steps (null: no legal path at all). */
  readonly blocked?: { readonly state: StateWords; readonly steps: readonly BlockedStep[]; readonly blockedSteps: number } | null;
}

export interface StabilizeResult {
  readonly target: TargetMatch;
  readonly goal: readonly BasicConcept[];
  /** Per concept, the target states that are equilibria now. */
  readonly equilibria: Record<BasicConcept, readonly StateNumber[]>;
  /** The target states reachable from the start by unilateral improvements. */
  readonly reachableStates: readonly StateNumber[] | null;
  /** The target state explained in `pulls`, and why it was chosen (null when no feasible state matches the target). */
  readonly focus: (StateWords & { readonly why: string }) | null;
  /** (a) */
  readonly pulls: readonly DmPulls[];
  /** (b) null when there is no status quo to start from. */
  readonly reach: TargetReach | null;
  /** (c) */
  readonly changes: ChangeSearch;
}

/** Stabilization of `target` (see the file comment); `a` is the model's analysis. */
export function stabilize(a: Analysis, target: Target, opts: StabilizeOptions = {}): StabilizeResult {
  const full = a.concepts.length === BASIC_CONCEPTS.length ? a : reanalyse(a, a.payoffs, BASIC_CONCEPTS);
  const { space, index } = full;
  const goal = BASIC_CONCEPTS.filter((c) => (opts.concepts ?? BASIC_CONCEPTS).includes(c));
  const T = targetStates(space, target);
  const match = matchTarget(space, target, opts.stateLimit ?? 50);
  const start = opts.from ?? space.statusQuo;
  const P = full.payoffs.map((p) => p.payoff);
  const reach = start !== undefined ? reachFrom(index, P, start, "improvements") : null;
  const eqAt = (c: BasicConcept, t: number): boolean => full.stable[c]!.every((f) => f[t] === 1);
  const equilibria = Object.fromEntries(BASIC_CONCEPTS.map((c) => [c, T.filter((t) => eqAt(c, t)).map(stateNumber)])) as Record<BasicConcept, StateNumber[]>;

  const focusChoice = chooseFocus(full, T, reach, opts.focus);
  const targetWords = target.label ?? `"${target.pattern}"`;
  return {
    target: match,
    goal,
    equilibria,
    reachableStates: reach ? T.filter((t) => reach.dist[t]! >= 0).map(stateNumber) : null,
    focus: focusChoice === null ? null : { ...stateWords(space, focusChoice.state), why: focusChoice.why },
    pulls: focusChoice === null ? [] : pullsAt(full, focusChoice.state),
    reach: start === undefined || T.length === 0 ? null : targetReach(full, start, T, reach!),
    changes: searchChanges(full, target.expr, targetWords, {
      goal,
      start,
      maxSize: opts.maxSize ?? 2,
      maxPairEvaluations: opts.maxPairEvaluations ?? 5000,
      thirdParty: opts.thirdParty ?? true,
      limit: opts.limit ?? 20,
      ...(opts.memo ? { memo: opts.memo } : {}),
    }),
  };
}

/** The target state to explain: the one given, else a reachable one, then the one closest to stable, then the lowest-numbered. */
function chooseFocus(a: Analysis, T: readonly StateIndex[], reach: ReachFrom | null, given?: StateIndex): { state: StateIndex; why: string } | null {
  if (given !== undefined) return { state: given, why: "chosen by the user" };
  if (T.length === 0) return null;
  const unstablePairs = (t: number): number => BASIC_CONCEPTS.reduce((n, c) => n + a.stable[c]!.filter((f) => f[t] !== 1).length, 0);
  let best = T[0]!;
  const key = (t: number): [number, number] => [reach !== null && reach.dist[t]! >= 0 ? 0 : 1, unstablePairs(t)];
  for (const t of T) {
    const [r, u] = key(t);
    const [br, bu] = key(best);
    if (r < br || (r === br && u < bu)) best = t;
  }
  const reachable = reach !== null && reach.dist[best]! >= 0;
  return {
    state: best,
    why: `${reachable ? "reachable from the status quo and, among those, " : ""}the target state stable for the most decision makers under the most concepts (${unstablePairs(best)} unstable pairs of decision maker and concept)${T.length > 1 ? `; ${T.length} states match the target` : ""}`,
  };
}

/** (a) Each decision maker's improvements from state t, with the statement behind each and the sanctions per concept. */
export function pullsAt(a: Analysis, t: StateIndex): DmPulls[] {
  const { space } = a;
  return space.model.decisionMakers.map((dm, k) => {
    const i = asDmIndex(k);
    const byConcept = Object.fromEntries(BASIC_CONCEPTS.map((c) => [c, explain(a, t, i, c)])) as Record<BasicConcept, ReturnType<typeof explain>>;
    const improvements: Pull[] = byConcept.nash.improvements.map((imp, j) => {
      const to = asStateIndex(imp.move.to - 1);
      const d = decide(space, i, to, t, (s) => rankOf(a.payoffs[i]!, s));
      const sanctions: Pull["sanctions"] = {};
      for (const c of ["gmr", "smr", "seq"] as const) {
        const x = byConcept[c].improvements[j]!;
        sanctions[c] = { sanctioned: x.deterred, ...(x.sanction ? { by: x.sanction } : {}), ...(x.endsAt !== undefined ? { endsAt: x.endsAt } : {}) };
      }
      return { move: imp.move, ...(d.statement ? { why: d.statement } : {}), rank: imp.rank, sanctions };
    });
    return {
      dm: dm.id,
      name: dm.name,
      rank: rankOf(a.payoffs[i]!, t),
      stable: Object.fromEntries(BASIC_CONCEPTS.map((c) => [c, byConcept[c].stable])) as Record<BasicConcept, boolean>,
      improvements,
    };
  });
}

/** (b) */
function targetReach(a: Analysis, start: StateIndex, T: readonly StateIndex[], reach: ReachFrom): TargetReach {
  const { space } = a;
  const P = a.payoffs.map((p) => p.payoff);
  const reached = T.filter((t) => reach.dist[t]! >= 0).sort((x, y) => reach.dist[x]! - reach.dist[y]! || x - y);
  const startWords = stateWords(space, start);
  if (reached.length > 0) {
    const t = reached[0]!;
    return { start: startWords, reachable: true, nearest: { state: stateWords(space, t), path: pathTo(space, reach, t) } };
  }
  const inT = new Uint8Array(space.size);
  for (const t of T) inT[t] = 1;
  const steps = fewestBlockedPath(space, a.index, P, start, (s) => inT[s] === 1);
  if (steps === null) return { start: startWords, reachable: false, blocked: null };
  const out: BlockedStep[] = steps.map((st) => {
    const [mover, from, to] = [asDmIndex(st.mover), asStateIndex(st.from), asStateIndex(st.to)];
    const move = describeMove(space, mover, from, to);
    const what = move.changes.map((c) => (c.alternatives ? `change "${c.alternatives.label}" to "${c.alternatives.to.label}"` : `${c.taken ? "take" : "drop"} "${c.label}"`)).join(" and ");
    if (st.improvement) return { move, improvement: true, words: `${move.by} would ${what}: it prefers state ${move.to} to state ${move.from}` };
    const decision = decide(space, mover, from, to, (s) => rankOf(a.payoffs[mover]!, s));
    const why = decision.statement
      ? `its statement ${decision.statement.position}, "${decision.statement.text}"${decision.statement.estimate ? " (a modeller's estimate)" : ""}, holds in state ${move.from} and not in state ${move.to}`
      : decision.prefers === "tie"
        ? `it is indifferent between the two states, and only strict improvements count`
        : `its ranking puts state ${move.from} (rank ${decision.ranks![0]}) above state ${move.to} (rank ${decision.ranks![1]})`;
    return { move, improvement: false, decision, words: `${move.by} would not ${what} (state ${move.from} → ${move.to}): ${why}` };
  });
  return { start: startWords, reachable: false, blocked: { state: stateWords(space, asStateIndex(steps[steps.length - 1]!.to)), steps: out, blockedSteps: out.filter((s) => !s.improvement).length } };
}
