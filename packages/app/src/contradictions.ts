/** Use case: statements that disagree on the same fact, or are linked with contradicts:, with both sides and their sources. */
import { contradictions as recordContradictions, ok, type Contradiction, type Result } from "@concord/core";
import { openScenario, type ScenarioInput } from "./source.js";

export function contradictions(input: ScenarioInput): Result<readonly Contradiction[]> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  return ok(recordContradictions(opened.value.scenario.record));
}
