/** HTML pieces the report and the brief share: citations, quotes, notes, evidence. Every text is escaped. */
import { escapeXml as esc } from "./escape.js";
import { sourceMeta } from "./phrases.js";
import type { Cite, Claim, EvidenceEntry, SourceEntry } from "./types.js";
import { dateWords, joinWords } from "./words.js";

export interface HtmlKit {
  /** One citation: its number linked to the sources list, and ↗ to the source itself. */
  cite(c: Cite): string;
  cites(list: readonly Cite[]): string;
  /** Citations as one compact bracket, sorted by number: [3, 7, 12]. */
  citeGroup(list: readonly Cite[]): string;
  quotes(list: readonly Cite[]): string;
  note(text: string | undefined): string;
  evidence(list: readonly EvidenceEntry[]): string;
  /** A sentence of the brief with its citations and a link to where it comes from in the report. */
  claim(c: Claim): string;
}

/**
 * `reportHref`: where the full report is ("" = this page); undefined = nowhere, so a
 * brief on its own without a report links only to its sources.
 */
export function htmlKit(sources: readonly SourceEntry[], reportHref?: string): HtmlKit {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const cite = (c: Cite): string => {
    const s = byId.get(c.source);
    if (!s) return `<span class="cite">[${esc(c.source)}]</span>`;
    const ext = s.url !== undefined ? `<a class="ext" href="${esc(s.url)}" rel="noreferrer" title="open the source">↗</a>` : "";
    return `<a class="cite" href="#src-${esc(s.id)}" title="${esc(citeTitle(s))}">[${s.n}]</a>${ext}`;
  };
  const cites = (list: readonly Cite[]): string => list.map(cite).join("");
  const citeGroup = (list: readonly Cite[]): string => {
    const found = [...new Set(list.map((c) => c.source))].flatMap((id) => byId.get(id) ?? []).sort((a, b) => a.n - b.n);
    if (found.length === 0) return "";
    return ` <span class="cites">[${found.map((s) => `<a href="#src-${esc(s.id)}" title="${esc(citeTitle(s))}">${s.n}</a>`).join(", ")}]</span>`;
  };
  const quotes = (list: readonly Cite[]): string => {
    const qs = [...new Set(list.filter((c) => c.quote !== undefined).map((c) => c.quote!))];
    return qs.map((q) => ` <q class="src-quote">${esc(q)}</q>`).join("");
  };
  const note = (text: string | undefined): string => (text === undefined ? "" : ` <span class="note">${esc(text)}</span>`);
  const evidenceItem = (e: EvidenceEntry): string => {
    const q = e.quote !== undefined ? ` <q class="src-quote">${esc(e.quote)}</q>` : "";
    const who = e.actors.length ? esc(joinWords([...e.actors])) : "";
    const when = e.date !== undefined ? esc(dateWords(e.date)) : "";
    let lead: string;
    if (e.kind === "statement") lead = `Said by ${who || "?"}${when ? ` (${when}${e.title ? `, ${esc(e.title)}` : ""})` : ""}:`;
    else if (e.kind === "event") lead = `Event: ${esc(e.title ?? e.id ?? "")}${when ? ` (${when})` : ""}`;
    else if (e.kind === "document") lead = `Document: ${esc(e.title ?? e.id ?? "")}${when ? ` (${when})` : ""}`;
    else if (e.kind === "source") lead = "Source:";
    else lead = "";
    const page = e.page !== undefined ? ` p. ${esc(e.page)}` : "";
    return `${lead}${q}${cites(e.cites)}${page}${note(e.note)}`;
  };
  const evidence = (list: readonly EvidenceEntry[]): string => (list.length === 0 ? "" : `<ul class="evidence">${list.map((e) => `<li>${evidenceItem(e)}</li>`).join("")}</ul>`);
  const ref = (c: Claim): string =>
    reportHref === undefined || c.refs.length === 0 ? "" : ` <a class="ref" href="${esc(`${reportHref}#${c.refs[0]!}`)}" title="where this comes from in the report">→</a>`;
  const claim = (c: Claim): string => `${esc(c.text)}${citeGroup(c.cites)}${ref(c)}`;
  return { cite, cites, citeGroup, quotes, note, evidence, claim };
}

export function citeTitle(s: SourceEntry): string {
  const meta = sourceMeta(s);
  return meta ? `${s.title} — ${meta}` : s.title;
}

/** Paragraphs of a text, split at blank lines. */
export function paragraphs(text: string, cls = ""): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p${cls ? ` class="${cls}"` : ""}>${esc(p)}</p>`)
    .join("\n");
}

/** A table that scrolls sideways on a narrow screen instead of widening the page. */
export function scrollTable(html: string): string {
  return `<div class="scroll">${html}</div>`;
}

/** A collapsible block: the summary stays visible, the rest opens on demand. */
export function details(summary: string, body: string, id?: string): string {
  return `<details${id !== undefined ? ` id="${esc(id)}"` : ""}><summary>${summary}</summary>${body}</details>`;
}
