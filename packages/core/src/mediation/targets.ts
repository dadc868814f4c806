/**
 * Targets: outcomes named by a pattern of the preference language ("venue = direct &
 * -(transit = extraterritorial)") instead of state numbers, which change whenever options or
 * conditions do. A target is every feasible state where its pattern is true; any
 * analysis result can be filtered by one.
 */
import type { Expr } from "../model/expression.js";
import type { ConflictModel } from "../model/types.js";
import { asStateIndex, type StateIndex } from "../numbering.js";
import { fail, ok, type Result } from "../problems.js";
import { compileModelStatement } from "../scenario/compile.js";
import { truthColumn } from "../statespace/payoffs.js";
import type { StateSpace } from "../statespace/space.js";
import { stateWords, type StateWords } from "./words.js";

export interface Target {
  /** The model's target id, when it is one of `model.targets`. */
  readonly id?: string;
  readonly label?: string;
  /** The pattern as written. */
  readonly pattern: string;
  readonly expr: Expr;
}

/**
 * A target from what a user typed: the id of one of the model's targets, or a pattern.
 * A pattern that names an unknown option gets "did you mean".
 */
export function resolveTarget(model: ConflictModel, text: string): Result<Target> {
  const named = model.targets?.find((t) => t.id === text);
  if (named) return ok({ id: named.id, label: named.label, pattern: named.text, expr: named.expr });
  const c = compileModelStatement(model, text);
  if ("expr" in c) return ok({ pattern: text, expr: c.expr });
  // Every option of a loaded model is sound, so the statement is an expression or a problem (never "broken").
  if (!("code" in c)) return fail([{ code: "internal", path: ["target"], message: `the pattern "${text}" names an option that failed to load` }]);
  const known = model.targets?.length ? `; the model's targets are ${model.targets.map((t) => `"${t.id}"`).join(", ")}` : "";
  return fail([{ code: c.code, path: ["target"], message: `${c.message}${known}`, ...(c.offset !== undefined ? { offset: c.offset } : {}) }]);
}

/** The feasible states (ascending) where the target's pattern is true. */
export function targetStates(space: StateSpace, target: Pick<Target, "expr">): StateIndex[] {
  const col = truthColumn(space, target.expr);
  const out: StateIndex[] = [];
  for (let s = 0; s < space.size; s++) if (col[s] === 1) out.push(asStateIndex(s));
  return out;
}

export interface TargetMatch {
  readonly target: { readonly id?: string; readonly label?: string; readonly pattern: string };
  /** How many feasible states match. */
  readonly count: number;
  /** The matching states, from 1, with words (at most `limit`). */
  readonly states: readonly StateWords[];
  /** Whether the status quo is one of them. */
  readonly statusQuoMatches: boolean;
}

/** The states a target names, for people: numbers from 1, Y/N vectors and words. */
export function matchTarget(space: StateSpace, target: Target, limit = Infinity): TargetMatch {
  const states = targetStates(space, target);
  const sq = space.statusQuo;
  return {
    target: { ...(target.id !== undefined ? { id: target.id } : {}), ...(target.label !== undefined ? { label: target.label } : {}), pattern: target.pattern },
    count: states.length,
    states: states.slice(0, limit).map((s) => stateWords(space, s)),
    statusQuoMatches: sq !== undefined && states.includes(sq),
  };
}

/**
 * A filter for any result that lists states as users number them: true for the states
 * the target names (false for a number that is no state). `result.equilibria.nash.filter(byTarget)` and the like.
 */
export function stateFilter(space: StateSpace, target: Pick<Target, "expr">): (state: number) => boolean {
  const col = truthColumn(space, target.expr);
  return (state) => state >= 1 && state <= space.size && col[state - 1] === 1;
}
