/** From a loaded scenario to the report's data. */
import { analyze, type Analysis, type Loaded } from "@concord/core";
import { analysisSection, type AnalysisOptions } from "./analysis-part.js";
import { briefDays, briefFrom } from "./brief/brief-data.js";
import { sourceList } from "./cites.js";
import { analysisFacts } from "./facts.js";
import { modelSection } from "./model-part.js";
import { moveGraph, type MoveGraphOptions } from "./move-graph.js";
import { actorEntries, contradictionEntries, hasRecord, recordViews, timelineItems } from "./record-part.js";
import type { MediationHooks, ReportData } from "./types.js";

export interface ReportOptions {
  /**
   * The day the record's views (waiting, deadlines) are computed for; default: the
   * scenario's asOf, else the last date in the record. Never today: the same input
   * gives the same report.
   */
  readonly asOf?: string;
  /** An earlier day: the brief says what changed since then and how the answer moved. */
  readonly since?: string;
  /** A "generated on …" text to print, if wanted; nothing time-dependent is added otherwise. */
  readonly generated?: string;
  /** A finished analysis of the scenario's state space, to avoid computing it again. */
  readonly analysis?: Analysis;
  /** Results of the mediation analyses, for the brief, when available. */
  readonly mediation?: MediationHooks;
  readonly graph?: MoveGraphOptions;
  readonly equilibria?: AnalysisOptions;
}

/** The report's data; throws a RangeError for a bad `asOf` or `since` option (the scenario's own dates are already checked). */
export function reportData(loaded: Loaded, options: ReportOptions = {}): ReportData {
  const { scenario, space } = loaded;
  const doc = scenario.document;
  const days = briefDays(loaded, options);
  if (!days.ok) throw new RangeError(days.problems.map((p) => `${p.path[0] === "since" ? "since" : "as-of date"}: ${p.message}`).join("; "));
  const { day, sinceDay } = days.value;
  const question = doc.question?.trim();
  const description = doc.description?.trim();
  const [q, from] = question
    ? [question, "question" as const]
    : description
      ? [description, "description" as const]
      : [`What does the record of “${scenario.title}” show${space ? ", and which outcomes of the conflict are stable" : ""}?`, "title" as const];

  const record = hasRecord(doc) && day !== undefined ? recordViews(doc, day, options.asOf !== undefined ? "option" : doc.asOf !== undefined ? "scenario" : "record") : undefined;
  const a = space ? (options.analysis ?? analyze(space)) : undefined;
  const facts = a ? analysisFacts(a) : undefined;
  const graph = facts ? moveGraph(facts.a, options.graph, facts.sqa) : undefined;
  const timeline = timelineItems(doc);
  const sources = sourceList(doc);
  const brief = briefFrom(
    loaded,
    { ...(facts ? { facts } : {}), ...(record ? { record } : {}), timeline, sources, ...(day !== undefined ? { day } : {}), ...(sinceDay !== undefined ? { sinceDay } : {}) },
    options.mediation,
  );
  return {
    id: scenario.id,
    title: scenario.title,
    ...(scenario.asOf !== undefined ? { asOf: String(scenario.asOf) } : {}),
    question: q,
    questionFrom: from,
    ...(from === "question" && description ? { background: description } : {}),
    ...(options.generated !== undefined ? { generated: options.generated } : {}),
    actors: actorEntries(doc),
    timeline,
    ...(record ? { record } : {}),
    ...(space ? { model: modelSection(doc, space) } : {}),
    ...(facts ? { analysis: analysisSection(facts, options.equilibria) } : {}),
    ...(graph ? { moveGraph: graph } : {}),
    contradictions: contradictionEntries(doc),
    sources,
    brief,
  };
}
