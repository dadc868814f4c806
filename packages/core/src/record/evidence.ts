/**
 * What a decision maker's part of the model rests on: its options and preferences,
 * each with its evidence resolved to quotes, speakers, dates and sources, so a
 * reader can check every modelling choice against the record.
 */
import type { ConflictModel, Evidence } from "../model/types.js";
import type { DmIndex } from "../numbering.js";
import { citationOf } from "./normalise.js";
import type { NegotiationRecord } from "./record.js";
import { resolveSources, type ResolvedSource } from "./sources.js";

export interface ResolvedEvidence {
  /** What the evidence cites: a record statement, event or document, a source, or only a note. */
  readonly kind: "statement" | "event" | "document" | "source" | "note";
  readonly id?: string;
  /** The quote given with the evidence, else the statement's own words. */
  readonly quote?: string;
  readonly note?: string;
  readonly page?: string;
  /** Statement: speaker; document: authors; event: participants. */
  readonly actors?: readonly string[];
  readonly date?: string;
  /** Event or document title, or the statement's kinds. */
  readonly title?: string;
  readonly sources: readonly ResolvedSource[];
}

export interface DecisionMakerEvidence {
  readonly decisionMaker: { readonly id: string; readonly name: string; readonly actor?: string };
  readonly evidence: readonly ResolvedEvidence[];
  readonly options: readonly { readonly id: string; readonly label: string; readonly note?: string; readonly evidence: readonly ResolvedEvidence[] }[];
  /** Option prioritization, most important first (empty when the preferences are a ranking). */
  readonly preferences: readonly { readonly rank: number; readonly statement: string; readonly note?: string; readonly evidence: readonly ResolvedEvidence[] }[];
  /** True when the preferences are an explicit ranking of states (which carries no evidence of its own). */
  readonly ranking: boolean;
  /** How many options and preference statements cite no evidence at all. */
  readonly unsupported: number;
}

/**
 * The evidence for the options and preferences of decision maker `d` (find it from
 * what a user typed with findDecisionMaker), looked up in the record.
 */
export function decisionMakerEvidence(model: ConflictModel, d: DmIndex, record: NegotiationRecord): DecisionMakerEvidence {
  const dm = model.decisionMakers[d]!;
  const resolve = (list: readonly Evidence[]): ResolvedEvidence[] => list.map((e) => resolveEvidence(record, e));
  const options = dm.options.map((o) => {
    const opt = model.options[o]!;
    return { id: opt.id, label: opt.label, ...(opt.note !== undefined ? { note: opt.note } : {}), evidence: resolve(opt.evidence) };
  });
  const statements = dm.preference.kind === "priorities" ? dm.preference.statements : [];
  const preferences = statements.map((p, k) => ({ rank: k + 1, statement: p.text, ...(p.note !== undefined ? { note: p.note } : {}), evidence: resolve(p.evidence) }));
  return {
    decisionMaker: { id: dm.id, name: dm.name, ...(dm.actor !== undefined ? { actor: dm.actor } : {}) },
    evidence: resolve(dm.evidence),
    options,
    preferences,
    ranking: dm.preference.kind === "ranking",
    unsupported: [...options, ...preferences].filter((x) => x.evidence.length === 0).length,
  };
}

/** One piece of evidence with what it cites looked up in the record and the sources. */
export function resolveEvidence(record: NegotiationRecord, e: Evidence): ResolvedEvidence {
  const own = {
    ...(e.quote !== undefined ? { quote: e.quote } : {}),
    ...(e.note !== undefined ? { note: e.note } : {}),
    ...(e.page !== undefined ? { page: e.page } : {}),
  };
  const extra = e.source !== undefined ? resolveSources(record, [citationOf(e.source)]) : [];
  const merge = (a: readonly ResolvedSource[]): ResolvedSource[] => [...a, ...extra.filter((x) => !a.some((y) => y.id === x.id))];
  if (e.statement !== undefined) {
    const s = record.statements.find((x) => x.id === e.statement);
    return {
      kind: "statement", id: e.statement,
      ...(s ? { quote: e.quote ?? s.quote, actors: [s.speaker], date: s.date.text, title: s.kinds.join("/") } : {}),
      ...(e.note !== undefined ? { note: e.note } : {}), ...(e.page !== undefined ? { page: e.page } : {}),
      sources: merge(s ? resolveSources(record, s.sources) : []),
    };
  }
  if (e.event !== undefined) {
    const ev = record.events.find((x) => x.id === e.event);
    return {
      kind: "event", id: e.event, ...own,
      ...(ev ? { actors: ev.participants ?? ev.by ?? [], date: ev.date.text, title: ev.title } : {}),
      sources: merge(ev ? resolveSources(record, ev.sources) : []),
    };
  }
  if (e.document !== undefined) {
    const d = record.documents.find((x) => x.id === e.document);
    return {
      kind: "document", id: e.document, ...own,
      ...(d ? { actors: d.author, date: d.date.text, title: d.title } : {}),
      sources: merge(d ? resolveSources(record, d.sources) : []),
    };
  }
  if (e.source !== undefined) return { kind: "source", id: e.source, ...own, sources: extra };
  return { kind: "note", ...own, sources: [] };
}
