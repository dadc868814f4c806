/**
 * The robustness chart: for each of the states most often stable, four bars — the
 * share of variants of the modeller's estimates in which it is an equilibrium under
 * Nash, GMR, SMR and SEQ — with the percentage written out; a ring marks a state that
 * is one in the model as written. Colours follow the page (light or dark); the report
 * puts the same numbers in a table beside it, as its text alternative.
 */
import { BASIC_CONCEPTS, CONCEPT_LABELS } from "@concord/core";
import { escapeXml } from "./escape.js";
import { px, wrapText } from "./palette.js";
import type { MediationSection } from "./types.js";

const WIDTH = 720;
const FONT = 12;
const LABEL_W = WIDTH - 20;
const BAR_X = 60;
const BAR_W = WIDTH - BAR_X - 70;
const BAR_H = 9;

const CSS = `
.rc text { fill: #1b1b1b; } .rc .axis { stroke: #bbb; } .rc .muted { fill: #555; }
.rc .bar-nash { fill: #1f5fa8; } .rc .bar-gmr { fill: #8a5a00; } .rc .bar-smr { fill: #6a3d9a; } .rc .bar-seq { fill: #1b7a4b; }
.rc .track { fill: #eef0f3; } .rc .written { fill: none; stroke: #1b1b1b; stroke-width: 1.5; }
@media (prefers-color-scheme: dark) {
  .rc text { fill: #e8e8e8; } .rc .axis { stroke: #555; } .rc .muted { fill: #a8adb3; }
  .rc .bar-nash { fill: #6ea8fe; } .rc .bar-gmr { fill: #f5b942; } .rc .bar-smr { fill: #c39bd3; } .rc .bar-seq { fill: #81c784; }
  .rc .track { fill: #23282d; } .rc .written { stroke: #e8e8e8; }
}
@media print { .rc text { fill: #000; } }
`;

/** The chart as SVG, or undefined when there is nothing to draw. */
export function robustnessSvg(r: NonNullable<MediationSection["robustness"]>): string | undefined {
  if (r.rows.length === 0) return undefined;
  const parts: string[] = [];
  let y = 8;
  // Legend.
  BASIC_CONCEPTS.forEach((c, k) => {
    const x = 10 + k * 110;
    parts.push(`<rect class="bar-${c}" x="${x}" y="${y}" width="14" height="${BAR_H}"/><text x="${x + 20}" y="${y + BAR_H}">${CONCEPT_LABELS[c]}</text>`);
  });
  parts.push(`<circle class="written" cx="${10 + 4 * 110 + 7}" cy="${y + BAR_H / 2}" r="5"/><text x="${10 + 4 * 110 + 18}" y="${y + BAR_H}">stable in the model as written</text>`);
  y += 26;
  for (const row of r.rows) {
    const lines = wrapText(`State ${row.state}: ${row.label}`, LABEL_W, FONT);
    for (const line of lines) {
      y += FONT + 3;
      parts.push(`<text x="10" y="${px(y)}">${escapeXml(line)}</text>`);
    }
    y += 7;
    for (const c of BASIC_CONCEPTS) {
      const share = row.share[c];
      const w = BAR_W * share;
      parts.push(
        `<text class="muted" x="10" y="${px(y + BAR_H)}">${CONCEPT_LABELS[c]}</text>`,
        `<rect class="track" x="${BAR_X}" y="${px(y)}" width="${BAR_W}" height="${BAR_H}"/>`,
        w > 0 ? `<rect class="bar-${c}" x="${BAR_X}" y="${px(y)}" width="${px(w)}" height="${BAR_H}"/>` : "",
        `<text x="${BAR_X + BAR_W + 8}" y="${px(y + BAR_H)}">${Math.round(share * 100)}%</text>`,
        row.asWritten[c] ? `<circle class="written" cx="${BAR_X + BAR_W + 56}" cy="${px(y + BAR_H / 2)}" r="5"/>` : "",
      );
      y += BAR_H + 5;
    }
    y += 10;
  }
  const height = y + 6;
  const how = r.exhaustive ? `all ${r.variants} combinations of the estimates` : `${r.variants} combinations of the estimates drawn at random (seed ${r.seed})`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="rc" viewBox="0 0 ${WIDTH} ${px(height)}" width="${WIDTH}" height="${px(height)}" role="img" aria-label="${escapeXml(`How often each of ${r.rows.length} states is stable over ${how}; the table below gives the same numbers.`)}" font-family="sans-serif" font-size="${FONT}">`,
    `<style>${CSS}</style>`,
    ...parts,
    "</svg>",
  ].join("");
}
