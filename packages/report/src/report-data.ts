/** From a loaded scenario to the report's data. */
import { analyze, hasEntries, viewDay, type Analysis, type Loaded, type ViewDay } from "@concord/core";
import { analysisSection, type AnalysisOptions } from "./analysis-part.js";
import { sourceList } from "./cites.js";
import { modelSection } from "./model-part.js";
import { moveGraph, type MoveGraphOptions } from "./move-graph.js";
import { actorEntries, contradictionEntries, recordViews, timelineItems } from "./record-part.js";
import type { ReportData } from "./types.js";

export interface ReportOptions {
  /**
   * The day the record's views (waiting, deadlines) are computed for (see core's
   * viewDay); default: the scenario's asOf, else the last date in the record. Never
   * today: the same input gives the same report.
   */
  readonly day?: ViewDay;
  /** A "generated on …" text to print, if wanted; nothing time-dependent is added otherwise. */
  readonly generated?: string;
  /** A finished analysis of the scenario's state space, to avoid computing it again. */
  readonly analysis?: Analysis;
  readonly graph?: MoveGraphOptions;
  readonly equilibria?: AnalysisOptions;
}

/** The report's data. */
export function reportData(loaded: Loaded, options: ReportOptions = {}): ReportData {
  const { scenario, space } = loaded;
  const doc = scenario.document;
  const question = doc.question?.trim();
  const description = doc.description?.trim();
  const [q, from] = question
    ? [question, "question" as const]
    : description
      ? [description, "description" as const]
      : [`What does the record of “${scenario.title}” show${space ? ", and which outcomes of the conflict are stable" : ""}?`, "title" as const];

  let record: ReportData["record"];
  const r = scenario.record;
  if (hasEntries(r)) {
    // Without a day asked for, the scenario's own dates decide; they were checked when it was loaded.
    const fallback = viewDay(scenario);
    const day = options.day ?? (fallback.ok ? fallback.value : undefined);
    if (day !== undefined) record = recordViews(r, day.day, day.from);
  }

  const a = space ? (options.analysis ?? analyze(space)) : undefined;
  const graph = a ? moveGraph(a, options.graph) : undefined;
  return {
    id: scenario.id,
    title: scenario.title,
    ...(scenario.asOf !== undefined ? { asOf: String(scenario.asOf) } : {}),
    question: q,
    questionFrom: from,
    ...(from === "question" && description ? { background: description } : {}),
    ...(options.generated !== undefined ? { generated: options.generated } : {}),
    actors: actorEntries(r, scenario.model),
    timeline: timelineItems(r),
    ...(record ? { record } : {}),
    ...(space ? { model: modelSection(r, space) } : {}),
    ...(a ? { analysis: analysisSection(a, options.equilibria) } : {}),
    ...(graph ? { moveGraph: graph } : {}),
    contradictions: contradictionEntries(r),
    sources: sourceList(r),
  };
}
