/** Use case: two versions of a document compared article by article. */
import { compareVersions, type Result, type VersionComparison } from "@concord/core";
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
  return compareVersions(opened.value.scenario.record, options.later, options.earlier);
}
