/**
 * The frontier of treaty packages as an SVG chart (two parties): each package a dot
 * at (first party's gain, second party's gain) over no agreement, which sits at the
 * crossing of the dashed axes. Filled green: both gain and it would hold; hollow
 * amber: both gain but it would not hold as it stands; grey: one side loses. The
 * most even package is ringed and labelled. A text alternative lists every dot.
 * Light and dark mode.
 */
import { escapeXml } from "./escape.js";
import { px } from "./palette.js";
import { gainWords, type SettlementSection } from "./settlement.js";

const W = 560;
const H = 400;
const M = { left: 56, right: 20, top: 20, bottom: 62 };
const FONT = 11;

/** The chart, or undefined when there are not exactly two parties (or nothing to draw). */
export function frontierSvg(s: SettlementSection): string | undefined {
  if (s.parties.length !== 2 || s.frontier.length === 0) return undefined;
  // One dot per distinct outcome; the first package listed for it speaks for it.
  const seen = new Map<string, (typeof s.frontier)[number]>();
  for (const p of s.frontier) if (!seen.has(p.gains.join(","))) seen.set(p.gains.join(","), p);
  const dots = [...seen.values()];
  const xs = [0, ...dots.map((d) => d.gains[0]!)];
  const ys = [0, ...dots.map((d) => d.gains[1]!)];
  const pad = (lo: number, hi: number): [number, number] => {
    const span = hi - lo || 1;
    return [lo - span * 0.06, hi + span * 0.06];
  };
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs));
  const [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  const X = (v: number): number => M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const Y = (v: number): number => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const cls = (d: (typeof dots)[number]): string => (!d.acceptable ? "fr-out" : d.hold === null || d.hold === "firm" || d.hold === "deterred" ? "fr-holds" : "fr-falls");
  const marks = dots.map((d) => {
    const title = `${d.words}: ${gainWords(s.parties, d.gains)}${d.holdWords ? `; ${d.holdWords}` : ""}`;
    const ring = d.evenest ? `<circle class="fr-ring" cx="${px(X(d.gains[0]!))}" cy="${px(Y(d.gains[1]!))}" r="10" fill="none" stroke-width="1.5"/><text class="fr-label" x="${px(X(d.gains[0]!) + 13)}" y="${px(Y(d.gains[1]!) - 8)}">most even</text>` : "";
    return `<g><title>${escapeXml(title)}</title><circle class="${cls(d)}" cx="${px(X(d.gains[0]!))}" cy="${px(Y(d.gains[1]!))}" r="5.5" stroke-width="1.8"/>${ring}</g>`;
  });
  const axes = [
    `<line class="fr-axis" x1="${px(X(0))}" y1="${M.top}" x2="${px(X(0))}" y2="${H - M.bottom}" stroke-dasharray="4 3"/>`,
    `<line class="fr-axis" x1="${M.left}" y1="${px(Y(0))}" x2="${W - M.right}" y2="${px(Y(0))}" stroke-dasharray="4 3"/>`,
    `<rect class="fr-frame" x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none"/>`,
    `<text x="${px((M.left + W - M.right) / 2)}" y="${H - 30}" text-anchor="middle">${escapeXml(`${s.parties[0]}'s gain over no agreement →`)}</text>`,
    `<text transform="translate(16 ${px((M.top + H - M.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(`${s.parties[1]}'s gain over no agreement →`)}</text>`,
    `<text class="fr-label" x="${px(X(0) + 4)}" y="${px(Y(0) + 13)}">no agreement</text>`,
  ];
  // Ticks at no agreement and at the extremes of the gains.
  const ticks = (vals: readonly number[]): number[] => [...new Set([0, Math.min(...vals), Math.max(...vals)].map((v) => +v.toFixed(2)))];
  for (const v of ticks(xs)) axes.push(`<text class="fr-label" x="${px(X(v))}" y="${H - M.bottom + 14}" text-anchor="middle">${v}</text>`);
  for (const v of ticks(ys)) axes.push(`<text class="fr-label" x="${M.left - 5}" y="${px(Y(v) + 4)}" text-anchor="end">${v}</text>`);
  const legend = [
    `<circle class="fr-holds" cx="${M.left + 6}" cy="${H - 10}" r="5" stroke-width="1.8"/><text x="${M.left + 15}" y="${H - 6}">both gain, would hold</text>`,
    `<circle class="fr-falls" cx="${M.left + 160}" cy="${H - 10}" r="5" stroke-width="1.8"/><text x="${M.left + 169}" y="${H - 6}">both gain, would not hold</text>`,
    `<circle class="fr-out" cx="${M.left + 330}" cy="${H - 10}" r="5" stroke-width="1.8"/><text x="${M.left + 339}" y="${H - 6}">one side loses</text>`,
  ];
  const desc = `Packages no other package beats for both sides, by each side's gain over no agreement: ${dots.map((d) => `${gainWords(s.parties, d.gains)} (${d.acceptable ? "both gain" : "one side loses"}${d.holdWords ? `, ${d.holdWords}` : ""}${d.evenest ? ", the most even" : ""})`).join("; ")}.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="frontier-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="frontier-title frontier-desc" font-family="sans-serif" font-size="${FONT}">`,
    `<title id="frontier-title">${escapeXml(`What each side gains in the packages neither can improve on without hurting the other`)}</title>`,
    `<desc id="frontier-desc">${escapeXml(desc)}</desc>`,
    `<style>${FRONTIER_CSS}</style>`,
    `<g class="axes">${axes.join("")}</g>`,
    `<g class="dots">${marks.join("")}</g>`,
    `<g class="legend">${legend.join("")}</g>`,
    `</svg>`,
  ].join("\n");
}

const FRONTIER_CSS =
  ".frontier-chart text{fill:#1b1b1b}.frontier-chart .fr-label{fill:#555}.frontier-chart .fr-axis,.frontier-chart .fr-frame{stroke:#888}" +
  ".frontier-chart .fr-holds{fill:#2e7d32;stroke:#2e7d32}.frontier-chart .fr-falls{fill:#fff;stroke:#a66a00}.frontier-chart .fr-out{fill:#bbb;stroke:#888}.frontier-chart .fr-ring{stroke:#0072B2}" +
  "@media (prefers-color-scheme:dark){.frontier-chart text{fill:#e8e8e8}.frontier-chart .fr-label{fill:#bbb}.frontier-chart .fr-axis,.frontier-chart .fr-frame{stroke:#9aa0a6}" +
  ".frontier-chart .fr-holds{fill:#66bb6a;stroke:#66bb6a}.frontier-chart .fr-falls{fill:#1d1f21;stroke:#f5b942}.frontier-chart .fr-out{fill:#555;stroke:#9aa0a6}.frontier-chart .fr-ring{stroke:#5AAEE8}}";
