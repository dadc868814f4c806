/**
 * The record worker: opens the scenario with the application layer and computes the
 * Record page's views off the main thread (opening the seed takes a second or two,
 * analysing it a few more). For a day, the scenario is first restricted to what was
 * known then (the as-of use case), so the record, the model and the analysis are those
 * of that day. Only the newest request is worked on: older ones still queued are skipped.
 */
/// <reference lib="webworker" />
import { asOf, compare, contradictions, deadlines, openScenario, statusQuo, timeline, waiting, type Loaded, type Problem } from "@concord/app";
import type { DocumentRow, ModelKnowledge, RecordMessage, RecordRequest, RecordView, SourceRow, StatementRow } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

let latest = 0;
let opened: { text: string; loaded: Loaded } | null = null;

self.onmessage = (e: MessageEvent<RecordRequest>) => {
  latest = e.data.id;
  // Let newer requests arrive before starting: a slider sends many.
  setTimeout(() => void work(e.data), 0);
};

const post = (m: RecordMessage): void => self.postMessage(m);
const failed = (id: number, problems: readonly Problem[]): void => post({ type: "failed", id, problems });
const isoDay = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);

async function work(request: RecordRequest): Promise<void> {
  if (request.id !== latest) return;
  if (opened?.text !== request.text) {
    const r = openScenario({ text: request.text, format: request.format, file: "scenario" });
    if (!r.ok) return failed(request.id, r.problems);
    opened = { text: request.text, loaded: r.value };
  }
  const full = opened.loaded;
  const scenarioDay = full.scenario.asOf ?? (full.scenario.record.lastDay !== undefined ? isoDay(full.scenario.record.lastDay) : new Date().toISOString().slice(0, 10));
  let loaded = full;
  let dropped: Readonly<Record<string, number>> | undefined;
  const day = request.day && request.day < scenarioDay ? request.day : scenarioDay;
  if (day !== scenarioDay) {
    const restricted = asOf(full, { date: day });
    if (!restricted.ok) return failed(request.id, restricted.problems);
    if (request.id !== latest) return;
    const r = openScenario({ text: restricted.value.text, format: "yaml", file: `as of ${day}` });
    if (!r.ok) return failed(request.id, r.problems);
    loaded = r.value;
    dropped = Object.fromEntries(Object.entries(restricted.value.dropped).map(([k, v]) => [k, v.length]));
  }
  if (request.id !== latest) return;
  const view = recordView(request.id, loaded, full, day, scenarioDay, dropped);
  if (!view.ok) return failed(request.id, view.problems);
  post({ type: "record", view: view.value });

  if (!loaded.space || request.id !== latest) return;
  const analysis = await statusQuo(loaded, {});
  if (request.id !== latest) return;
  if (!analysis.ok) return failed(request.id, analysis.problems);
  post({ type: "analysis", view: { id: request.id, day, states: loaded.space.size, result: analysis.value } });
}

function recordView(id: number, loaded: Loaded, full: Loaded, day: string, scenarioDay: string, dropped: RecordView["dropped"]): { ok: true; value: RecordView } | { ok: false; problems: readonly Problem[] } {
  const { record } = loaded.scenario;
  const entries = timeline(loaded);
  if (!entries.ok) return entries;
  const fullEntries = timeline(full);
  const firstDay = fullEntries.ok && fullEntries.value[0] ? fullEntries.value[0].day : day;
  const conflicts = contradictions(loaded);
  if (!conflicts.ok) return conflicts;
  const dayOption = { asOf: day };
  const waits = waiting(loaded, dayOption);
  const terms = deadlines(loaded, dayOption);
  const documents: DocumentRow[] = record.documents.map((d) => {
    const comparison = d.supersedes !== undefined ? compare(loaded, { later: d.id }) : undefined;
    return {
      id: d.id,
      title: d.title,
      kind: d.kind,
      date: d.date.text,
      ...(d.status !== undefined ? { status: d.status } : {}),
      author: d.author,
      to: d.to,
      ...(d.track !== undefined ? { track: d.track } : {}),
      ...(d.supersedes !== undefined ? { supersedes: d.supersedes } : {}),
      articles: d.articles?.length ?? 0,
      sources: d.sources.map(({ source, quote, page }) => ({ source, ...(quote !== undefined ? { quote } : {}), ...(page !== undefined ? { page } : {}) })),
      ...(comparison?.ok ? { comparison: comparison.value } : {}),
    };
  });
  const statements: StatementRow[] = record.statements.map((s) => ({
    id: s.id,
    date: s.date.text,
    speaker: s.speaker,
    ...(s.reportedBy !== undefined ? { reportedBy: s.reportedBy } : {}),
    kinds: s.kinds,
    quote: s.quote,
    paraphrase: s.paraphrase === true,
    sources: s.sources.map(({ source, quote, page }) => ({ source, ...(quote !== undefined ? { quote } : {}), ...(page !== undefined ? { page } : {}) })),
  }));
  const sources: SourceRow[] = loaded.scenario.sources.map((s) => {
    const url = s.address !== undefined ? /^https?:\/\/\S+/.exec(s.address)?.[0] : undefined;
    return {
      id: s.id,
      title: s.title,
      ...(s.publisher !== undefined ? { publisher: s.publisher } : {}),
      ...(s.date !== undefined ? { date: String(s.date) } : {}),
      ...(s.address !== undefined ? { address: s.address } : {}),
      ...(url !== undefined ? { url } : {}),
    };
  });
  const model = knowledge(loaded, full);
  return {
    ok: true,
    value: {
      id,
      day,
      scenarioDay,
      firstDay,
      actors: Object.fromEntries(loaded.scenario.actors.map((a) => [a.id, a.name])),
      tracks: record.tracks.map((t) => ({ id: t.id, name: t.name ?? t.id })),
      sources,
      timeline: entries.value,
      documents,
      statements,
      contradictions: conflicts.value,
      ...(waits.ok ? { waiting: waits.value } : {}),
      ...(terms.ok ? { deadlines: terms.value } : {}),
      ...(dropped ? { dropped } : {}),
      ...(model ? { model } : {}),
    },
  };
}

type Doc = { model?: { decisionMakers?: readonly { name?: string; id: string; options?: readonly { evidence?: readonly unknown[] }[]; preferences?: readonly (string | { statement: string; evidence?: readonly unknown[] })[] }[] } };

/** How much of the model's evidence was known on the day, and which statements had none yet. */
function knowledge(loaded: Loaded, full: Loaded): ModelKnowledge | undefined {
  const now = (loaded.scenario.document as Doc).model?.decisionMakers;
  const all = (full.scenario.document as Doc).model?.decisionMakers;
  if (!now || !all) return undefined;
  const count = (dms: NonNullable<typeof now>): number =>
    dms.reduce((n, dm) => n + (dm.options ?? []).reduce((m, o) => m + (o.evidence?.length ?? 0), 0) + (dm.preferences ?? []).reduce((m, p) => m + (typeof p === "string" ? 0 : (p.evidence?.length ?? 0)), 0), 0);
  const unsupported: { dm: string; statement: string }[] = [];
  all.forEach((dm, i) => {
    (dm.preferences ?? []).forEach((p, j) => {
      if (typeof p === "string" || !p.evidence?.length) return;
      const then = now[i]?.preferences?.[j];
      if (then === undefined || typeof then === "string" || !then.evidence?.length) unsupported.push({ dm: dm.name ?? dm.id, statement: p.statement });
    });
  });
  return { evidence: count(now), evidenceAll: count(all), unsupported };
}
