/**
 * Citations resolved to what a reader needs: the source's title, publisher, date and
 * address, with the quote and page the entry rests on.
 */
import type { Citation, NegotiationRecord } from "./record.js";

export interface ResolvedSource {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly author?: string;
  readonly date?: string;
  readonly address?: string;
  readonly language?: string;
  readonly quote?: string;
  readonly page?: string;
}

/** The sources cited, in order; a reference to a source not in the record keeps only its id. */
export function resolveSources(record: NegotiationRecord, citations: readonly Citation[]): ResolvedSource[] {
  return citations.map((ref) => {
    const s = record.sources.find((x) => x.id === ref.source);
    const author = s?.author === undefined ? undefined : typeof s.author === "string" ? s.author : s.author.join(", ");
    return {
      id: ref.source,
      title: s?.title ?? ref.source,
      ...(s?.publisher !== undefined ? { publisher: s.publisher } : {}),
      ...(author !== undefined ? { author } : {}),
      ...(s?.date !== undefined ? { date: s.date.text } : {}),
      ...(s?.address !== undefined ? { address: s.address } : {}),
      ...(s?.language !== undefined ? { language: s.language } : {}),
      ...(ref.quote !== undefined ? { quote: ref.quote } : {}),
      ...(ref.page !== undefined ? { page: ref.page } : {}),
    };
  });
}

/** "Title (Publisher, 2023-12-07)" — one line per source for plain-text output. */
export function citeSource(s: ResolvedSource): string {
  const meta = [s.publisher, s.date].filter((x) => x !== undefined).join(", ");
  return meta === "" ? s.title : `${s.title} (${meta})`;
}
