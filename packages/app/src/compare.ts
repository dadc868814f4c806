/** Use case: two versions of a document compared article by article. */
import { compareVersions, fail, ok, type Result, type VersionComparison } from "@concord/core";
import { openScenario, type ScenarioInput } from "./source.js";

export interface CompareOptions {
  /** The later version's id. */
  readonly later: string;
  /** The earlier version's id; default: the document the later one supersedes. */
  readonly earlier?: string;
}

export function compare(input: ScenarioInput, options: CompareOptions): Result<VersionComparison> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const r = compareVersions(opened.value.scenario.document, options.later, options.earlier);
  return "error" in r ? fail([{ code: "usage", path: [], message: r.error }]) : ok(r);
}
