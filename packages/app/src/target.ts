/**
 * Use case: the states a target names — a pattern of the preference language
 * (`venue = direct & -(transit = extraterritorial)`) or the id of one of the model's named targets — and
 * the target option every mediation use case shares.
 */
import { fail, matchTarget, ok, resolveTarget, type Problem, type Result, type StateSpace, type Target, type TargetMatch } from "@concord/core";
import { targetName } from "./grounds.js";
import { countOption } from "./options.js";
import { openModel, type ScenarioInput } from "./source.js";

export interface TargetOptions {
  /** A pattern (`venue = direct & -(transit = extraterritorial)`) or a named target's id. */
  readonly target: string;
  /** Most states listed (default 50). */
  readonly limit?: number | string;
}

export interface TargetResult extends TargetMatch {
  /** In plain words: what the target is and whether today's situation is one of its states. */
  readonly answer: string;
}

/** The target a user typed, or a "usage" problem at the `target` option (with "did you mean") when it does not parse. */
export function targetOption(space: StateSpace, text: string, option = "target"): Result<Target> {
  const t = resolveTarget(space.model, text);
  return t.ok ? t : fail(t.problems.map((p): Problem => ({ ...p, code: "usage", path: [option] })));
}

export function target(input: ScenarioInput, options: TargetOptions): Result<TargetResult> {
  const opened = openModel(input, ", so it has no states to match");
  if (!opened.ok) return opened;
  const { space } = opened.value;
  const t = targetOption(space, options.target);
  if (!t.ok) return t;
  const limit = countOption(options.limit ?? 50, "limit");
  if (!limit.ok) return limit;
  const m = matchTarget(space, t.value, limit.value);
  const name = targetName(t.value);
  const answer =
    m.count === 0
      ? `No possible outcome of the model matches ${name}: the model's conditions rule it out.`
      : `${m.count === 1 ? "One possible outcome matches" : `${m.count} possible outcomes match`} ${name}; ${m.statusQuoMatches ? "today's situation is one of them" : space.statusQuo !== undefined ? "today's situation is not one of them" : "the model names no status quo"}.`;
  return ok({ ...m, answer });
}
