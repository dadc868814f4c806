/**
 * The stylesheets, inlined in the HTML (no external fonts or files): light and dark
 * (prefers-color-scheme), usable from 375 pixels wide (tables and pictures scroll
 * sideways inside their box, never the page), and a print layout.
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #555; --rule: #d6d6d6; --soft: #f3f4f6; --accent: #1f5fa8; --accent-bg: #eef3fb; --quote: #333; --yes: #1b5e20; --no: #b71c1c; --warn: #8a5a00; --changed: #fff3c4; --link: #0b57b0; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e8; --bg: #121416; --muted: #a8adb3; --rule: #3a3f45; --soft: #1d2125; --accent: #6ea8fe; --accent-bg: #17243a; --quote: #d0d0d0; --yes: #81c784; --no: #ef9a9a; --warn: #f5b942; --changed: #4a3f10; --link: #8ab4f8; }
}
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif; line-height: 1.5; color: var(--fg); background: var(--bg); margin: 0; overflow-wrap: break-word; }
a { color: var(--link); }
main { max-width: 62rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 .25rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 .5rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1.12rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
p.meta, .muted { color: var(--muted); }
p.question { font-size: 1.08rem; background: var(--accent-bg); border-left: 4px solid var(--accent); padding: .6rem .9rem; }
nav.toc { font-size: .9rem; border: 1px solid var(--rule); border-radius: 6px; padding: .3rem .8rem; margin: .6rem 0; }
nav.toc ol { margin: 0; padding-left: 1.3rem; }
nav.toc ul { display: inline; margin: 0; padding: 0; }
nav.toc ul > li { display: inline; }
nav.toc ul > li::before { content: " · "; color: var(--muted); }
nav.toc ul > li:first-child::before { content: ": "; }
.scroll { overflow-x: auto; max-width: 100%; position: relative; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .93rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
caption { text-align: left; font-size: .9rem; color: var(--muted); padding-bottom: .3rem; }
td.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; background: var(--soft); padding: 0 .2em; overflow-wrap: anywhere; }
q.src-quote, .quote { color: var(--quote); font-style: italic; }
.note { color: var(--muted); font-size: .93rem; }
.note::before { content: "Note: "; font-weight: 600; }
ul.evidence { font-size: .93rem; margin: .2rem 0 .6rem; padding-left: 1.2rem; }
ul.evidence > li { margin: .15rem 0; }
a.cite { text-decoration: none; font-size: .85em; vertical-align: super; line-height: 0; margin-left: .1em; }
a.ext { text-decoration: none; font-size: .8em; margin-left: .1em; }
.cites { font-size: .8em; color: var(--muted); white-space: normal; }
.cites a, a.ref { text-decoration: none; }
a.ref { font-size: .85em; }
.stable { color: var(--yes); font-weight: 600; }
.unstable { color: var(--no); font-weight: 600; }
.tag { display: inline-block; font-size: .8rem; border: 1px solid var(--muted); border-radius: .7rem; padding: 0 .5rem; margin-left: .3rem; vertical-align: middle; }
.tag.estimate { border-color: var(--warn); color: var(--warn); }
.eq, .group { border: 1px solid var(--rule); border-radius: 6px; padding: .2rem .9rem .4rem; margin: .8rem 0; }
figure { margin: 1rem 0; }
figure svg { display: block; max-width: 100%; height: auto; }
/* On a phone a picture keeps a readable size and scrolls sideways inside its box. */
.figure-scroll svg { min-width: 46rem; }
.figure-scroll svg.timeline-chart { min-width: 56rem; }
figcaption { font-size: .9rem; color: var(--muted); margin-top: .3rem; }
.inactive-title { text-decoration: line-through; }
details { margin: .5rem 0; }
details > summary { cursor: pointer; font-weight: 600; padding: .2rem 0; }
details[open] > summary { margin-bottom: .3rem; }
ol.sources { columns: 2 20rem; column-gap: 2rem; font-size: .85rem; line-height: 1.35; padding-left: 2.2rem; }
ol.sources > li { margin: 0 0 .3rem; break-inside: avoid; }
.src-note { color: var(--muted); font-size: .92em; }
ul.compact { font-size: .9rem; columns: 2 20rem; }
table.groups td.pattern { font-size: .88rem; }
ol.sources > li:target, li:target, tr:target { background: var(--changed); }
.explain { white-space: normal; margin: .2rem 0 .5rem; }
dl.glossary dt { font-weight: 600; margin-top: .4rem; }
dl.glossary dd { margin-left: 1.2rem; }
footer { margin-top: 3rem; font-size: .85rem; color: var(--muted); }
.brief .bottom-line { background: var(--accent-bg); border-left: 4px solid var(--accent); padding: .2rem 1rem .4rem; margin: .6rem 0 1rem; }
.brief .bottom-line h3 { margin-top: .6rem; }
.brief .bottom-line p { margin: .45rem 0; }
.brief ol.moves > li { margin-bottom: .6rem; }
.brief ol.moves p { margin: .15rem 0; }
.brief ol.moves p.lead { font-weight: 600; }
table.holdings td.yes { color: var(--yes); }
table.holdings td.no { color: var(--muted); }
table.holdings td.changed { background: var(--changed); font-weight: 700; }
table.holdings th .hold { display: block; font-weight: 400; font-size: .8rem; color: var(--muted); }
table.holdings tr.dm-row th { background: none; border-left: 0; border-right: 0; padding-top: .5rem; }
table.holdings td:not(:first-child) { white-space: nowrap; }
table.holdings thead th:not(:first-child) { min-width: 7.5rem; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .35em; vertical-align: -.05em; }
.dm-bg-0 { background: #0072B2; } .dm-bg-1 { background: #D55E00; } .dm-bg-2 { background: #009E73; } .dm-bg-3 { background: #CC79A7; } .dm-bg-4 { background: #E69F00; } .dm-bg-5 { background: #56B4E9; } .dm-bg-6 { background: #000; }
@media (prefers-color-scheme: dark) { .dm-bg-0 { background: #5AAEE8; } .dm-bg-1 { background: #FF8A4C; } .dm-bg-2 { background: #33CC99; } .dm-bg-3 { background: #E8A0C8; } .dm-bg-4 { background: #F5B942; } .dm-bg-5 { background: #8FD0F5; } .dm-bg-6 { background: #EEE; } }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
ol.brief-sources { font-size: .85rem; columns: 2 22rem; column-gap: 1.5rem; padding-left: 2.2rem; }
ol.brief-sources > li { break-inside: avoid; margin-bottom: .2rem; }
@media (max-width: 40rem) {
  main { padding: .6rem .8rem 2rem; }
  nav.toc ul { display: none; }
  h1 { font-size: 1.35rem; }
  h2 { font-size: 1.2rem; }
  table { font-size: .85rem; }
}
@media print {
  :root { color-scheme: light; --fg: #000; --bg: #fff; --muted: #444; --rule: #bbb; --soft: #f2f2f2; --accent-bg: #f2f5fa; --changed: #fff3c4; --link: #000; }
  nav.toc, a.ext { display: none; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  figure, .eq, .group, tr { break-inside: avoid; }
  details::details-content { content-visibility: visible; }
  ol.sources a[href]::after { content: " <" attr(href) ">"; font-size: .85em; }
  a { color: inherit; }
  .scroll { overflow: visible; }
  .figure-scroll svg { min-width: 0; }
}
`;

/** The brief on its own page: compact type so it prints on at most two A4 pages. */
export const BRIEF_PRINT_CSS = `
@media print {
  @page { size: A4; margin: 12mm 13mm; }
  body.brief-page { font-size: 8.4pt; line-height: 1.28; }
  body.brief-page h1 { font-size: 13pt; margin: 0 0 .1rem; }
  body.brief-page h3 { font-size: 10pt; margin: .5rem 0 .15rem; }
  body.brief-page h4 { font-size: 9pt; margin: .35rem 0 .1rem; }
  body.brief-page p { margin: .15rem 0; }
  body.brief-page ul, body.brief-page ol { margin: .1rem 0; padding-left: 1.1rem; }
  body.brief-page .bottom-line { padding: .05rem .6rem .15rem; margin: .3rem 0 .4rem; }
  body.brief-page .bottom-line p { margin: .2rem 0; }
  body.brief-page figure { margin: .3rem 0; }
  body.brief-page figure svg { max-height: 88mm; width: auto; margin: 0 auto; }
  body.brief-page figcaption { font-size: 7.5pt; }
  body.brief-page table { font-size: 7pt; margin: .1rem 0; line-height: 1.15; }
  body.brief-page th, body.brief-page td { padding: 0 .25rem; }
  body.brief-page table.holdings thead th:not(:first-child) { min-width: 0; }
  body.brief-page table.holdings th .hold { font-size: 6.5pt; }
  body.brief-page table.holdings tr.dm-row th { padding-top: .1rem; }
  body.brief-page caption { font-size: 7pt; padding-bottom: 0; }
  body.brief-page ol.brief-sources { font-size: 6.8pt; columns: 3; padding-left: 1.6rem; }
  body.brief-page ol.brief-sources .src-title { display: none; }
  body.brief-page .cites { font-size: 7pt; }
  /* The named outcomes one by one repeat the bottom line at length: on paper the bottom line and the picture carry them. */
  body.brief-page .targets-detail { display: none; }
  /* Who holds what: on paper only the choices that differ somewhere. */
  body.brief-page details:has(> .scroll > table.holdings.same) { display: none; }
  body.brief-page table.holdings:not(.same) caption::after { content: " Choices the same in every column are left out on paper."; }
  /* What changed since: the counts and how the answer moved stay; the list of entries is the screen's (and the timeline's). */
  body.brief-page ul.since { display: none; }
  /* With what changed since, more sources are cited: the picture gives way, and the sources run on as one paragraph. */
  body.brief-page:has(#since) figure svg { max-height: 70mm; }
  body.brief-page:has(#since) ol.brief-sources { columns: auto; padding-left: 0; font-size: 6.2pt; }
  body.brief-page:has(#since) ol.brief-sources li { display: inline; }
  body.brief-page:has(#since) ol.brief-sources li::before { content: "[" attr(value) "] "; }
  body.brief-page:has(#since) ol.brief-sources li:not(:last-child)::after { content: " · "; }
}
`;
