/**
 * The brief as GitHub-flavoured Markdown: a section of the full Markdown report, or a
 * file of its own with its sources. Citations link to the sources' anchors; the
 * picture is an SVG file beside it. Every text from the scenario is escaped.
 */
import { escapeMarkdown as md } from "../escape.js";
import { HOLD_WORDS, sourceMeta } from "../phrases.js";
import { settlementBriefMarkdown } from "../settlement-render.js";
import type { BriefData, Cite, Claim, Holdings, SourceEntry } from "../types.js";
import { countWords, dateWords, shortLabel } from "../words.js";

export interface BriefFiles {
  readonly paths?: string;
}

/** Citations as one bracket of linked numbers: \[[3](#src-a), [7](#src-b)\]. */
export function citeGroupMd(list: readonly Cite[], sources: ReadonlyMap<string, SourceEntry>): string {
  const found = [...new Set(list.map((c) => c.source))].flatMap((id) => sources.get(id) ?? []).sort((a, b) => a.n - b.n);
  return found.length ? ` \\[${found.map((s) => `[${s.n}](#src-${s.id})`).join(", ")}\\]` : "";
}

export function holdingsMarkdown(h: Holdings): string {
  const head = ["Who", "Holds the choice", ...h.columns.map((c) => `${md(shortLabel(c.title))} — ${HOLD_WORDS[c.holds]}`)];
  const rows = h.rows.map((r) => [md(r.dm), md(r.label), ...r.values.map((v, k) => `${typeof v === "string" ? md(v) : v ? "✓ yes" : "– no"}${k > 0 && v !== r.values[0] ? " **(changed)**" : ""}`)]);
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** The brief's body under headings of level `h` (3 inside the report, 2 on its own). */
export function briefMarkdownBody(b: BriefData, files: BriefFiles, sources: ReadonlyMap<string, SourceEntry>, h: 2 | 3, reportHref = ""): string[] {
  const H = "#".repeat(h);
  const claim = (c: Claim): string => `${md(c.text)}${citeGroupMd(c.cites, sources)}`;
  const o: string[] = [];
  o.push(`${H} Bottom line`, "");
  for (const c of b.bottomLine) o.push(`> ${claim(c)}`, ">");
  if (b.bottomLine.length) o.pop();
  o.push("");
  if (files.paths !== undefined) {
    o.push(`![Paths from today to where moves lead and to the named outcomes](${files.paths})`, "");
    o.push("*From today's situation: where moves that each improve the mover's position lead, and the shortest ways to the named outcomes. A dashed red step (✕) is one a party would rather not take.*", "");
  }
  o.push(`${H} What to expect next`, "");
  if (b.next.length === 0) o.push(b.nextNone ? claim(b.nextNone) : "The model gives no status quo, so Concord cannot say what comes next.", "");
  b.next.forEach((m, i) => {
    m.claims.forEach((c, k) => o.push(k === 0 ? `${i + 1}. **${claim(c)}**` : `   ${claim(c)}`));
  });
  if (b.next.length) o.push("");
  if (b.targets.length) {
    o.push(`${H}# The named outcomes`, "");
    for (const t of b.targets) o.push(`- ${claim(t.claim)}`);
    o.push("");
  }
  if (b.holdings) o.push(`${H} Who holds what`, "", holdingsMarkdown(b.holdings), "");
  if (b.settlement) o.push(...settlementBriefMarkdown(b.settlement, h));
  o.push(`${H} Who is waiting on whom`, "");
  if (b.waiting.length === 0) o.push("Nothing handed over is waiting for an answer.", "");
  else {
    for (const c of b.waiting) o.push(`- ${claim(c)}`);
    if (b.waitingMore) o.push(`- [${countWords(b.waitingMore, "more item")}](${reportHref}#waiting)`);
    o.push("");
  }
  o.push(`${H} Deadlines`, "");
  if (b.deadlines.length === 0) o.push("No deadline lies ahead in the record.", "");
  else o.push(...b.deadlines.map((c) => `- ${claim(c)}`), "");
  if (b.since) {
    o.push(`${H} What changed since ${b.since.since}`, "", ...b.since.answer.flatMap((c) => [claim(c), ""]));
    for (const e of b.since.entries.slice(-8)) o.push(`- ${md(dateWords(e.date))}: ${e.type === "statement" ? `“${md(e.title)}”` : md(e.title)}${citeGroupMd(e.cites, sources)}`);
    if (b.since.entries.length > 8) o.push(`- … and ${countWords(b.since.entries.length - 8, "earlier entry", "earlier entries")} since then`);
    for (const c of b.since.statusChanges) o.push(`- ${md(c.title)}: ${md(c.then)} then, ${md(c.now)} now${citeGroupMd(c.cites, sources)}`);
    o.push("");
  }
  o.push(`${H} How this was worked out`, "", `${md(b.method.text)} [The process](${reportHref}#process) · [the model](${reportHref}#model) · [the analysis in detail](${reportHref}#analysis).`, "");
  return o;
}

/** The brief as a Markdown file of its own. */
export function renderBriefMarkdown(b: BriefData, files: BriefFiles = {}, options: { reportHref?: string } = {}): string {
  const sources = new Map(b.sources.map((s) => [s.id, s]));
  const o: string[] = [`# ${md(b.title)}`, "", `*A Concord brief${b.asOfWords !== undefined ? ` · as of ${md(b.asOfWords)}` : ""}*`, ""];
  o.push(...briefMarkdownBody(b, files, sources, 2, options.reportHref ?? ""));
  if (b.sources.length) {
    o.push("## Sources", "");
    // A bullet list: the numbers are the full report's, not 1, 2, 3 (Markdown would renumber an ordered list).
    for (const s of b.sources) o.push(`- \\[${s.n}\\] <a id="src-${s.id}"></a>${md(sourceMeta(s) || s.title)}: ${md(s.title)}${s.url !== undefined ? ` <${s.url}>` : ""}`);
    o.push("");
  }
  return o.join("\n");
}
