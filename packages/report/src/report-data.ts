/** From a loaded scenario to the report's data. */
import { analyze, asOfDay, type Analysis, type Loaded } from "@concord/core";
import { analysisSection, type AnalysisOptions } from "./analysis-part.js";
import { sourceList } from "./cites.js";
import { modelSection } from "./model-part.js";
import { moveGraph, type MoveGraphOptions } from "./move-graph.js";
import { actorEntries, contradictionEntries, hasRecord, lastRecordDay, recordViews, timelineItems } from "./record-part.js";
import type { ReportData } from "./types.js";

export interface ReportOptions {
  /**
   * The day the record's views (waiting, deadlines) are computed for; default: the
   * scenario's asOf, else the last date in the record. Never today: the same input
   * gives the same report.
   */
  readonly asOf?: string;
  /** A "generated on …" text to print, if wanted; nothing time-dependent is added otherwise. */
  readonly generated?: string;
  /** A finished analysis of the scenario's state space, to avoid computing it again. */
  readonly analysis?: Analysis;
  readonly graph?: MoveGraphOptions;
  readonly equilibria?: AnalysisOptions;
}

/** The report's data; throws a RangeError for a bad `asOf` option (the scenario's own dates are already checked). */
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
  if (hasRecord(doc)) {
    const text = options.asOf ?? doc.asOf;
    let day: number | undefined;
    if (text !== undefined) {
      const d = asOfDay(String(text));
      if ("error" in d) throw new RangeError(`as-of date: ${d.error}`);
      day = d.day;
    } else day = lastRecordDay(doc);
    if (day !== undefined) record = recordViews(doc, day, options.asOf !== undefined ? "option" : doc.asOf !== undefined ? "scenario" : "record");
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
    actors: actorEntries(doc),
    timeline: timelineItems(doc),
    ...(record ? { record } : {}),
    ...(space ? { model: modelSection(doc, space) } : {}),
    ...(a ? { analysis: analysisSection(a, options.equilibria) } : {}),
    ...(graph ? { moveGraph: graph } : {}),
    contradictions: contradictionEntries(doc),
    sources: sourceList(doc),
  };
}
