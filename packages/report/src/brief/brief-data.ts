/**
 * The brief as data: the answer first, in plain words — no state numbers, no solution
 * concepts — every sentence with the sources it rests on.
 */
import { analyze, hasEntries, isoDay, viewDay, type Analysis, type Loaded, type ViewDay } from "@concord/core";
import { sourceList } from "../cites.js";
import { analysisFacts, type Facts } from "../facts.js";
import { modelEstimates, priorityRef } from "../priorities.js";
import { recordViews, timelineItems } from "../record-part.js";
import type { BriefData, Claim, MediationHooks, PriorityRef, RecordViews, SourceEntry, TimelineItem } from "../types.js";
import { countWords, dayWords, joinWords, numberWords } from "../words.js";
import { changeSentence, estimatesSentence, nextSentence, targetsSentence } from "./bottom-line.js";
import { expectedMoves, todayClaim } from "./outlook.js";
import { holdings, pathsGraph } from "./pictures-data.js";
import { deadlineClaims, waitingClaims } from "./record.js";
import { sinceSection } from "./since.js";
import { claim } from "./steps.js";
import { targetOutlooks } from "./targets.js";
import { settlementSection, type SettlementInput } from "../settlement.js";

export interface BriefOptions {
  /** The record's day for waiting and deadlines (see core's viewDay); default: the scenario's asOf, else the record's last date. */
  readonly day?: ViewDay;
  /** An earlier day (days since 1970-01-01), before `day`: what changed since then, and how the answer moved. */
  readonly sinceDay?: number;
  /** A finished analysis of the scenario's state space, to avoid computing it again. */
  readonly analysis?: Analysis;
  /** Results of the mediation analyses, when available. */
  readonly mediation?: MediationHooks;
  /** The settle use case's result, when the scenario has a settlement section. */
  readonly settlement?: SettlementInput;
}

/** What the brief shares with the full report, computed once by whoever calls. */
export interface BriefContext {
  readonly facts?: Facts;
  readonly record?: RecordViews;
  readonly timeline: readonly TimelineItem[];
  readonly sources: readonly SourceEntry[];
  /** The record's day as a day number, when there is one. */
  readonly day?: number;
  readonly sinceDay?: number;
}

/** The analysis facts, the record's views on the day, the timeline and the sources: what the brief and the report both read. */
export function briefContext(loaded: Loaded, options: Omit<BriefOptions, "mediation">): BriefContext {
  const { scenario, space } = loaded;
  const record = scenario.record;
  // Without a day asked for, the scenario's own dates decide; they were checked when it was loaded.
  const fallback = viewDay(scenario);
  const day = options.day ?? (fallback.ok ? fallback.value : undefined);
  const a = space ? (options.analysis ?? analyze(space)) : undefined;
  return {
    ...(a ? { facts: analysisFacts(a) } : {}),
    ...(hasEntries(record) && day !== undefined ? { record: recordViews(record, day.day, day.from) } : {}),
    timeline: timelineItems(record),
    sources: sourceList(record),
    ...(day !== undefined ? { day: day.day } : {}),
    ...(options.sinceDay !== undefined ? { sinceDay: options.sinceDay } : {}),
  };
}

/** The brief of a loaded scenario. */
export function briefData(loaded: Loaded, options: BriefOptions = {}): BriefData {
  const b = briefFrom(loaded, briefContext(loaded, options), options.mediation);
  return options.settlement ? { ...b, settlement: settlementSection(options.settlement) } : b;
}

/** The brief from what the caller has already worked out. */
export function briefFrom(loaded: Loaded, ctx: BriefContext, hooks?: MediationHooks): BriefData {
  const record = loaded.scenario.record;
  const f = ctx.facts;
  const asOfWords = ctx.day !== undefined ? dayWords(ctx.day) : undefined;
  const next = f ? expectedMoves(record, f) : [];
  const today = f ? todayClaim(record, f, next, asOfWords !== undefined ? `Today (${asOfWords})` : "Today") : undefined;
  const targets = f ? targetOutlooks(record, f) : [];
  const estimates = f ? modelEstimates(record, f.a.space) : [];
  const refOf = (dmId: string, position: number): PriorityRef | undefined => {
    if (!f) return undefined;
    const dm = f.a.space.model.decisionMakers.findIndex((d) => d.id === dmId);
    return dm < 0 ? undefined : priorityRef(record, f.a.space, dm, position - 1);
  };

  const bottomLine: Claim[] = [];
  if (today && f) {
    bottomLine.push(today.claim);
    bottomLine.push(nextSentence(next, f.a.space.model.decisionMakers.map((d) => d.name), today.claim));
    const t = targetsSentence(targets);
    if (t) bottomLine.push(t);
    const change = changeSentence(targets, hooks, refOf);
    if (change) bottomLine.push(change);
    // Estimates behind the sentences above: the steps' deciding statements, and any the mediation results name.
    const used = new Map<string, PriorityRef>();
    const steps = [...next.slice(0, 1).flatMap((m) => [m.step, ...m.then]), ...targets.flatMap((x) => [...x.path, ...x.settle])];
    for (const s of steps) if (s.why?.estimate) used.set(s.why.anchor, s.why);
    for (const d of hooks?.dependsOn ?? []) for (const s of d.statements) { const r = refOf(s.dm, s.position); if (r?.estimate) used.set(r.anchor, r); }
    bottomLine.push(estimatesSentence([...used.values()], estimates.length, today.claim, hooks?.dependsOn !== undefined));
  } else if (f) {
    bottomLine.push(claim("The model gives no status quo, so Concord cannot say where the conflict stands or where it can move.", [], ["model"]));
  }

  const waiting = ctx.record && ctx.day !== undefined ? waitingClaims(ctx.record, ctx.day) : { claims: [], more: 0 };
  const deadlines = ctx.record && ctx.day !== undefined ? deadlineClaims(ctx.record, ctx.day) : [];
  const since = ctx.sinceDay !== undefined ? sinceSection(loaded, f, ctx.sinceDay, ctx.timeline, asOfWords ?? "today") : undefined;
  const method = methodClaim(ctx, estimates.length);
  const nextNone = f && f.sq !== undefined && next.length === 0 && today ? claim("No party can improve its position by changing only its own choices, so the model expects today's situation to continue.", today.claim.cites, today.claim.refs) : undefined;
  const paths = f ? pathsGraph(f, next, targets) : undefined;
  const held = f ? holdings(f, next, targets) : undefined;

  const brief = {
    id: loaded.scenario.id,
    title: loaded.scenario.title,
    ...(ctx.day !== undefined ? { asOf: isoDay(ctx.day), asOfWords: asOfWords! } : {}),
    bottomLine,
    next,
    ...(nextNone ? { nextNone } : {}),
    targets,
    waiting: waiting.claims,
    waitingMore: waiting.more,
    deadlines,
    ...(since ? { since } : {}),
    method,
    estimates,
    ...(paths ? { paths } : {}),
    ...(held ? { holdings: held } : {}),
  };
  return { ...brief, sources: citedSources(brief, ctx.sources) };
}

/** How this was worked out: one paragraph for the sceptic, pointing to the full report. */
function methodClaim(ctx: BriefContext, estimateCount: number): Claim {
  const n = (type: TimelineItem["type"]): number => ctx.timeline.filter((t) => t.type === type).length;
  const parts: string[] = [];
  if (ctx.timeline.length > 0) {
    parts.push(`Concord recorded the process from ${countWords(ctx.sources.length, "source")}: ${joinWords([countWords(n("event"), "event"), countWords(n("document"), "document"), countWords(n("statement"), "statement")])}, each with its sources.`);
  }
  const f = ctx.facts;
  if (f) {
    const m = f.a.space.model;
    const total = m.decisionMakers.reduce((k, d) => k + (d.preference.kind === "priorities" ? d.preference.statements.length : 0), 0);
    parts.push(
      `It modelled the conflict as ${countWords(m.decisionMakers.length, "party", "parties")} (${joinWords(m.decisionMakers.map((d) => d.name))}), each controlling some of ${countWords(m.options.length, "yes-or-no choice")}, which combine into ${countWords(f.a.space.size, "possible outcome")}.`,
      `Each party's priorities are listed in order with the evidence for each${total ? `; ${estimatesOf(estimateCount, total)}` : ""}.`,
      "For every outcome Concord checked whether a party could do better by changing only its own choices and, if so, whether the others could answer so as to leave it no better off (the Graph Model for Conflict Resolution); from today's situation it then followed the moves that each improve the mover's position.",
    );
  }
  parts.push("The full report shows the record, the model and every step of the analysis.");
  return claim(parts.join(" "), [], ["process", "model", "analysis"]);
}

/** "none of the eight is a modeller's estimate …", "three of the 40 are the modeller's estimates …". */
function estimatesOf(n: number, total: number): string {
  const of = `of the ${numberWords(total)}`;
  if (n <= 1) return `${n === 0 ? "none" : "one"} ${of} is a modeller's estimate rather than a stated position`;
  return `${numberWords(n)} ${of} are the modeller's estimates rather than stated positions`;
}

/** The sources the brief cites, in the full list's order and numbering. */
function citedSources(brief: Omit<BriefData, "sources">, all: readonly SourceEntry[]): SourceEntry[] {
  const ids = new Set<string>();
  const see = (c: Claim): void => c.cites.forEach((x) => ids.add(x.source));
  brief.bottomLine.forEach(see);
  brief.next.forEach((m) => m.claims.forEach(see));
  if (brief.nextNone) see(brief.nextNone);
  brief.targets.forEach((t) => see(t.claim));
  brief.waiting.forEach(see);
  brief.deadlines.forEach(see);
  brief.since?.answer.forEach(see);
  brief.since?.entries.forEach((e) => e.cites.forEach((c) => ids.add(c.source)));
  brief.since?.statusChanges.forEach((e) => e.cites.forEach((c) => ids.add(c.source)));
  return all.filter((s) => ids.has(s.id));
}
