/**
 * Use cases: time and history. `timeCheck` walks the record's deadlines tied to options
 * (what today's situation becomes at each if nobody acts, which moves must come
 * before); `historyCheck` compares what the model predicted from each observed
 * state with what was observed later. Both return core's results (states from 1).
 */
import { BASIC_CONCEPTS, deadlineAnalysis, historyCheck as check, ok, type DeadlineAnalysis, type HistoryCheck, type Result } from "@concord/core";
import { inlineRunner, type AnalysisRunner } from "./runner.js";
import { openModel, type ScenarioInput } from "./source.js";
import { dayOf, type DayOptions } from "./view-day.js";

export async function timeCheck(input: ScenarioInput, options: DayOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<DeadlineAnalysis>> {
  const opened = openModel(input, " to analyse");
  if (!opened.ok) return opened;
  const { loaded, space } = opened.value;
  const day = dayOf(loaded, options);
  if (!day.ok) return day;
  return deadlineAnalysis(loaded.scenario.record, await runner.analyze(space, BASIC_CONCEPTS), day.value.day);
}

export async function historyCheck(input: ScenarioInput, runner: AnalysisRunner = inlineRunner): Promise<Result<HistoryCheck>> {
  const opened = openModel(input, " to analyse");
  if (!opened.ok) return opened;
  return ok(check(await runner.analyze(opened.value.space, BASIC_CONCEPTS)));
}
