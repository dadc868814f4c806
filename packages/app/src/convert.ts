/** Use case: a scenario in another format — YAML, JSON, or gmcr-py's .gmcr (the conflict model only). */
import { exportGmcr, fail, formatGmcr, ok, type Result } from "@concord/core";
import { stringify } from "yaml";
import { modelOf, openScenario, type ScenarioInput } from "./source.js";

export interface ConvertOptions {
  readonly to: "yaml" | "json" | "gmcr";
}

export function convert(input: ScenarioInput, options: ConvertOptions): Result<{ readonly text: string }> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const { scenario, file } = opened.value;
  if (options.to === "yaml") return ok({ text: stringify(scenario.document, { lineWidth: 0 }) });
  if (options.to === "json") return ok({ text: JSON.stringify(scenario.document, null, 2) + "\n" });
  const space = modelOf(opened.value, ", so there is nothing to write as a gmcr-py file");
  if (!space.ok) return space;
  const r = exportGmcr(space.value);
  if (!r.ok) return fail(r.problems.map((p) => (file !== undefined ? { ...p, file } : p)));
  return ok({ text: formatGmcr(r.value) });
}
