/**
 * The meaning of the negotiation record, beyond its shape: every reference points at
 * something that exists, dates are calendar dates in a sensible order, documents do
 * not supersede themselves (or each other in a circle), every event, statement and
 * document cites a source, claims match the type of their fact. Problems are
 * reported at document paths; the loader turns them into line:column.
 *
 * The check parses every date and term once and returns the record as the views read
 * it (record.ts); that record means something only when no problem was reported.
 */
import { parseDateSpan, type DateSpan, type PartialDate } from "../dates.js";
import { messageOf, type DocPath, type Problem } from "../problems.js";
import { unknown } from "../format/suggest.js";
import type { EvidenceDocument, ScenarioDocument } from "../format/schema.js";
import { CAMEO_CODES } from "./cameo-codes.js";
import { compareDurations, formatDuration, parseDuration, type Duration } from "./duration.js";
import type { SourceRef } from "../format/record-schema.js";
import { citationOf } from "./normalise.js";
import type { Citation, NegotiationRecord, RecordClaim, RecordCommitment, RecordDocument, RecordEvent, RecordStatement, RecordTrack } from "./record.js";

type Report = (code: Problem["code"], path: DocPath, message: string) => void;

/** The parts of a scenario document that make up the record. */
export type RecordParts = Pick<ScenarioDocument, "sources" | "actors" | "facts" | "tracks" | "documents" | "events" | "statements" | "commitments">;

/** Ids defined in the document, checked by the caller. */
export interface KnownIds {
  readonly sources: ReadonlySet<string>;
  readonly actors: ReadonlySet<string>;
  /** Ids of parts that failed the structure check: they exist, so references to them are not reported. */
  readonly broken?: ReadonlySet<string>;
}

/** Stands in for a date that did not parse (a problem was reported, so the record is not used). */
const NO_DAY: PartialDate = { text: "", year: 1970, month: 1, day: 1, precision: "day", approximate: false, first: 0, last: 0 };
const UNREAD: DateSpan = { text: "", precision: "day", approximate: false, first: 0, last: 0, start: NO_DAY, end: NO_DAY };

/** The ids the record defines, by collection. */
export interface RecordIds {
  readonly facts: ReadonlySet<string>;
  readonly tracks: ReadonlySet<string>;
  readonly documents: ReadonlySet<string>;
  readonly events: ReadonlySet<string>;
  readonly statements: ReadonlySet<string>;
  readonly commitments: ReadonlySet<string>;
}

const COLLECTIONS = ["facts", "tracks", "documents", "events", "statements", "commitments"] as const;
const SINGULAR: Record<(typeof COLLECTIONS)[number], string> = {
  facts: "fact",
  tracks: "track",
  documents: "document",
  events: "event",
  statements: "statement",
  commitments: "commitment",
};

/**
 * Checks the record part of a scenario document. Returns the record's ids (so the
 * model's evidence can be checked against them) and the record, parsed.
 */
export function checkRecord(doc: RecordParts, known: KnownIds, report: Report): { ids: RecordIds; record: NegotiationRecord } {
  const broken = known.broken ?? new Set<string>();
  // Ids are unique across the whole record, so `answers: x` is never ambiguous.
  const ids = Object.fromEntries(COLLECTIONS.map((c) => [c, new Set<string>()])) as Record<(typeof COLLECTIONS)[number], Set<string>>;
  const firstUse = new Map<string, string>();
  for (const c of COLLECTIONS) {
    (doc[c] ?? []).forEach((item, i) => {
      const prev = firstUse.get(item.id);
      if (prev !== undefined) report("duplicate-id", [c, i, "id"], `duplicate id "${item.id}" (already the id of ${prev}); ids must be unique across the record`);
      else {
        firstUse.set(item.id, `${SINGULAR[c]} ${i + 1}`);
        ids[c].add(item.id);
      }
    });
  }

  const dates = new Map<string, DateSpan>();
  const date = (text: string | undefined, path: DocPath): DateSpan | undefined => {
    if (text === undefined) return undefined;
    const d = parseDateSpan(text);
    if (!d.ok) {
      report("date", path, messageOf(d));
      return undefined;
    }
    return d.value;
  };
  const actor = (id: string | undefined, path: DocPath): void => {
    if (id !== undefined && !known.actors.has(id) && !broken.has(id)) report("unknown-ref", path, unknown("actor", id, known.actors));
  };
  const actors = (list: string | readonly string[] | undefined, path: DocPath): void => {
    if (typeof list === "string") actor(list, path);
    else list?.forEach((a, i) => actor(a, [...path, i]));
  };
  const ref = (id: string | undefined, set: ReadonlySet<string>, what: string, path: DocPath): boolean => {
    if (id === undefined) return false;
    if (set.has(id)) return true;
    if (!broken.has(id)) report("unknown-ref", path, unknown(what, id, set));
    return false;
  };
  const sources = (list: readonly SourceRef[] | undefined, path: DocPath, what: string | undefined): Citation[] => {
    if (what !== undefined && (list === undefined || list.length === 0)) {
      report("missing", list === undefined ? path : [...path, "sources"], `${what} cites no source; expected "sources" with at least one source id`);
    }
    return (list ?? []).map((r, i) => {
      const c = citationOf(r);
      const at: DocPath = typeof r === "string" ? [...path, "sources", i] : [...path, "sources", i, "source"];
      if (!known.sources.has(c.source) && !broken.has(c.source)) report("unknown-ref", at, unknown("source", c.source, known.sources));
      return c;
    });
  };
  const list = (x: string | readonly string[] | undefined): string[] => (x === undefined ? [] : typeof x === "string" ? [x] : [...x]);
  /** `later` must not be before `earlier` (both as far as their precision tells). */
  const notBefore = (earlier: DateSpan | undefined, later: DateSpan | undefined, path: DocPath, message: string): void => {
    if (earlier && later && later.last < earlier.first) report("date", path, message);
  };
  const duration = (text: string | undefined, path: DocPath): Duration | undefined => {
    if (text === undefined) return undefined;
    const d = parseDuration(text);
    if (!d.ok) {
      report("type", path, messageOf(d));
      return undefined;
    }
    return d.value;
  };

  // Sources.
  const recordSources = (doc.sources ?? []).map((src, i) => {
    const { date: text, ...rest } = src;
    const d = date(text, ["sources", i, "date"]);
    return { ...rest, ...(d ? { date: d } : {}) };
  });

  // Facts.
  const factTypes = new Map<string, string>();
  (doc.facts ?? []).forEach((f) => factTypes.set(f.id, f.type));

  // Tracks.
  const tracks = (doc.tracks ?? []).map((t, i): RecordTrack => {
    const p: DocPath = ["tracks", i];
    actors(t.participants, [...p, "participants"]);
    actor(t.host, [...p, "host"]);
    actors(t.mediators, [...p, "mediators"]);
    actor(t.proposedBy, [...p, "proposedBy"]);
    const since = date(t.since, [...p, "since"]);
    const until = date(t.until, [...p, "until"]);
    notBefore(since, until, [...p, "until"], `the track ends (${t.until}) before it starts (${t.since})`);
    const cited = sources(t.sources, p, undefined);
    if (t.format === "bilateral" && (t.mediators?.length ?? 0) > 0) {
      report("record", [...p, "mediators"], `track "${t.id}" is bilateral but has mediators; expected format "mediated" (or no mediators)`);
    }
    if (t.format === "mediated" && (t.mediators?.length ?? 0) === 0 && t.host === undefined) {
      report("missing", [...p, "format"], `track "${t.id}" is mediated but names no mediator or host; expected "mediators" or "host"`);
    }
    const { since: _since, until: _until, sources: _sources, ...rest } = t;
    return { ...rest, ...(since ? { since } : {}), ...(until ? { until } : {}), sources: cited };
  });

  // Documents.
  const docs = doc.documents ?? [];
  const events = doc.events ?? [];
  const answerable = new Set([...ids.documents, ...ids.events]);
  const anyEntry = new Set(COLLECTIONS.filter((c) => c !== "facts").flatMap((c) => [...ids[c]]));
  const documents = docs.map((d, i): RecordDocument => {
    const p: DocPath = ["documents", i];
    const handed = date(d.date, [...p, "date"]);
    if (handed) dates.set(d.id, handed);
    actors(d.author, [...p, "author"]);
    actors(d.to, [...p, "to"]);
    actors(d.thirdParties, [...p, "thirdParties"]);
    ref(d.track, ids.tracks, "track", [...p, "track"]);
    const cited = sources(d.sources, p, `document "${d.id}"`);
    const statusDate = date(d.statusDate, [...p, "statusDate"]);
    notBefore(handed, statusDate, [...p, "statusDate"], `the status date (${d.statusDate}) is before the document's date (${d.date})`);
    if (d.supersedes !== undefined) {
      if (d.supersedes === d.id) report("record", [...p, "supersedes"], `document "${d.id}" supersedes itself; expected the id of an earlier document`);
      else ref(d.supersedes, ids.documents, "document", [...p, "supersedes"]);
    }
    if (d.answers !== undefined) {
      if (d.answers === d.id) report("record", [...p, "answers"], `document "${d.id}" answers itself; expected the id of another document or event`);
      else ref(d.answers, answerable, "document or event", [...p, "answers"]);
    }
    const seen = new Map<string, number>();
    d.articles?.forEach((a, k) => {
      const prev = seen.get(a.id);
      if (prev !== undefined) report("duplicate-id", [...p, "articles", k, "id"], `duplicate article "${a.id}" (also article ${prev + 1} in the list)`);
      else seen.set(a.id, k);
    });
    const { date: _date, statusDate: _statusDate, author, to, sources: _sources, ...rest } = d;
    return { ...rest, author: list(author), to: list(to), date: handed ?? UNREAD, ...(statusDate ? { statusDate } : {}), sources: cited };
  });

  // Events.
  const recordEvents = events.map((e, i): RecordEvent => {
    const p: DocPath = ["events", i];
    const start = date(e.date, [...p, "date"]);
    if (start) dates.set(e.id, start);
    const until = date(e.until, [...p, "until"]);
    notBefore(start, until, [...p, "until"], `the event ends (${e.until}) before it starts (${e.date})`);
    const statusDate = date(e.statusDate, [...p, "statusDate"]);
    const announced = date(e.announced, [...p, "announced"]);
    notBefore(announced, start, [...p, "announced"], `the event was announced (${e.announced}) after its date (${e.date})`);
    for (const key of ["participants", "by", "to", "declinedBy"] as const) actors(e[key], [...p, key]);
    ref(e.track, ids.tracks, "track", [...p, "track"]);
    e.documents?.forEach((d, k) => ref(d, ids.documents, "document", [...p, "documents", k]));
    if (e.answers !== undefined) {
      if (e.answers === e.id) report("record", [...p, "answers"], `event "${e.id}" answers itself; expected the id of a document or another event`);
      else ref(e.answers, answerable, "document or event", [...p, "answers"]);
    }
    if (e.cameo !== undefined && e.cameo !== "none" && CAMEO_CODES[e.cameo] === undefined) {
      report("type", [...p, "cameo"], `"${e.cameo}" is not a CAMEO event code (codebook v1.1b3); expected a code such as "036", "044", "057" or "1661", or none`);
    }
    const cited = sources(e.sources, p, `event "${e.id}"`);
    const { date: _date, until: _until, statusDate: _statusDate, announced: _announced, sources: _sources, ...rest } = e;
    return {
      ...rest,
      date: start ?? UNREAD,
      ...(until ? { until } : {}),
      ...(statusDate ? { statusDate } : {}),
      ...(announced ? { announced } : {}),
      sources: cited,
    };
  });

  // Answers and supersessions go back in time, and supersessions do not loop.
  const answerDate = (id: string): DateSpan | undefined => dates.get(id);
  docs.forEach((d, i) => {
    const p: DocPath = ["documents", i];
    const own = dates.get(d.id);
    if (d.answers !== undefined && d.answers !== d.id) {
      notBefore(answerDate(d.answers), own, [...p, "answers"], `document "${d.id}" (${d.date}) answers "${d.answers}", which is dated later (${answerDate(d.answers)?.text})`);
    }
    if (d.supersedes !== undefined && d.supersedes !== d.id) {
      notBefore(dates.get(d.supersedes), own, [...p, "supersedes"], `document "${d.id}" (${d.date}) supersedes "${d.supersedes}", which is dated later (${dates.get(d.supersedes)?.text})`);
    }
  });
  events.forEach((e, i) => {
    if (e.answers !== undefined && e.answers !== e.id) {
      notBefore(answerDate(e.answers), dates.get(e.id), ["events", i, "answers"], `event "${e.id}" (${e.date}) answers "${e.answers}", which is dated later (${answerDate(e.answers)?.text})`);
    }
  });
  const supersedes = new Map(docs.filter((d) => d.supersedes !== undefined && d.supersedes !== d.id).map((d) => [d.id, d.supersedes!]));
  const inCycle = new Set<string>();
  docs.forEach((d, i) => {
    if (inCycle.has(d.id) || !supersedes.has(d.id)) return;
    const chain = [d.id];
    let next = supersedes.get(d.id);
    while (next !== undefined && !chain.includes(next)) {
      chain.push(next);
      next = supersedes.get(next);
    }
    if (next === d.id) {
      chain.forEach((c) => inCycle.add(c));
      report("record", ["documents", i, "supersedes"], `supersession goes round in a circle: ${[...chain, d.id].map((c) => `"${c}"`).join(" → ")}; each document may only supersede an earlier one`);
    }
  });

  // Statements.
  const statements = (doc.statements ?? []).map((s, i): RecordStatement => {
    const p: DocPath = ["statements", i];
    const said = date(s.date, [...p, "date"]);
    actor(s.speaker, [...p, "speaker"]);
    actor(s.reportedBy, [...p, "reportedBy"]);
    ref(s.event, ids.events, "event", [...p, "event"]);
    s.refersTo?.forEach((r, k) => {
      if (r === s.id) report("record", [...p, "refersTo", k], `statement "${s.id}" refers to itself; expected the id of another record entry`);
      else ref(r, anyEntry, "record entry", [...p, "refersTo", k]);
    });
    const cited = sources(s.sources, p, `statement "${s.id}"`);
    const claims = (s.claims ?? []).map((c, k): RecordClaim => {
      const cp: DocPath = [...p, "claims", k];
      if (!ref(c.fact, ids.facts, "fact", [...cp, "fact"])) return c;
      const type = factTypes.get(c.fact)!;
      const v = c.value;
      if (type === "date") {
        const d = parseDateSpan(String(v));
        if (!d.ok) report("date", [...cp, "value"], `fact "${c.fact}" is a date: ${messageOf(d)}`);
        // A year claimed for a date fact is read by YAML as a number; it is the date it means.
        else return { ...c, value: String(v), span: d.value };
      } else if (type === "number" && typeof v !== "number") {
        report("type", [...cp, "value"], `fact "${c.fact}" is a number; expected a number, found ${JSON.stringify(v)}`);
      } else if (type === "boolean" && typeof v !== "boolean") {
        report("type", [...cp, "value"], `fact "${c.fact}" is true or false; expected true or false, found ${JSON.stringify(v)}`);
      } else if (type === "text" && typeof v !== "string") {
        report("type", [...cp, "value"], `fact "${c.fact}" is text; expected text, found ${JSON.stringify(v)}`);
      }
      return c;
    });
    s.contradicts?.forEach((c, k) => {
      if (c === s.id) report("record", [...p, "contradicts", k], `statement "${s.id}" cannot contradict itself; expected the id of another statement`);
      else ref(c, ids.statements, "statement", [...p, "contradicts", k]);
    });
    const { date: _date, kind, claims: _claims, sources: _sources, ...rest } = s;
    return { ...rest, date: said ?? UNREAD, kinds: typeof kind === "string" ? [kind] : [...kind], claims, sources: cited };
  });

  // Commitments.
  const commitments = (doc.commitments ?? []).map((c, i): RecordCommitment => {
    const p: DocPath = ["commitments", i];
    actors(c.bound, [...p, "bound"]);
    actors(c.parties, [...p, "parties"]);
    ref(c.document, ids.documents, "document", [...p, "document"]);
    const cited = sources(c.sources, p, c.document === undefined ? `commitment "${c.id}" names no document and` : undefined);
    const from = date(c.from, [...p, "from"]);
    const to = date(c.to, [...p, "to"]);
    if (from && to && to.first <= from.first) report("date", [...p, "to"], `the commitment ends (${c.to}) on or before it starts (${c.from})`);
    if (c.to !== undefined && c.term !== undefined) report("type", [...p, "term"], `give either "to" or "term" for the first term, not both`);
    const term = duration(c.term, [...p, "term"]);
    let renewal: RecordCommitment["renewal"];
    if (c.renewal) {
      const r = c.renewal;
      const rp: DocPath = [...p, "renewal"];
      if (r.kind !== "none" && c.to === undefined && c.term === undefined) {
        report("missing", rp, `a renewable commitment needs a first term; expected "to" or "term" on commitment "${c.id}"`);
      }
      const ownTerm = duration(r.term, [...rp, "term"]);
      const renewTerm = ownTerm ?? term;
      const notice = duration(r.notice, [...rp, "notice"]);
      if (notice && renewTerm && (compareDurations(notice, renewTerm) ?? -1) >= 0) {
        report("record", [...rp, "notice"], `the notice period (${formatDuration(notice)}) is not shorter than the term (${formatDuration(renewTerm)})`);
      }
      actors(r.noticeBy, [...rp, "noticeBy"]);
      if (r.kind === "automatic" && c.to !== undefined && r.term === undefined) {
        report("missing", rp, `the first term is given by "to", so automatic renewal needs its own "term", e.g. 5 years`);
      }
      if (r.kind === "automatic" && r.notice === undefined) {
        report("missing", rp, `automatic renewal needs a notice period; expected "notice", e.g. 6 months`);
      }
      const { term: _term, notice: _notice, ...rest } = r;
      renewal = { ...rest, ...(ownTerm ? { term: ownTerm } : {}), ...(notice ? { notice } : {}) };
    }
    const notices = (c.notices ?? []).map((n, k) => {
      const np: DocPath = [...p, "notices", k];
      actor(n.by, [...np, "by"]);
      const given = date(n.date, [...np, "date"]);
      notBefore(from, given, [...np, "date"], `notice given (${n.date}) before the commitment starts (${c.from})`);
      const { date: _date, sources: noticeSources, ...rest } = n;
      return { ...rest, date: given ?? UNREAD, sources: sources(noticeSources, np, `the notice`) };
    });
    let ended: RecordCommitment["ended"];
    if (c.ended) {
      const end = date(c.ended.date, [...p, "ended", "date"]);
      notBefore(from, end, [...p, "ended", "date"], `the commitment ends (${c.ended.date}) before it starts (${c.from})`);
      ended = { date: end ?? UNREAD, ...(c.ended.reason !== undefined ? { reason: c.ended.reason } : {}), sources: sources(c.ended.sources, [...p, "ended"], undefined) };
    }
    const { from: _from, to: _to, term: _term, renewal: _renewal, notices: _notices, ended: _ended, sources: _sources, ...rest } = c;
    return {
      ...rest,
      from: from ?? UNREAD,
      ...(to ? { to } : {}),
      ...(term ? { term } : {}),
      ...(renewal ? { renewal } : {}),
      notices,
      ...(ended ? { ended } : {}),
      sources: cited,
    };
  });

  let lastDay: number | undefined;
  const see = (d: DateSpan | undefined): void => {
    if (d !== undefined && d !== UNREAD && (lastDay === undefined || d.last > lastDay)) lastDay = d.last;
  };
  for (const e of recordEvents) { see(e.date); see(e.until); }
  for (const d of documents) see(d.date);
  for (const st of statements) see(st.date);
  for (const c of commitments) see(c.from);

  const record: NegotiationRecord = {
    sources: recordSources,
    actors: doc.actors ?? [],
    facts: doc.facts ?? [],
    tracks,
    documents,
    events: recordEvents,
    statements,
    commitments,
    ...(lastDay !== undefined ? { lastDay } : {}),
  };
  return { ids, record };
}

/** Checks that a piece of the model's evidence cites record entries that exist (or that exist but failed the structure check). */
export function checkEvidenceRefs(e: EvidenceDocument, path: DocPath, ids: RecordIds, broken: ReadonlySet<string>, report: Report): void {
  const check = (id: string | undefined, set: ReadonlySet<string>, what: "statement" | "event" | "document"): void => {
    if (id !== undefined && !set.has(id) && !broken.has(id)) report("unknown-ref", [...path, what], unknown(what, id, set));
  };
  check(e.statement, ids.statements, "statement");
  check(e.event, ids.events, "event");
  check(e.document, ids.documents, "document");
}
