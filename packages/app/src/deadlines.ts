/** Use case: commitments in force, their expiry and notice windows, and the record's deadline events. */
import { deadlines as recordDeadlines, ok, type Deadlines, type Result, type ViewDay } from "@concord/core";
import { openScenario, type ScenarioInput } from "./source.js";
import { dayOf, type DayOptions } from "./view-day.js";

export type DeadlinesResult = Deadlines & { readonly asOfFrom: ViewDay["from"] };

export function deadlines(input: ScenarioInput, options: DayOptions = {}): Result<DeadlinesResult> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const day = dayOf(opened.value, options);
  if (!day.ok) return day;
  return ok({ ...recordDeadlines(opened.value.scenario.record, day.value.day), asOfFrom: day.value.from });
}
