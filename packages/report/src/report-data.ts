/** From a loaded scenario to the report's data. */
import { analyze, type Analysis, type Loaded, type ViewDay } from "@concord/core";
import { analysisSection, type AnalysisOptions } from "./analysis-part.js";
import { briefContext, briefFrom } from "./brief/brief-data.js";
import { modelSection } from "./model-part.js";
import { mediationSection } from "./mediation-part.js";
import { moveGraph, type MoveGraphOptions } from "./move-graph.js";
import { settlementSection, type SettlementInput } from "./settlement.js";
import { actorEntries, contradictionEntries } from "./record-part.js";
import type { MediationHooks, ReportData } from "./types.js";

export interface ReportOptions {
  /**
   * The day the record's views (waiting, deadlines) and the brief are computed for
   * (see core's viewDay); default: the scenario's asOf, else the last date in the
   * record. Never today: the same input gives the same report.
   */
  readonly day?: ViewDay;
  /** An earlier day (days since 1970-01-01): the brief says what changed since then and how the answer moved. */
  readonly sinceDay?: number;
  /** A "generated on …" text to print, if wanted; nothing time-dependent is added otherwise. */
  readonly generated?: string;
  /** A finished analysis of the scenario's state space, to avoid computing it again. */
  readonly analysis?: Analysis;
  /** Results of the mediation analyses, for the brief and the report's mediation section, when available. */
  readonly mediation?: MediationHooks;
  /** The settle use case's result, when the scenario has a settlement section. */
  readonly settlement?: SettlementInput;
  readonly graph?: MoveGraphOptions;
  readonly equilibria?: AnalysisOptions;
}

/** The report's data: the brief on top, then the record, the model and the analysis. */
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

  const a = space ? (options.analysis ?? analyze(space)) : undefined;
  const ctx = briefContext(loaded, { ...options, ...(a ? { analysis: a } : {}) });
  const { facts, record } = ctx;
  const graph = facts ? moveGraph(facts.a, options.graph, facts.sqa) : undefined;
  const settlement = options.settlement ? settlementSection(options.settlement) : undefined;
  const brief = { ...briefFrom(loaded, ctx, options.mediation), ...(settlement ? { settlement } : {}) };
  const mediation = facts && options.mediation ? mediationSection(scenario.record, facts, brief.targets, options.mediation) : undefined;
  const r = scenario.record;
  return {
    id: scenario.id,
    title: scenario.title,
    ...(scenario.asOf !== undefined ? { asOf: String(scenario.asOf) } : {}),
    question: q,
    questionFrom: from,
    ...(from === "question" && description ? { background: description } : {}),
    ...(options.generated !== undefined ? { generated: options.generated } : {}),
    actors: actorEntries(r, scenario.model),
    timeline: ctx.timeline,
    ...(record ? { record } : {}),
    ...(space ? { model: modelSection(r, space) } : {}),
    ...(facts ? { analysis: analysisSection(facts, options.equilibria) } : {}),
    ...(graph ? { moveGraph: graph } : {}),
    contradictions: contradictionEntries(r),
    ...(mediation ? { mediation } : {}),
    sources: ctx.sources,
    brief,
    ...(settlement ? { settlement } : {}),
  };
}
