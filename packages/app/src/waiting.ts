/** Use case: who is waiting on whom — texts and proposals not yet answered, and who holds the pen on each track. */
import { ok, waiting as recordWaiting, type Result, type ViewDay, type Waiting } from "@concord/core";
import { openScenario, type ScenarioInput } from "./source.js";
import { dayOf, type DayOptions } from "./view-day.js";

export type WaitingResult = Waiting & { readonly asOfFrom: ViewDay["from"] };

export function waiting(input: ScenarioInput, options: DayOptions = {}): Result<WaitingResult> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const day = dayOf(opened.value, options);
  if (!day.ok) return day;
  return ok({ ...recordWaiting(opened.value.scenario.record, day.value.day), asOfFrom: day.value.from });
}
