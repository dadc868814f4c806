/** Use case: check a scenario and say what it holds. */
import { ok, scenarioWarnings, type Problem, type Result } from "@concord/core";
import { openScenario, type ScenarioInput } from "./source.js";

export interface ValidateResult {
  readonly id: string;
  readonly title: string;
  /** The size of the model, when the scenario has one. */
  readonly model?: { readonly decisionMakers: number; readonly options: number; readonly states: number };
  /** Entries in the negotiation record, by kind (kinds with none are left out). */
  readonly record: Readonly<Partial<Record<RecordCollection, number>>>;
  readonly sources: number;
  /** What the model holds that its author most likely did not mean (a statement and its opposite, one that never holds, an option no one cares about): it is still valid. */
  readonly warnings: readonly Problem[];
}

export const RECORD_COLLECTIONS = ["tracks", "documents", "events", "statements", "commitments"] as const;
export type RecordCollection = (typeof RECORD_COLLECTIONS)[number];

export function validate(input: ScenarioInput): Result<ValidateResult> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const { scenario, space } = opened.value;
  const m = scenario.model;
  const doc = scenario.document;
  const record: Partial<Record<RecordCollection, number>> = {};
  for (const k of RECORD_COLLECTIONS) if ((doc[k]?.length ?? 0) > 0) record[k] = doc[k]!.length;
  return ok({
    id: scenario.id,
    title: scenario.title,
    ...(m && space ? { model: { decisionMakers: m.decisionMakers.length, options: m.options.length, states: space.size } } : {}),
    record,
    sources: scenario.sources.length,
    warnings: scenarioWarnings(opened.value, "text" in input ? input.text : undefined),
  });
}
