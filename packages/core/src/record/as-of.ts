/**
 * The scenario as it could have been written on a given day: the record and the
 * model's evidence restricted to what was known then, so an analysis made "as of" a
 * date can later be checked against what happened.
 *
 * Rules:
 * - a source is kept when it was surely published by the day (the last day its date
 *   can mean is on or before it); undated sources are kept, since nothing shows they
 *   are later;
 * - a document or statement is kept when it is dated on or before the day and still
 *   cites a kept source; an event also when it is dated later but was announced by
 *   the day (`announced`, or a dated source published by the day reports it);
 *   citations of dropped sources are removed;
 * - a status not yet reached is undone: an event that had not happened yet is
 *   "planned", a cancellation announced later is undone, a document's recorded
 *   status taking effect later is removed (and worked out from the record instead);
 * - commitments are kept with their document (or, without one, with a kept
 *   source); notices and early ends after the day are removed; tracks starting
 *   later are dropped;
 * - the model is kept; evidence citing a dropped source, statement, event or
 *   document is dropped (targets' too); observed states dated later, or shown only
 *   by dropped sources, are dropped;
 * - references to dropped entries (answers, supersedes, track, contradicts, …) are
 *   removed, so the result is again a valid scenario document, dated the day.
 */
import { isoDay, type DateSpan } from "../dates.js";
import type { EvidenceDocument, ScenarioDocument } from "../format/schema.js";
import type { ConflictModel } from "../model/types.js";
import type { SourceRef } from "../format/record-schema.js";
import { citationOf } from "./normalise.js";
import type { NegotiationRecord } from "./record.js";

export interface AsOf {
  readonly document: ScenarioDocument;
  /** Ids of what was left out, by collection, and the paths of dropped evidence. */
  readonly dropped: {
    readonly sources: readonly string[];
    readonly tracks: readonly string[];
    readonly documents: readonly string[];
    readonly events: readonly string[];
    readonly statements: readonly string[];
    readonly commitments: readonly string[];
    readonly evidence: readonly string[];
  };
}

/** A scenario as loaded: its document, and the record and model parsed from it (a Scenario is one). */
export interface AsOfInput {
  readonly document: ScenarioDocument;
  /** Entry i of each list is the document's entry i. */
  readonly record: NegotiationRecord;
  /** Observation i is the document's observation i. */
  readonly model?: ConflictModel;
}

/**
 * The scenario restricted to what was known on `day` (a day number); the dates of
 * its record and of the model's observations, as loaded, decide.
 */
export function asOf(scenario: AsOfInput, day: number): AsOf {
  const { document: doc, record } = scenario;
  const known = (date: DateSpan | undefined): boolean => date === undefined || date.first <= day;
  const keptSources = new Set(record.sources.filter((s) => s.date === undefined || s.date.last <= day).map((s) => s.id));
  const cite = (refs: readonly SourceRef[] | undefined): SourceRef[] => (refs ?? []).filter((r) => keptSources.has(citationOf(r).source));
  /** Each document entry with its record entry (same position), whose dates are parsed. */
  const paired = <D, R>(entries: readonly D[] | undefined, parsed: readonly R[]): { d: D; r: R }[] => (entries ?? []).map((d, i) => ({ d, r: parsed[i]! }));

  // Entries are kept on their own dates and sources first; references are pruned after.
  const tracks = paired(doc.tracks, record.tracks).filter(({ d, r }) => known(r.since) && (d.sources === undefined || cite(d.sources).length > 0));
  const documents = paired(doc.documents, record.documents).filter(({ d, r }) => known(r.date) && cite(d.sources).length > 0);
  // A later event counts as announced when it was, or when a dated source published by the day reports it.
  const datedSource = (ref: SourceRef): boolean => record.sources.find((s) => s.id === citationOf(ref).source)?.date !== undefined;
  const events = paired(doc.events, record.events).filter(({ d, r }) => {
    const cited = cite(d.sources);
    return cited.length > 0 && (known(r.date) || (r.announced !== undefined && known(r.announced)) || cited.some(datedSource));
  });
  const statements = paired(doc.statements, record.statements).filter(({ d, r }) => known(r.date) && cite(d.sources).length > 0);
  const trackIds = new Set(tracks.map(({ d }) => d.id));
  const documentIds = new Set(documents.map(({ d }) => d.id));
  const eventIds = new Set(events.map(({ d }) => d.id));
  const statementIds = new Set(statements.map(({ d }) => d.id));
  const answerable = new Set([...documentIds, ...eventIds]);
  const commitments = paired(doc.commitments, record.commitments).filter(({ d }) => (d.document !== undefined && documentIds.has(d.document)) || cite(d.sources).length > 0);
  const keptEntries = new Set([...trackIds, ...documentIds, ...eventIds, ...statementIds, ...commitments.map(({ d }) => d.id)]);

  const out: ScenarioDocument = { ...doc, asOf: isoDay(day) };
  const set = <K extends keyof ScenarioDocument>(key: K, value: ScenarioDocument[K] & unknown[]): void => {
    if (doc[key] !== undefined) out[key] = value;
  };
  set("sources", (doc.sources ?? []).filter((s) => keptSources.has(s.id)));
  set(
    "tracks",
    tracks.map(({ d: t, r }) => {
      const { until, status, sources, ...rest } = t;
      const later = r.until !== undefined && !known(r.until);
      return {
        ...rest,
        ...(until !== undefined && !later ? { until } : {}),
        ...(status !== undefined ? { status: later && status === "ended" ? "active" : status } : {}),
        ...(sources !== undefined ? { sources: cite(sources) } : {}),
      };
    }),
  );
  set(
    "documents",
    documents.map(({ d, r }) => {
      const { status, statusDate, answers, supersedes, track, sources, ...rest } = d;
      const statusKnown = status !== undefined && known(r.statusDate ?? r.date);
      return {
        ...rest,
        ...(track !== undefined && trackIds.has(track) ? { track } : {}),
        ...(answers !== undefined && answerable.has(answers) ? { answers } : {}),
        ...(supersedes !== undefined && documentIds.has(supersedes) ? { supersedes } : {}),
        ...(statusKnown ? { status, ...(statusDate !== undefined ? { statusDate } : {}) } : {}),
        sources: cite(sources),
      };
    }),
  );
  set(
    "events",
    events.map(({ d: e, r }) => {
      const { status, statusDate, answers, track, documents: docs, sources, ...rest } = e;
      const s = status ?? "happened";
      let now: typeof status = status;
      if (s === "happened" && !known(r.date)) now = "planned";
      else if ((s === "cancelled" || s === "declined" || s === "postponed") && !known(r.statusDate ?? r.date)) now = "planned";
      return {
        ...rest,
        ...(now !== undefined ? { status: now } : {}),
        ...(statusDate !== undefined && known(r.statusDate) && now === status ? { statusDate } : {}),
        ...(track !== undefined && trackIds.has(track) ? { track } : {}),
        ...(docs !== undefined ? { documents: docs.filter((x) => documentIds.has(x)) } : {}),
        ...(answers !== undefined && answerable.has(answers) ? { answers } : {}),
        sources: cite(sources),
      };
    }),
  );
  set(
    "statements",
    statements.map(({ d: st }) => {
      const { event, contradicts, refersTo, sources, ...rest } = st;
      return {
        ...rest,
        ...(event !== undefined && eventIds.has(event) ? { event } : {}),
        ...(refersTo !== undefined ? { refersTo: refersTo.filter((x) => keptEntries.has(x)) } : {}),
        ...(contradicts !== undefined ? { contradicts: contradicts.filter((x) => statementIds.has(x)) } : {}),
        sources: cite(sources),
      };
    }),
  );
  set(
    "commitments",
    commitments.map(({ d: c, r }) => {
      const { document, notices, ended, sources, ...rest } = c;
      return {
        ...rest,
        ...(document !== undefined && documentIds.has(document) ? { document } : {}),
        ...(notices !== undefined
          ? { notices: paired(notices, r.notices).filter(({ d: n, r: parsed }) => known(parsed.date) && cite(n.sources).length > 0).map(({ d: n }) => ({ ...n, sources: cite(n.sources) })) }
          : {}),
        ...(ended !== undefined && known(r.ended?.date) ? { ended: { ...ended, ...(ended.sources !== undefined ? { sources: cite(ended.sources) } : {}) } } : {}),
        ...(sources !== undefined ? { sources: cite(sources) } : {}),
      };
    }),
  );

  const droppedEvidence: string[] = [];
  const keep = (list: readonly EvidenceDocument[] | undefined, path: string): EvidenceDocument[] | undefined => {
    if (list === undefined) return undefined;
    return list.filter((e, i) => {
      const ok =
        (e.source === undefined || keptSources.has(e.source)) &&
        (e.statement === undefined || statementIds.has(e.statement)) &&
        (e.event === undefined || eventIds.has(e.event)) &&
        (e.document === undefined || documentIds.has(e.document));
      if (!ok) droppedEvidence.push(`${path}[${i}]`);
      return ok;
    });
  };
  const withEvidence = <T extends { evidence?: EvidenceDocument[] | undefined }>(x: T, path: string): T => {
    if (x.evidence === undefined) return x;
    return { ...x, evidence: keep(x.evidence, `${path}.evidence`) };
  };
  if (doc.model) {
    const m = doc.model;
    out.model = {
      ...m,
      decisionMakers: m.decisionMakers.map((dm, d) => {
        const p = `model.decisionMakers[${d}]`;
        return {
          ...withEvidence(dm, p),
          options: dm.options.map((o, k) => {
            const opt = withEvidence(o, `${p}.options[${k}]`);
            // An option with alternatives carries evidence on each alternative too.
            if (opt.alternatives === undefined) return opt;
            return { ...opt, alternatives: opt.alternatives.map((a, j) => withEvidence(a, `${p}.options[${k}].alternatives[${j}]`)) };
          }),
          ...(dm.preferences !== undefined
            ? { preferences: dm.preferences.map((st, k) => (typeof st === "string" ? st : withEvidence(st, `${p}.preferences[${k}]`))) }
            : {}),
        };
      }),
      ...(m.feasibility !== undefined ? { feasibility: m.feasibility.map((c, i) => withEvidence(c, `model.feasibility[${i}]`)) } : {}),
      ...(m.statusQuo !== undefined ? { statusQuo: Array.isArray(m.statusQuo) ? m.statusQuo : withEvidence(m.statusQuo, "model.statusQuo") } : {}),
      ...(m.targets !== undefined ? { targets: m.targets.map((t, i) => withEvidence(t, `model.targets[${i}]`)) } : {}),
      // An observation is known on its date, from sources published by then.
      ...(m.observed !== undefined
        ? { observed: paired(m.observed, scenario.model?.observed ?? []).filter(({ d, r }) => r.last <= day && cite(d.sources).length > 0).map(({ d }) => ({ ...d, sources: cite(d.sources) })) }
        : {}),
    };
  }

  // The settlement section cites the record too: each valuation, and any single value.
  if (doc.settlement) {
    const st = doc.settlement;
    const value = <V,>(v: V, path: string): V => (typeof v === "object" && v !== null && "evidence" in v ? withEvidence(v as V & { evidence?: EvidenceDocument[] }, path) : v);
    out.settlement = {
      ...st,
      valuations: Object.fromEntries(
        Object.entries(st.valuations).map(([party, v]) => {
          const p = `settlement.valuations.${party}`;
          const utilities = Object.fromEntries(
            Object.entries(v.utilities).map(([issue, alts]) => [issue, Object.fromEntries(Object.entries(alts).map(([alt, x]) => [alt, value(x, `${p}.utilities.${issue}.${alt}`)]))]),
          );
          return [party, { ...withEvidence(v, p), utilities }];
        }),
      ),
      ...("values" in st.disagreement
        ? { disagreement: { values: Object.fromEntries(Object.entries(st.disagreement.values).map(([party, x]) => [party, value(x, `settlement.disagreement.values.${party}`)])) } }
        : {}),
    };
  }

  const ids = <T extends { id: string }>(all: readonly T[] | undefined, kept: ReadonlySet<string> | readonly T[]): string[] => {
    const k = kept instanceof Set ? kept : new Set((kept as readonly T[]).map((x) => x.id));
    return (all ?? []).filter((x) => !k.has(x.id)).map((x) => x.id);
  };
  return {
    document: out,
    dropped: {
      sources: ids(doc.sources, keptSources),
      tracks: ids(doc.tracks, trackIds),
      documents: ids(doc.documents, documentIds),
      events: ids(doc.events, eventIds),
      statements: ids(doc.statements, statementIds),
      commitments: ids(doc.commitments, commitments.map(({ d }) => d)),
      evidence: droppedEvidence,
    },
  };
}
