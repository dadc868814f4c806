/**
 * History check: a model built at one date makes predictions from the state observed
 * then; states observed later (`observed:` in the model) say which held. From each
 * observation, for each later one:
 *
 * - reach: the later state is one the conflict can reach by unilateral improvements;
 * - stay or move, per concept: an equilibrium is predicted to stay, a state that is not
 *   an equilibrium to be left;
 * - moves (whole states, consecutive observations only): each decision maker whose
 *   options changed made a unilateral improvement from the earlier state — or, if not,
 *   the statement by which the model says it should not have;
 * - settle, per concept: if the later state is an equilibrium, it is one of those
 *   predicted reachable; if it is not, the prediction is still open.
 *
 * An observation given by a pattern stands for every state matching it: a prediction
 * from it holds if it holds from one of them, and a later pattern matches if one of its
 * states does.
 */
import type { Observation } from "../model/types.js";
import { asDmIndex, stateIndexOf, stateNumber, type StateNumber } from "../numbering.js";
import { changeText, describeMove, type MoveDescription } from "../stability/describe.js";
import { rankOf } from "../statespace/payoffs.js";
import type { Analysis } from "../stability/analysis.js";
import { BASIC_CONCEPTS, CONCEPT_LABELS, type BasicConcept } from "../stability/concepts.js";
import { legalMove } from "../stability/moves.js";
import { reachFrom } from "../stability/reach-from.js";
import { targetStates } from "./targets.js";
import { decide, type Decision } from "./words.js";

export interface ObservedStates {
  readonly date: string;
  readonly text: string;
  readonly kind: Observation["kind"];
  /** The matching states. */
  readonly states: readonly StateNumber[];
  readonly sources: Observation["sources"];
}

export interface Prediction {
  readonly kind: "reach" | "stay" | "leave" | "move" | "settle";
  readonly concept?: BasicConcept;
  /** For a move: the decision maker (id), its part of the change, and how it compares the two states. */
  readonly dm?: string;
  readonly move?: MoveDescription;
  readonly decision?: Decision;
  /** true: held; false: failed; "open": not decided by what was observed. */
  readonly held: boolean | "open";
  readonly words: string;
}

export interface HistoryStep {
  /** Indices into `observations`: predicted from `from`, checked against `to`. */
  readonly from: number;
  readonly to: number;
  readonly predictions: readonly Prediction[];
}

export interface HistoryCheck {
  /** The model's observations, oldest first. */
  readonly observations: readonly ObservedStates[];
  readonly steps: readonly HistoryStep[];
  /** Counts over all steps. */
  readonly held: number;
  readonly failed: number;
  readonly open: number;
}

export function historyCheck(a: Analysis): HistoryCheck {
  const { space } = a;
  const P = a.payoffs.map((p) => p.payoff);
  const observations = [...(space.model.observed ?? [])]
    .map((o, i) => ({ o, i }))
    .sort((x, y) => x.o.first - y.o.first || x.i - y.i)
    .map(({ o }) => ({ date: o.date, text: o.text, kind: o.kind, states: targetStates(space, o).map(stateNumber), sources: o.sources }));
  const eq = (c: BasicConcept, s: number): boolean => a.stable[c]!.every((f) => f[s] === 1);
  const steps: HistoryStep[] = [];
  observations.forEach((from, i) => {
    const starts = from.states.map(stateIndexOf);
    // Everything reachable from any of the earlier states.
    const reachable = new Uint8Array(space.size);
    for (const s of starts) for (const t of reachFrom(a.index, P, s, "improvements").order) reachable[t] = 1;
    for (let j = i + 1; j < observations.length; j++) {
      const to = observations[j]!;
      const later = to.states.map(stateIndexOf);
      const predictions: Prediction[] = [];
      const anyReached = later.some((t) => reachable[t] === 1);
      predictions.push({
        kind: "reach",
        held: anyReached,
        words: anyReached
          ? `${to.date}: the observed state (${to.text}) is one the conflict could reach from ${from.date} by unilateral improvements`
          : `${to.date}: the observed state (${to.text}) is not reachable from ${from.date} by unilateral improvements: the model did not expect it`,
      });
      const unchanged = later.some((t) => starts.includes(t));
      for (const c of BASIC_CONCEPTS) {
        const stable = starts.filter((s) => eq(c, s));
        if (stable.length === starts.length) {
          predictions.push({ kind: "stay", concept: c, held: unchanged, words: `${CONCEPT_LABELS[c]}: the state of ${from.date} is an equilibrium, so it should stay; by ${to.date} it ${unchanged ? "had" : "had not"}` });
        } else if (stable.length === 0) {
          predictions.push({ kind: "leave", concept: c, held: !unchanged, words: `${CONCEPT_LABELS[c]}: the state of ${from.date} is not an equilibrium, so it should be left; by ${to.date} it ${unchanged ? "had not been" : "had been"}` });
        }
        const settledEq = later.filter((t) => eq(c, t));
        const settled: boolean | "open" = settledEq.length === 0 ? "open" : settledEq.some((t) => reachable[t] === 1);
        predictions.push({
          kind: "settle",
          concept: c,
          held: settled,
          words: settled === "open"
            ? `${CONCEPT_LABELS[c]}: on ${to.date} the conflict was not at an equilibrium, so where it settles is still open`
            : `${CONCEPT_LABELS[c]}: on ${to.date} the conflict was at an equilibrium ${settled ? "that the model predicted reachable" : "that the model did not predict reachable"} from ${from.date}`,
        });
      }
      // Moves: only between consecutive whole states.
      if (j === i + 1 && from.kind === "state" && to.kind === "state" && starts.length === 1 && later.length === 1) {
        const s = starts[0]!;
        const t = later[0]!;
        space.model.decisionMakers.forEach((dm, i) => {
          const k = asDmIndex(i);
          // Decision maker k's own part of the change, applied to the earlier state.
          let v = space.vector(s);
          for (const o of dm.options) if (space.taken(s, o) !== space.taken(t, o)) v += space.taken(t, o) ? 2 ** o : -(2 ** o);
          if (v === space.vector(s)) return;
          const w = space.indexOf(v);
          if (w === undefined) {
            predictions.push({ kind: "move", dm: dm.id, held: "open", words: `${dm.name}'s part of the change, on its own, is not a feasible state: it cannot be judged as a unilateral move` });
            return;
          }
          const move = describeMove(space, k, s, w);
          const decision = decide(space, k, w, s, (x) => rankOf(a.payoffs[k]!, x));
          if (!legalMove(a.index, k, s, w)) {
            predictions.push({ kind: "move", dm: dm.id, move, decision, held: false, words: `${dm.name}'s move undoes a one-way option: the model says it cannot happen` });
            return;
          }
          const improvement = P[k]![w]! > P[k]![s]!;
          const why = decision.statement ? ` (its statement ${decision.statement.position}, "${decision.statement.text}"${decision.statement.estimate ? ", a modeller's estimate" : ""})` : "";
          predictions.push({
            kind: "move",
            dm: dm.id,
            move,
            decision,
            held: improvement,
            words: improvement
              ? `${dm.name}'s move (${move.changes.map((ch) => changeText(ch)).join(", ")}) was a unilateral improvement, as the model predicts${why}`
              : `${dm.name}'s move (${move.changes.map((ch) => changeText(ch)).join(", ")}) was not an improvement by the model${why}: the model did not expect it`,
          });
        });
      }
      steps.push({ from: i, to: j, predictions });
    }
  });
  const all = steps.flatMap((s) => s.predictions);
  return {
    observations,
    steps,
    held: all.filter((p) => p.held === true).length,
    failed: all.filter((p) => p.held === false).length,
    open: all.filter((p) => p.held === "open").length,
  };
}
