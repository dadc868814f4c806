/** Use case: a decision maker's options and preferences with the evidence they rest on, resolved to quotes and sources. */
import { decisionMakerEvidence, findDecisionMaker, ok, type DecisionMakerEvidence, type Result } from "@concord/core";
import { atOption } from "./options.js";
import { openScenario, type ScenarioInput } from "./source.js";

export interface EvidenceOptions {
  /** The decision maker: its id or name, its actor's id, name or alias, or the start of one. */
  readonly dm: string;
}

export function evidence(input: ScenarioInput, options: EvidenceOptions): Result<DecisionMakerEvidence> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const { scenario } = opened.value;
  const d = atOption(findDecisionMaker(scenario, options.dm), "dm");
  if (!d.ok) return d;
  return ok(decisionMakerEvidence(scenario.model!, d.value, scenario.record));
}
