/**
 * The brief as plain text for a terminal: the title and the bottom line first, so the
 * answer is on the first screen; then the rest of the brief; then the sources it cites,
 * numbered as in the full report. Lines are wrapped to `width` columns; citations are
 * the sources' numbers in brackets ("[1, 33]").
 */
import { HOLD_WORDS, sourceMeta } from "../phrases.js";
import { MORE } from "../settlement-render.js";
import { packageSentence } from "../settlement.js";
import type { BriefData, Claim, Cite, Holdings, SourceEntry } from "../types.js";
import { countWords, dateWords, joinWords, shortLabel } from "../words.js";

export interface BriefTextOptions {
  /** Columns to wrap to; default 80. */
  readonly width?: number;
  /** Where the full report is (an address, or the command that writes it), named after the closing paragraph. */
  readonly reportHref?: string;
}

/** Words wrapped to `width` columns; the first line starts with `first`, the others with `rest` (both counted). */
export function wrapWords(text: string, width: number, first = "", rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (!empty && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = rest + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd());
}

/** The sources' numbers in one bracket, ascending: " [1, 33]"; empty without sources. */
function citeNumbers(list: readonly Cite[], sources: ReadonlyMap<string, SourceEntry>): string {
  const ns = [...new Set(list.map((c) => c.source))].flatMap((id) => sources.get(id)?.n ?? []).sort((a, b) => a - b);
  return ns.length ? ` [${ns.join(", ")}]` : "";
}

/** How each outcome differs from today, one line each: what is taken there, then what no longer is. */
function holdingsLines(h: Holdings): string[] {
  // Mid-sentence, "The US and EU …" reads "the US and EU …".
  const label = (text: string): string => text.replace(/^The /, "the ");
  // An option with alternatives reads as the alternative chosen (its phrase); at its first alternative it reads as not taken.
  const phrase = (r: Holdings["rows"][number], k: number): string | undefined =>
    r.phrases ? (r.phrases[k] ?? undefined) : r.values[k] ? r.label : undefined;
  return h.columns.map((col, k) => {
    const title = `${shortLabel(col.title)} — ${HOLD_WORDS[col.holds]}`;
    if (k === 0) {
      const taken = h.rows.flatMap((r) => phrase(r, 0) ?? []).map(label);
      return `${title}: ${taken.length ? joinWords(taken) : "no party has taken any of its choices"}.`;
    }
    const changed = h.rows.filter((r) => r.values[k] !== r.values[0]);
    const added = changed.flatMap((r) => phrase(r, k) ?? []).map(label);
    const dropped = changed.filter((r) => phrase(r, k) === undefined).flatMap((r) => phrase(r, 0) ?? []).map(label);
    const parts = [...(added.length ? [added.join("; ")] : []), ...(dropped.length ? [`no longer: ${joinWords(dropped)}`] : [])];
    return `${title}: ${parts.length ? parts.join("; ") : "as today"}.`;
  });
}

export function renderBriefText(b: BriefData, options: BriefTextOptions = {}): string {
  const width = Math.max(40, options.width ?? 80);
  const sources = new Map(b.sources.map((s) => [s.id, s]));
  const claim = (c: Claim): string => `${c.text}${citeNumbers(c.cites, sources)}`;
  const o: string[] = [];
  const para = (text: string, first = "", rest = first): void => void o.push(...wrapWords(text, width, first, rest));
  const heading = (text: string): void => void o.push("", text.toUpperCase());

  para(b.title);
  o.push(`A Concord brief${b.asOfWords !== undefined ? ` · as of ${b.asOfWords}` : ""}`);
  // The answer, compact, so that it fits on the first screen.
  heading("Bottom line");
  for (const c of b.bottomLine) para(claim(c), "- ", "  ");

  heading("What to expect next");
  if (b.next.length === 0) para(b.nextNone ? claim(b.nextNone) : "The model gives no status quo, so Concord cannot say what comes next.");
  b.next.forEach((m, i) => m.claims.forEach((c, k) => para(claim(c), k === 0 ? `${i + 1}. ` : "   ", "   ")));
  if (b.targets.length) {
    heading("The named outcomes");
    for (const t of b.targets) para(claim(t.claim), "- ", "  ");
  }
  if (b.holdings) {
    heading("Who holds what");
    for (const line of holdingsLines(b.holdings)) para(line, "- ", "  ");
  }
  if (b.settlement) {
    heading(b.settlement.title);
    para(b.settlement.summary);
    for (const p of b.settlement.accepted) para(packageSentence(b.settlement, p), "- ", "  ");
    if (b.settlement.more) para(MORE(b.settlement.more), "- ", "  ");
  }
  heading("Who is waiting on whom");
  if (b.waiting.length === 0) para("Nothing handed over is waiting for an answer.");
  for (const c of b.waiting) para(claim(c), "- ", "  ");
  if (b.waitingMore) para(`and ${countWords(b.waitingMore, "more item")} in the full report.`, "- ", "  ");
  heading("Deadlines");
  if (b.deadlines.length === 0) para("No deadline lies ahead in the record.");
  for (const c of b.deadlines) para(claim(c), "- ", "  ");
  if (b.since) {
    heading(`What changed since ${b.since.since}`);
    for (const c of b.since.answer) para(claim(c), "- ", "  ");
    const shown = b.since.entries.slice(-8);
    for (const e of shown) para(`${dateWords(e.date)}: ${e.type === "statement" ? `“${e.title}”` : e.title}${citeNumbers(e.cites, sources)}`, "- ", "  ");
    if (b.since.entries.length > shown.length) para(`… and ${countWords(b.since.entries.length - shown.length, "earlier entry", "earlier entries")} since then.`, "- ", "  ");
    for (const c of b.since.statusChanges) para(`${c.title}: ${c.then} then, ${c.now} now${citeNumbers(c.cites, sources)}`, "- ", "  ");
  }
  heading("How this was worked out");
  para(b.method.text);
  if (options.reportHref !== undefined) para(`The full report: ${options.reportHref}`);
  if (b.sources.length) {
    heading("Sources");
    const pad = String(Math.max(...b.sources.map((s) => s.n))).length + 2;
    for (const s of b.sources) {
      para(`${sourceMeta(s) || s.title}: ${s.title}${s.url !== undefined ? ` <${s.url}>` : ""}`, `[${s.n}]`.padEnd(pad + 1), " ".repeat(pad + 1));
    }
  }
  return o.join("\n") + "\n";
}
