/**
 * Use case: the scenario restricted to what was known on a day — no later source,
 * event or statement, and no model evidence resting on them — as a new scenario.
 */
import { asOf as recordAsOf, fail, formatProblem, ok, validateDocument, type AsOf, type Result } from "@concord/core";
import { stringify } from "yaml";
import { openScenario, type ScenarioInput } from "./source.js";
import { dayOf } from "./view-day.js";

export interface AsOfOptions {
  /** The day (YYYY-MM-DD; a month or year means its last day). */
  readonly date: string;
  /** The format of `text`; default yaml. */
  readonly format?: "yaml" | "json";
}

export interface AsOfResult extends AsOf {
  /** The restricted scenario, written out. */
  readonly text: string;
}

export function asOf(input: ScenarioInput, options: AsOfOptions): Result<AsOfResult> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const day = dayOf(opened.value, { asOf: options.date }, "date");
  if (!day.ok) return day;
  const r = recordAsOf(opened.value.scenario, day.value.day);
  // The result must load again; if it does not, that is Concord's bug, and nothing is written.
  const check = validateDocument(r.document);
  if (!check.ok) return fail([{ code: "internal", path: [], message: `as-of produced an invalid scenario: ${check.problems.map(formatProblem).join("; ")}` }]);
  const text = options.format === "json" ? JSON.stringify(r.document, null, 2) + "\n" : stringify(r.document, { lineWidth: 0 });
  return ok({ ...r, text });
}
