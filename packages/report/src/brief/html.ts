/**
 * The brief as HTML: a section of the full report, or a page of its own that prints
 * on at most two A4 pages. Plain words, every sentence with its sources.
 */
import { escapeXml as esc } from "../escape.js";
import { settlementBriefHtml } from "../settlement-render.js";
import { details, htmlKit, scrollTable, type HtmlKit } from "../html-kit.js";
import { HOLD_WORDS, sourceMeta } from "../phrases.js";
import { BRIEF_PRINT_CSS, REPORT_CSS } from "../style.js";
import type { BriefData, Holdings, SourceEntry } from "../types.js";
import { countWords, dateWords, shortLabel } from "../words.js";
import { withContentSecurityPolicy } from "../csp.js";

export interface BriefPictures {
  /** The paths from today to where moves lead and to the named outcomes (SVG). */
  readonly paths?: string;
}

export interface BriefHtmlOptions {
  /** Where the full report is, for the links of the method paragraph; absent = the same page (the brief is part of the report). */
  readonly reportHref?: string;
}

/**
 * Who holds what: a row per option under its decision maker, a column per outcome, changes
 * from today marked. Choices that are the same in every column follow in a collapsed table
 * of their own, so that the page shows first what differs between the outcomes.
 */
export function holdingsHtml(h: Holdings, caption: string): string {
  const head = `<thead><tr><th scope="col">Choice</th>${h.columns.map((c) => `<th scope="col">${esc(shortLabel(c.title))}<span class="hold hold-${c.holds}">${esc(HOLD_WORDS[c.holds])}</span></th>`).join("")}</tr></thead>`;
  const same = (r: Holdings["rows"][number]): boolean => r.values.every((v) => v === r.values[0]);
  const varying = h.rows.filter((r) => !same(r));
  const fixed = h.rows.filter(same);
  const table = (rows: Holdings["rows"], cap: string, cls: string): string =>
    scrollTable(`<table class="holdings${cls}"><caption>${esc(cap)}</caption>${head}<tbody>${holdingRows(rows, h.columns.length)}</tbody></table>`);
  if (varying.length === 0 || fixed.length === 0) return table(h.rows, caption, "");
  const n = countWords(fixed.length, "choice");
  return table(varying, caption, "") + details(`${esc(n)} the same in every column`, table(fixed, `${n} that no column changes.`, " same"));
}

function holdingRows(rows: Holdings["rows"], columns: number): string {
  const out: string[] = [];
  rows.forEach((r, i) => {
    if (i === 0 || rows[i - 1]!.dmIndex !== r.dmIndex) {
      out.push(`<tr class="dm-row"><th scope="rowgroup" colspan="${columns + 1}"><span class="swatch dm-bg-${r.dmIndex % 7}"></span>${esc(r.dm)}</th></tr>`);
    }
    const cells = r.values
      .map((v, k) => {
        const changed = k > 0 && v !== r.values[0];
        const cell = typeof v === "string" ? esc(v) : v ? "✓ yes" : "– no";
        return `<td class="${typeof v === "string" ? "alternative" : v ? "yes" : "no"}${changed ? " changed" : ""}">${cell}${changed ? '<span class="visually-hidden"> (changed from today)</span>' : ""}</td>`;
      })
      .join("");
    out.push(`<tr><td>${esc(r.label)}${r.oneWay === "toY" ? ' <span class="muted" title="once taken, cannot be undone">(for good)</span>' : ""}</td>${cells}</tr>`);
  });
  return out.join("");
}

/** The brief's body: headings from `level` down (2 inside the report, 2 on its own page under the title). */
export function briefBody(b: BriefData, pictures: BriefPictures, kit: HtmlKit, options: BriefHtmlOptions = {}): string {
  const o: string[] = [];
  const href = (anchor: string): string => `${options.reportHref ?? ""}#${anchor}`;
  o.push(`<div class="bottom-line" id="bottom-line"><h3>Bottom line</h3>${b.bottomLine.map((c) => `<p>${kit.claim(c)}</p>`).join("")}</div>`);
  if (pictures.paths) {
    o.push(
      `<figure class="paths">${scrollFigure(pictures.paths)}<figcaption>From today's situation: where moves that each improve the mover's position lead, and the shortest ways to the named outcomes. A dashed red step (✕) is one a party would rather not take; each box says how the outcome differs from today and whether it would hold.</figcaption></figure>`,
    );
  }
  o.push('<h3 id="next">What to expect next</h3>');
  if (b.next.length === 0) o.push(`<p>${b.nextNone ? kit.claim(b.nextNone) : "The model gives no status quo, so Concord cannot say what comes next."}</p>`);
  else o.push(`<ol class="moves">${b.next.map((m) => `<li>${m.claims.map((c, i) => `<p${i === 0 ? ' class="lead"' : ""}>${kit.claim(c)}</p>`).join("")}</li>`).join("")}</ol>`);
  if (b.targets.length > 0) {
    o.push(`<div class="targets-detail"><h4>The named outcomes</h4><ul class="targets">${b.targets.map((t) => `<li>${kit.claim(t.claim)}</li>`).join("")}</ul></div>`);
  }
  if (b.holdings) o.push('<h3 id="holdings">Who holds what</h3>', holdingsHtml(b.holdings, "Each party's choices: today, where moves lead, and in each named outcome as it would settle. Bold cells differ from today."));
  if (b.settlement) o.push(settlementBriefHtml(b.settlement));
  o.push('<h3 id="waiting-now">Who is waiting on whom</h3>');
  o.push(
    b.waiting.length
      ? `<ul>${b.waiting.map((c) => `<li>${kit.claim(c)}</li>`).join("")}${b.waitingMore ? `<li><a href="${esc(href("waiting"))}">${esc(countWords(b.waitingMore, "more item"))}</a></li>` : ""}</ul>`
      : "<p>Nothing handed over is waiting for an answer.</p>",
  );
  o.push('<h3 id="deadlines-now">Deadlines</h3>');
  o.push(b.deadlines.length ? `<ul>${b.deadlines.map((c) => `<li>${kit.claim(c)}</li>`).join("")}</ul>` : "<p>No deadline lies ahead in the record.</p>");
  if (b.since) {
    const s = b.since;
    o.push(`<h3 id="since">What changed since ${esc(s.since)}</h3>`, ...s.answer.map((c) => `<p>${kit.claim(c)}</p>`));
    if (s.entries.length) {
      const shown = s.entries.slice(-8);
      o.push(
        `<ul class="since">${shown.map((e) => `<li>${esc(dateWords(e.date))}: ${e.type === "statement" ? `“${esc(e.title)}”` : esc(e.title)}${kit.citeGroup(e.cites)}</li>`).join("")}${s.entries.length > shown.length ? `<li>… and ${esc(countWords(s.entries.length - shown.length, "earlier entry", "earlier entries"))} since then (see <a href="${esc(href("timeline"))}">the timeline</a>)</li>` : ""}</ul>`,
      );
    }
    if (s.statusChanges.length) o.push(`<ul>${s.statusChanges.map((c) => `<li>${esc(c.title)}: ${esc(c.then)} then, ${esc(c.now)} now${kit.citeGroup(c.cites)}</li>`).join("")}</ul>`);
  }
  o.push('<h3 id="method">How this was worked out</h3>');
  o.push(`<p>${esc(b.method.text)} <a href="${esc(href("process"))}">The process</a> · <a href="${esc(href("model"))}">the model</a> · <a href="${esc(href("analysis"))}">the analysis in detail</a>.</p>`);
  return o.join("\n");
}

function scrollFigure(svg: string): string {
  return `<div class="scroll figure-scroll">${svg}</div>`;
}

/** The brief's sources, compact: number, publisher or author, date, linked. */
export function briefSourcesHtml(sources: readonly SourceEntry[]): string {
  return `<ol class="brief-sources">${sources
    .map((s) => {
      const meta = sourceMeta(s) || s.title;
      const title = `<span class="src-title">${esc(s.title)}</span>`;
      const link = s.url !== undefined ? `<a href="${esc(s.url)}" rel="noreferrer">${esc(meta)}</a>` : esc(meta);
      return `<li id="src-${esc(s.id)}" value="${s.n}">${link}. ${title}</li>`;
    })
    .join("")}</ol>`;
}

/** The brief as a page of its own (what `concord brief` writes). */
export function renderBriefHtml(b: BriefData, pictures: BriefPictures = {}, options: BriefHtmlOptions = {}): string {
  const kit = htmlKit(b.sources, options.reportHref);
  const out: string[] = [];
  out.push("<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(b.title)} — Concord brief</title>`, `<style>${REPORT_CSS}${BRIEF_PRINT_CSS}</style>`, "</head>", '<body class="brief-page">', "<main>");
  out.push(`<header><h1>${esc(b.title)}</h1><p class="meta">A Concord brief${b.asOfWords !== undefined ? ` · as of ${esc(b.asOfWords)}` : ""}${options.reportHref !== undefined ? ` · <a href="${esc(options.reportHref)}">the full report</a>` : ""}</p></header>`);
  out.push('<section id="brief" class="brief">', briefBody(b, pictures, kit, options), "</section>");
  if (b.sources.length) out.push('<section id="brief-sources"><h3>Sources</h3>', briefSourcesHtml(b.sources), "</section>");
  out.push("</main>", "</body>", "</html>", "");
  return withContentSecurityPolicy(out.join("\n"));
}
