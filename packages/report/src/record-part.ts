/** The record's part of the report: actors, the timeline, waiting and deadlines, contradictions. */
import {
  actorName,
  contradictions,
  deadlines,
  isDateSpan,
  isoDay,
  parseDateSpan,
  timeline,
  waiting,
  type ScenarioDocument,
  type SourceRef,
} from "@concord/core";
import { citesOf } from "./cites.js";
import type { ActorEntry, ContradictionEntry, RecordViews, TimelineItem } from "./types.js";

/** Whether the scenario has any negotiation record at all. */
export function hasRecord(doc: ScenarioDocument): boolean {
  return [doc.facts, doc.tracks, doc.documents, doc.events, doc.statements, doc.commitments].some((x) => (x ?? []).length > 0);
}

export function actorEntries(doc: ScenarioDocument): ActorEntry[] {
  const dms = doc.model?.decisionMakers ?? [];
  return (doc.actors ?? []).map((a) => ({
    id: a.id,
    name: a.name,
    ...(a.kind !== undefined ? { kind: a.kind } : {}),
    roles: a.roles ?? [],
    aliases: a.aliases ?? [],
    memberOf: (a.memberOf ?? []).map((id) => actorName(doc, id)),
    decisionMakers: dms.filter((d) => d.actor === a.id).map((d) => d.name ?? a.name),
    ...(a.note !== undefined ? { note: a.note } : {}),
  }));
}

export function timelineItems(doc: ScenarioDocument): TimelineItem[] {
  const trackName = (id: string | undefined): string | undefined => (id === undefined ? undefined : (doc.tracks?.find((t) => t.id === id)?.name ?? id));
  return timeline(doc).map((e) => {
    const entry: { note?: string; sources?: readonly SourceRef[] } | undefined =
      e.type === "event" ? doc.events?.find((x) => x.id === e.id) : e.type === "document" ? doc.documents?.find((x) => x.id === e.id) : doc.statements?.find((x) => x.id === e.id);
    const span = parseDateSpan(e.date);
    const end = e.until !== undefined ? parseDateSpan(e.until) : span;
    const last = isDateSpan(end) ? isoDay(end.last) : e.day;
    const track = trackName(e.track);
    return {
      id: e.id,
      type: e.type,
      kind: e.kind,
      date: e.date,
      ...(e.until !== undefined ? { until: e.until } : {}),
      first: e.day,
      last,
      approximate: e.approximate,
      ...(e.status !== undefined ? { status: e.status } : {}),
      title: e.title,
      actors: e.actors.map((a) => actorName(doc, a)),
      ...(track !== undefined ? { track } : {}),
      ...(e.place !== undefined ? { place: e.place } : {}),
      ...(entry?.note !== undefined ? { note: entry.note } : {}),
      cites: citesOf(doc, entry?.sources),
    };
  });
}

/** Waiting, pens, commitments and deadline events on `day`. */
export function recordViews(doc: ScenarioDocument, day: number, asOfFrom: RecordViews["asOfFrom"]): RecordViews {
  const names = (ids: readonly string[]): string[] => ids.map((id) => actorName(doc, id));
  const w = waiting(doc, day);
  const d = deadlines(doc, day);
  const docTitle = (id: string | undefined): string | undefined => (id === undefined ? undefined : (doc.documents?.find((x) => x.id === id)?.title ?? id));
  const sourcesOf = (type: "document" | "event", id: string): readonly SourceRef[] | undefined =>
    (type === "document" ? doc.documents : doc.events)?.find((x) => x.id === id)?.sources;
  return {
    asOf: w.asOf,
    asOfFrom,
    waiting: w.waiting.map((x) => ({
      id: x.id, title: x.title, kind: x.kind, from: names(x.from), awaiting: names(x.awaiting), since: x.since,
      minDays: x.minDays, maxDays: x.maxDays, cites: citesOf(doc, sourcesOf(x.type, x.id)),
    })),
    pens: w.pens.map((p) => ({
      track: p.name, state: p.state, holders: names(p.holders),
      ...(p.document !== undefined ? { document: docTitle(p.document)! } : {}),
      ...(p.since !== undefined ? { since: p.since } : {}),
      ...(p.minDays !== undefined ? { minDays: p.minDays, maxDays: p.maxDays! } : {}),
    })),
    commitments: d.commitments.map((c) => {
      const entry = doc.commitments?.find((x) => x.id === c.id);
      const { bound, noticeBy, notices, document, ...rest } = c;
      const title = docTitle(document);
      return {
        ...rest,
        bound: names(bound),
        ...(noticeBy !== undefined ? { noticeBy: names(noticeBy) } : {}),
        notices: notices.map((n) => ({ by: actorName(doc, n.by), date: n.date })),
        ...(title !== undefined ? { document: title } : {}),
        ...(entry?.note !== undefined ? { note: entry.note } : {}),
        cites: citesOf(doc, entry?.sources),
      };
    }),
    deadlines: d.deadlines.map((x) => ({ ...x, participants: names(x.participants), cites: citesOf(doc, sourcesOf("event", x.id)) })),
  };
}

export function contradictionEntries(doc: ScenarioDocument): ContradictionEntry[] {
  return contradictions(doc).map((c) => {
    const side = (s: (typeof c.sides)[number]): ContradictionEntry["sides"][number] => {
      const entry = doc.statements?.find((x) => x.id === s.statement);
      return {
        statement: s.statement,
        speaker: actorName(doc, s.speaker),
        ...(s.reportedBy !== undefined ? { reportedBy: actorName(doc, s.reportedBy) } : {}),
        date: s.date,
        quote: s.quote,
        ...(s.value !== undefined ? { value: String(s.value) } : {}),
        ...(s.claimNote !== undefined ? { claimNote: s.claimNote } : {}),
        cites: citesOf(doc, entry?.sources),
      };
    };
    return { ...(c.fact !== undefined ? { fact: c.fact.label } : {}), approximate: c.approximate, sides: [side(c.sides[0]), side(c.sides[1])] };
  });
}
