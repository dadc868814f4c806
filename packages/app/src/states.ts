/** Use case: the feasible states, numbered as in gmcr-py, with each decision maker's rank of each. */
import { asStateIndex, computePayoffs, ok, rankOf, stateFilter, stateNumber, type Result, type StateNumber } from "@concord/core";
import { openModel, type ScenarioInput } from "./source.js";
import { targetOption } from "./target.js";
import { modelSummary, stateValues, type ModelSummary } from "./summary.js";

export interface StateRow {
  /** The state number, from 1. */
  readonly id: StateNumber;
  /** Each option taken (true) or not, or the id of the alternative chosen, by option id. */
  readonly values: Readonly<Record<string, boolean | string>>;
  /** Each decision maker's rank of the state (1 = most preferred; ties share a rank), by decision maker id. */
  readonly rank: Readonly<Record<string, number>>;
}

export interface StatesResult extends ModelSummary {
  readonly states: readonly StateRow[];
}

export interface StatesOptions {
  /** Only the states that match this pattern or named target (`sign_direct & -am_corridor`). */
  readonly target?: string;
}

export function states(input: ScenarioInput, options: StatesOptions = {}): Result<StatesResult> {
  const opened = openModel(input, ", so it has no states");
  if (!opened.ok) return opened;
  const S = opened.value.space;
  const target = options.target === undefined ? undefined : targetOption(S, options.target);
  if (target && !target.ok) return target;
  const keep = target ? stateFilter(S, target.value) : () => true;
  const dms = S.model.decisionMakers;
  const payoffs = dms.map((dm) => computePayoffs(S, dm));
  const rows: StateRow[] = [];
  for (let k = 0; k < S.size; k++) {
    const s = asStateIndex(k);
    if (!keep(stateNumber(s))) continue;
    rows.push({ id: stateNumber(s), values: stateValues(S, s), rank: Object.fromEntries(dms.map((dm, d) => [dm.id, rankOf(payoffs[d]!, s)])) });
  }
  return ok({ ...modelSummary(S), states: rows });
}
