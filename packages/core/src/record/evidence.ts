/**
 * What a decision maker's part of the model rests on: its options and preferences,
 * each with its evidence resolved to quotes, speakers, dates and sources, so a
 * reader can check every modelling choice against the record.
 */
import type { EvidenceDocument, ScenarioDocument } from "../scenario/schema.js";
import { asList, kindsOf } from "./normalise.js";
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
 * The decision maker `query` names (its id or name, or its actor's id, name or
 * alias, in any case), with the evidence for its options and preferences; or a
 * message listing the decision makers.
 */
export function decisionMakerEvidence(doc: ScenarioDocument, query: string): DecisionMakerEvidence | { error: string } {
  const dms = doc.model?.decisionMakers ?? [];
  if (dms.length === 0) return { error: "the scenario has no model, so it has no decision makers" };
  const q = query.trim().toLowerCase();
  const actorOf = (id: string | undefined) => doc.actors?.find((a) => a.id === id);
  const matches = dms.filter((dm) => {
    const a = actorOf(dm.actor);
    const names = [dm.id, dm.name, a?.id, a?.name, ...(a?.aliases ?? [])].filter((x): x is string => x !== undefined);
    return names.some((n) => n.toLowerCase() === q);
  });
  if (matches.length !== 1) {
    const list = dms.map((dm) => dm.name ?? actorOf(dm.actor)?.name ?? dm.id).join(", ");
    return { error: `${matches.length === 0 ? "no" : "more than one"} decision maker matches "${query}"; expected one of ${list}` };
  }
  const dm = matches[0]!;
  const resolve = (list: readonly EvidenceDocument[] | undefined): ResolvedEvidence[] => (list ?? []).map((e) => resolveEvidence(doc, e));
  const options = dm.options.map((o) => ({ id: o.id, label: o.label, ...(o.note !== undefined ? { note: o.note } : {}), evidence: resolve(o.evidence) }));
  const preferences = (dm.preferences ?? []).map((p, k) =>
    typeof p === "string"
      ? { rank: k + 1, statement: p, evidence: [] }
      : { rank: k + 1, statement: p.statement, ...(p.note !== undefined ? { note: p.note } : {}), evidence: resolve(p.evidence) },
  );
  const name = dm.name ?? actorOf(dm.actor)?.name ?? dm.id;
  return {
    decisionMaker: { id: dm.id, name, ...(dm.actor !== undefined ? { actor: dm.actor } : {}) },
    evidence: resolve(dm.evidence),
    options,
    preferences,
    ranking: dm.ranking !== undefined,
    unsupported: [...options, ...preferences].filter((x) => x.evidence.length === 0).length,
  };
}

/** One piece of evidence with what it cites looked up in the record and the sources. */
export function resolveEvidence(doc: ScenarioDocument, e: EvidenceDocument): ResolvedEvidence {
  const own = {
    ...(e.quote !== undefined ? { quote: e.quote } : {}),
    ...(e.note !== undefined ? { note: e.note } : {}),
    ...(e.page !== undefined ? { page: e.page } : {}),
  };
  const extra = e.source !== undefined ? resolveSources(doc, [e.source]) : [];
  const merge = (a: readonly ResolvedSource[]): ResolvedSource[] => [...a, ...extra.filter((x) => !a.some((y) => y.id === x.id))];
  if (e.statement !== undefined) {
    const s = doc.statements?.find((x) => x.id === e.statement);
    return {
      kind: "statement", id: e.statement,
      ...(s ? { quote: e.quote ?? s.quote, actors: [s.speaker], date: s.date, title: kindsOf(s).join("/") } : {}),
      ...(e.note !== undefined ? { note: e.note } : {}), ...(e.page !== undefined ? { page: e.page } : {}),
      sources: merge(s ? resolveSources(doc, s.sources) : []),
    };
  }
  if (e.event !== undefined) {
    const ev = doc.events?.find((x) => x.id === e.event);
    return {
      kind: "event", id: e.event, ...own,
      ...(ev ? { actors: ev.participants ?? ev.by ?? [], date: ev.date, title: ev.title } : {}),
      sources: merge(ev ? resolveSources(doc, ev.sources) : []),
    };
  }
  if (e.document !== undefined) {
    const d = doc.documents?.find((x) => x.id === e.document);
    return {
      kind: "document", id: e.document, ...own,
      ...(d ? { actors: asList(d.author), date: d.date, title: d.title } : {}),
      sources: merge(d ? resolveSources(doc, d.sources) : []),
    };
  }
  if (e.source !== undefined) return { kind: "source", id: e.source, ...own, sources: extra };
  return { kind: "note", ...own, sources: [] };
}
