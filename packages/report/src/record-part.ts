/** The record's part of the report: actors, the timeline, waiting and deadlines, contradictions. */
import { actorName, contradictions, deadlines, isoDay, timeline, waiting, type Citation, type ConflictModel, type NegotiationRecord } from "@concord/core";
import { citesOf } from "./cites.js";
import type { ActorEntry, ContradictionEntry, RecordViews, TimelineItem } from "./types.js";

export function actorEntries(record: NegotiationRecord, model: ConflictModel | undefined): ActorEntry[] {
  const dms = model?.decisionMakers ?? [];
  return record.actors.map((a) => ({
    id: a.id,
    name: a.name,
    ...(a.kind !== undefined ? { kind: a.kind } : {}),
    roles: a.roles ?? [],
    aliases: a.aliases ?? [],
    memberOf: (a.memberOf ?? []).map((id) => actorName(record, id)),
    decisionMakers: dms.filter((d) => d.actor === a.id).map((d) => d.name),
    ...(a.note !== undefined ? { note: a.note } : {}),
  }));
}

export function timelineItems(record: NegotiationRecord): TimelineItem[] {
  const trackName = (id: string | undefined): string | undefined => (id === undefined ? undefined : (record.tracks.find((t) => t.id === id)?.name ?? id));
  return timeline(record).map((e) => {
    const entry =
      e.type === "event" ? record.events.find((x) => x.id === e.id) : e.type === "document" ? record.documents.find((x) => x.id === e.id) : record.statements.find((x) => x.id === e.id);
    const until = entry !== undefined && "until" in entry ? entry.until : undefined;
    const last = isoDay((until ?? entry?.date)?.last ?? 0);
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
      actors: e.actors.map((a) => actorName(record, a)),
      ...(track !== undefined ? { track } : {}),
      ...(e.place !== undefined ? { place: e.place } : {}),
      ...(entry?.note !== undefined ? { note: entry.note } : {}),
      cites: citesOf(record, entry?.sources),
    };
  });
}

/** Waiting, pens, commitments and deadline events on `day`. */
export function recordViews(record: NegotiationRecord, day: number, asOfFrom: RecordViews["asOfFrom"]): RecordViews {
  const names = (ids: readonly string[]): string[] => ids.map((id) => actorName(record, id));
  const w = waiting(record, day);
  const d = deadlines(record, day);
  const docTitle = (id: string | undefined): string | undefined => (id === undefined ? undefined : (record.documents.find((x) => x.id === id)?.title ?? id));
  const sourcesOf = (type: "document" | "event", id: string): readonly Citation[] | undefined =>
    (type === "document" ? record.documents : record.events).find((x) => x.id === id)?.sources;
  return {
    asOf: w.asOf,
    asOfFrom,
    waiting: w.waiting.map((x) => ({
      id: x.id, title: x.title, kind: x.kind, from: names(x.from), awaiting: names(x.awaiting), since: x.since,
      minDays: x.minDays, maxDays: x.maxDays, cites: citesOf(record, sourcesOf(x.type, x.id)),
    })),
    pens: w.pens.map((p) => ({
      track: p.name, state: p.state, holders: names(p.holders),
      ...(p.document !== undefined ? { document: docTitle(p.document)! } : {}),
      ...(p.since !== undefined ? { since: p.since } : {}),
      ...(p.minDays !== undefined ? { minDays: p.minDays, maxDays: p.maxDays! } : {}),
    })),
    commitments: d.commitments.map((c) => {
      const entry = record.commitments.find((x) => x.id === c.id);
      const { bound, noticeBy, notices, document, ...rest } = c;
      const title = docTitle(document);
      return {
        ...rest,
        bound: names(bound),
        ...(noticeBy !== undefined ? { noticeBy: names(noticeBy) } : {}),
        notices: notices.map((n) => ({ by: actorName(record, n.by), date: n.date })),
        ...(title !== undefined ? { document: title } : {}),
        ...(entry?.note !== undefined ? { note: entry.note } : {}),
        cites: citesOf(record, entry?.sources),
      };
    }),
    deadlines: d.deadlines.map((x) => ({ ...x, participants: names(x.participants), cites: citesOf(record, sourcesOf("event", x.id)) })),
  };
}

export function contradictionEntries(record: NegotiationRecord): ContradictionEntry[] {
  return contradictions(record).map((c) => {
    const side = (s: (typeof c.sides)[number]): ContradictionEntry["sides"][number] => {
      const entry = record.statements.find((x) => x.id === s.statement);
      return {
        statement: s.statement,
        speaker: actorName(record, s.speaker),
        ...(s.reportedBy !== undefined ? { reportedBy: actorName(record, s.reportedBy) } : {}),
        date: s.date,
        quote: s.quote,
        ...(s.value !== undefined ? { value: String(s.value) } : {}),
        ...(s.claimNote !== undefined ? { claimNote: s.claimNote } : {}),
        cites: citesOf(record, entry?.sources),
      };
    };
    return { ...(c.fact !== undefined ? { fact: c.fact.label } : {}), approximate: c.approximate, sides: [side(c.sides[0]), side(c.sides[1])] };
  });
}
