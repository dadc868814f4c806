/** The report's stylesheet, inlined in the HTML (no external fonts or files). */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif; line-height: 1.5; color: #1b1b1b; background: #fff; margin: 0; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.8rem; margin: 1.5rem 0 .25rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .5rem; border-bottom: 2px solid #ddd; padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
p.meta, .muted { color: #555; }
p.question { font-size: 1.15rem; background: #f3f6fb; border-left: 4px solid #1f5fa8; padding: .6rem .9rem; }
nav ol { columns: 2; padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .93rem; }
th, td { border: 1px solid #d6d6d6; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; background: #f4f4f4; padding: 0 .2em; }
q.src-quote, .quote { color: #333; font-style: italic; }
.note { color: #444; font-size: .93rem; }
.note::before { content: "Note: "; font-weight: 600; }
ul.evidence { font-size: .93rem; margin: .2rem 0 .6rem; padding-left: 1.2rem; }
ul.evidence > li { margin: .15rem 0; }
a.cite { text-decoration: none; font-size: .85em; vertical-align: super; line-height: 0; margin-left: .1em; }
a.ext { text-decoration: none; font-size: .8em; margin-left: .1em; }
.stable { color: #1b5e20; font-weight: 600; }
.unstable { color: #b71c1c; font-weight: 600; }
.tag { display: inline-block; font-size: .8rem; border: 1px solid #999; border-radius: .7rem; padding: 0 .5rem; margin-left: .3rem; vertical-align: middle; }
.eq { border: 1px solid #ddd; border-radius: 6px; padding: .2rem .9rem .4rem; margin: .8rem 0; }
figure { margin: 1rem 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: #444; margin-top: .3rem; }
.inactive-title { text-decoration: line-through; }
ol.sources > li { margin: .35rem 0; }
ol.sources > li:target { background: #fff8d6; }
.explain { white-space: normal; margin: .2rem 0 .5rem; }
footer { margin-top: 3rem; font-size: .85rem; color: #666; }
@media print {
  nav, a.ext { display: none; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .eq, tr { break-inside: avoid; }
  ol.sources a[href]::after { content: " <" attr(href) ">"; font-size: .85em; }
  a { color: inherit; }
}
`;
