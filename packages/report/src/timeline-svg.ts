/**
 * The timeline as an SVG chart: a UTC time axis (d3-scale's scaleUtc and its ticks),
 * one lane per kind of entry, one mark per entry at its date (a bar across its span
 * when it covers more than a day), labelled by a short title. Labels that would
 * overlap go to the next free row of their lane. Statements (who said what) are
 * unlabelled marks on one row: there are many and the table below the chart quotes them. Cancelled, declined and postponed
 * events are hollow and dashed, with the status in the label.
 */
import { scaleUtc } from "d3-scale";
import { dayNumber } from "@concord/core";
import { escapeXml } from "./escape.js";
import { px, textWidth } from "./palette.js";
import type { TimelineItem } from "./types.js";
import { clip } from "./words.js";

const WIDTH = 960;
const GUTTER = 120;
const RIGHT = 16;
const FONT = 11;
const ROW = 18;
const LABEL_CHARS = 40;
const DAY_MS = 86_400_000;

const LANE_NAMES: Record<string, string> = {
  meeting: "Meetings",
  proposal: "Proposals",
  response: "Responses",
  statement: "Public statements",
  hearing: "Hearings",
  incident: "Incidents",
  agreement: "Agreements",
  cancellation: "Cancellations",
  deadline: "Deadlines",
  other: "Other events",
};
const EVENT_LANES = Object.keys(LANE_NAMES);

/** The lane an entry is drawn in: events by kind, then documents, then statements. */
export function laneOf(item: TimelineItem): { key: string; name: string; order: number } {
  if (item.type === "event") return { key: `event:${item.kind}`, name: LANE_NAMES[item.kind] ?? item.kind, order: EVENT_LANES.indexOf(item.kind) };
  if (item.type === "document") return { key: "document", name: "Documents", order: EVENT_LANES.length };
  return { key: "said", name: "Who said what", order: EVENT_LANES.length + 1 };
}

const INACTIVE = new Set(["cancelled", "declined", "postponed"]);

/** The label of an entry's mark. */
export function markLabel(item: TimelineItem): string {
  const base = item.type === "statement" ? `${item.actors[0] ?? ""}: “${item.title}”` : item.title;
  const status = item.status !== undefined && INACTIVE.has(item.status) ? ` (${item.status})` : "";
  return clip(base, LABEL_CHARS - status.length) + status;
}

function dateOfDay(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(dayNumber(y!, m!, d!) * DAY_MS);
}

/** The chart, or undefined when there is nothing dated to draw. */
export function timelineSvg(items: readonly TimelineItem[]): string | undefined {
  if (items.length === 0) return undefined;
  const first = Math.min(...items.map((i) => dateOfDay(i.first).getTime()));
  const last = Math.max(...items.map((i) => dateOfDay(i.last).getTime() + DAY_MS));
  const pad = Math.max((last - first) * 0.02, 10 * DAY_MS);
  const x = scaleUtc().domain([new Date(first - pad), new Date(last + pad)]).range([GUTTER, WIDTH - RIGHT]);

  const lanes = new Map<string, { name: string; order: number; items: TimelineItem[] }>();
  for (const it of items) {
    const l = laneOf(it);
    if (!lanes.has(l.key)) lanes.set(l.key, { name: l.name, order: l.order, items: [] });
    lanes.get(l.key)!.items.push(it);
  }
  const ordered = [...lanes.values()].sort((a, b) => a.order - b.order);

  const backs: string[] = [];
  const body: string[] = [];
  let y = 8;
  for (const lane of ordered) {
    // Rows of labels: each holds intervals [start, end] already taken.
    const rows: [number, number][][] = [];
    const marks: string[] = [];
    for (const it of lane.items) {
      const x0 = x(dateOfDay(it.first));
      const x1 = x(new Date(dateOfDay(it.last).getTime() + DAY_MS));
      // Statements are many and their words long: unlabelled marks on one row (the table lists them).
      const quiet = it.type === "statement";
      const label = quiet ? "" : markLabel(it);
      const w = textWidth(label, FONT);
      // Labels run right of the mark, or left of it near the right edge.
      const leftward = x0 + 8 + w > WIDTH - RIGHT;
      const span: [number, number] = leftward ? [x0 - 8 - w, x1] : [x0, Math.max(x1, x0 + 8 + w)];
      let row = quiet ? (rows.length ? 0 : -1) : rows.findIndex((r) => r.every(([a, b]) => span[1] + 4 < a || span[0] > b + 4));
      if (row < 0) { rows.push([]); row = rows.length - 1; }
      rows[row]!.push(span);
      const cy = y + row * ROW + ROW / 2;
      const inactive = it.status !== undefined && INACTIVE.has(it.status);
      const cls = `mark mark-${it.type}${inactive ? " inactive" : ""}${it.approximate ? " approximate" : ""}`;
      const shape =
        x1 - x0 >= 6
          ? `<rect x="${px(x0)}" y="${px(cy - 5)}" width="${px(x1 - x0)}" height="10" rx="2"/>`
          : `<circle cx="${px(x0)}" cy="${px(cy)}" r="5"/>`;
      const when = it.until !== undefined ? `${it.date} to ${it.until}` : it.date;
      const tx = leftward ? x0 - 8 : Math.max(x1, x0) + 8;
      marks.push(
        `<g class="${cls}" data-id="${escapeXml(it.id)}" data-first="${it.first}" data-x="${px(x0)}"><title>${escapeXml(`${when}: ${it.type === "statement" ? `${it.actors[0] ?? ""}: “${it.title}”` : it.title}${it.status !== undefined && it.status !== "happened" ? ` [${it.status}]` : ""}`)}</title>${shape}${quiet ? "" : `<text x="${px(tx)}" y="${px(cy + 4)}"${leftward ? ' text-anchor="end"' : ""}>${escapeXml(label)}</text>`}</g>`,
      );
    }
    const h = rows.length * ROW;
    backs.push(`<rect class="lane-bg" x="0" y="${px(y - 2)}" width="${WIDTH}" height="${px(h + 4)}"/><text class="lane-name" x="6" y="${px(y + ROW / 2 + 4)}">${escapeXml(lane.name)}</text>`);
    body.push(`<g class="lane" data-lane="${escapeXml(lane.name)}">${marks.join("")}</g>`);
    y += h + 8;
  }
  const axisY = y + 4;
  const ticks = x.ticks(8);
  const fmt = x.tickFormat(8);
  const axis = [
    `<line x1="${GUTTER}" y1="${px(axisY)}" x2="${WIDTH - RIGHT}" y2="${px(axisY)}" stroke="#444"/>`,
    ...ticks.map((t) => {
      const tx = x(t);
      return `<line x1="${px(tx)}" y1="4" x2="${px(tx)}" y2="${px(axisY + 5)}" class="grid"/><text x="${px(tx)}" y="${px(axisY + 18)}" text-anchor="middle">${escapeXml(fmt(t))}</text>`;
    }),
  ];
  const height = axisY + 26;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" viewBox="0 0 ${WIDTH} ${px(height)}" width="${WIDTH}" height="${px(height)}" role="img" aria-label="The timeline: entries of the record by date" font-family="sans-serif" font-size="${FONT}">`,
    `<style>.lane-bg{fill:#f6f6f6}.lane-name{font-weight:bold;fill:#333}.grid{stroke:#ddd}.mark circle,.mark rect{fill:#1f5fa8;stroke:#1f5fa8}.mark-document circle,.mark-document rect{fill:#6a3d9a;stroke:#6a3d9a}.mark-statement circle,.mark-statement rect{fill:#b15928;stroke:#b15928}.mark rect{fill-opacity:.35}.mark.inactive circle,.mark.inactive rect{fill:#fff;stroke-dasharray:3 2;stroke-width:1.5}.mark.inactive text{fill:#777;text-decoration:line-through}.mark-statement circle{fill-opacity:.6}text{fill:#111}</style>`,
    `<g class="lanes">${backs.join("")}</g>`,
    `<g class="axis" font-size="10">${axis.join("")}</g>`,
    body.join("\n"),
    `</svg>`,
  ].join("\n");
}
