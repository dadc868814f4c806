/** Citations: the sources list and references into it. */
import { resolveEvidence, resolveSources, type Citation, type Evidence, type NegotiationRecord } from "@concord/core";
import type { Cite, EvidenceEntry, SourceEntry } from "./types.js";

/** The scenario's sources, numbered in document order. */
export function sourceList(record: NegotiationRecord): SourceEntry[] {
  return record.sources.map((s, i) => {
    const author = s.author === undefined ? undefined : typeof s.author === "string" ? s.author : s.author.join(", ");
    const url = s.address === undefined ? undefined : /^https?:\/\/[^\s<>"]+/.exec(s.address)?.[0];
    return {
      id: s.id,
      n: i + 1,
      title: s.title,
      ...(s.publisher !== undefined ? { publisher: s.publisher } : {}),
      ...(author !== undefined ? { author } : {}),
      ...(s.date !== undefined ? { date: s.date.text } : {}),
      ...(s.address !== undefined ? { address: s.address } : {}),
      ...(url !== undefined ? { url } : {}),
      ...(s.language !== undefined ? { language: s.language } : {}),
      ...(s.note !== undefined ? { note: s.note } : {}),
    };
  });
}

/** The citations of an entry's `sources`. */
export function citesOf(record: NegotiationRecord, citations: readonly Citation[] | undefined): Cite[] {
  return resolveSources(record, citations ?? []).map((s) => ({ source: s.id, ...(s.quote !== undefined ? { quote: s.quote } : {}), ...(s.page !== undefined ? { page: s.page } : {}) }));
}

/** Evidence of a modelling choice, looked up in the record, with actor names. */
export function evidenceOf(record: NegotiationRecord, list: readonly Evidence[], name: (id: string) => string): EvidenceEntry[] {
  return list.map((e) => {
    const r = resolveEvidence(record, e);
    return {
      kind: r.kind,
      ...(r.id !== undefined ? { id: r.id } : {}),
      ...(r.quote !== undefined ? { quote: r.quote } : {}),
      ...(r.note !== undefined ? { note: r.note } : {}),
      ...(r.page !== undefined ? { page: r.page } : {}),
      actors: (r.actors ?? []).map(name),
      ...(r.date !== undefined ? { date: r.date } : {}),
      ...(r.title !== undefined ? { title: r.title } : {}),
      cites: r.sources.map((s) => ({ source: s.id, ...(s.quote !== undefined ? { quote: s.quote } : {}), ...(s.page !== undefined ? { page: s.page } : {}) })),
    };
  });
}
