/** Use case: a scenario in another format — YAML, JSON, or gmcr-py's .gmcr (the conflict model only). */
import { exportGmcr, fail, formatGmcr, gmcrExportNotes, ok, type Result } from "@concord/core";
import { stringify } from "yaml";
import { modelOf, openScenario, type ScenarioInput } from "./source.js";

export interface ConvertOptions {
  readonly to: "yaml" | "json" | "gmcr";
}

/** The converted text, and what the target format could not say (for the person converting). */
export interface ConvertResult {
  readonly text: string;
  readonly notes?: readonly string[];
}

export function convert(input: ScenarioInput, options: ConvertOptions): Result<ConvertResult> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const { scenario, file } = opened.value;
  if (options.to === "yaml") return ok({ text: stringify(scenario.document, { lineWidth: 0 }) });
  if (options.to === "json") return ok({ text: JSON.stringify(scenario.document, null, 2) + "\n" });
  const space = modelOf(opened.value, ", so there is nothing to write as a gmcr-py file");
  if (!space.ok) return space;
  const r = exportGmcr(space.value);
  if (!r.ok) return fail(r.problems.map((p) => (file !== undefined ? { ...p, file } : p)));
  const notes = gmcrExportNotes(space.value.model);
  return ok({ text: formatGmcr(r.value), ...(notes.length > 0 ? { notes } : {}) });
}
