/**
 * The timeline as an SVG chart that stays readable over years. One lane per track of
 * the record (then other events, other documents, who said what, and deadlines). The
 * time axis is piecewise: each month gets room in proportion to what happened in it,
 * long quiet stretches shrink to a marked break, and alternate years are shaded so the
 * uneven scale shows. Labels never overlap: each goes to the first row of its lane
 * where it fits (widths from font metrics, see palette.ts). Statements are unlabelled
 * dots (there are many; the table quotes them). Cancelled, declined and postponed
 * events are hollow and dashed, their labels struck through and marked; deadlines are
 * diamonds, and a line marks the record's day. Light and dark mode.
 */
import { dayNumber, daysInMonth, isoDay } from "@concord/core";
import { escapeXml } from "./escape.js";
import { px, textWidth } from "./palette.js";
import type { TimelineItem } from "./types.js";
import { clip, dayWords } from "./words.js";

const WIDTH = 960;
const LEFT = 8;
const RIGHT = 8;
const FONT = 11;
const ROW = 17;
const HEAD = 15;
const LABEL_CHARS = 46;
const GAP = 26;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** A deadline drawn in the deadlines lane: a commitment's notice date or term end. */
export interface TimelineDeadline {
  readonly id: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly label: string;
}

export interface TimelineOptions {
  /** The record's day (YYYY-MM-DD): a line across the chart. */
  readonly asOf?: string;
  readonly deadlines?: readonly TimelineDeadline[];
}

const INACTIVE = new Set(["cancelled", "declined", "postponed"]);

/** The lane an entry is drawn in: its track; else other events or documents; statements in one lane; deadline events with the deadlines. */
export function laneOf(item: TimelineItem): { key: string; name: string } {
  if (item.type === "statement") return { key: "said", name: "Who said what (dots; the table below quotes them)" };
  if (item.type === "event" && item.kind === "deadline") return { key: "deadlines", name: "Deadlines" };
  if (item.track !== undefined) return { key: `track:${item.track}`, name: item.track };
  return item.type === "event" ? { key: "events", name: "Other events" } : { key: "documents", name: "Other documents" };
}

/** The label of an entry's mark: its title, clipped, with the status of an event that did not happen. */
export function markLabel(item: TimelineItem): string {
  const base = item.type === "statement" ? `${item.actors[0] ?? ""}: “${item.title}”` : item.title;
  const status = item.status !== undefined && INACTIVE.has(item.status) ? ` (${item.status})` : "";
  return clip(base, LABEL_CHARS - status.length) + status;
}

function dayOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return dayNumber(y!, m!, d!);
}

/** A month of the axis and where it is drawn; `gap` months are part of a shrunken quiet stretch. */
interface Segment {
  readonly first: number;
  readonly days: number;
  readonly x0: number;
  readonly x1: number;
  readonly gap: boolean;
  readonly year: number;
  readonly month: number;
}

/**
 * The piecewise time axis: months with entries get room in proportion to (entries)^¾;
 * runs of three or more empty months share one narrow break.
 */
function axis(firstDay: number, lastDay: number, weights: Map<number, number>): { x: (day: number) => number; segments: Segment[] } {
  const start = isoDay(firstDay).split("-").map(Number);
  const end = isoDay(lastDay).split("-").map(Number);
  const months: { year: number; month: number; w: number }[] = [];
  for (let y = start[0]!, m = start[1]!; y < end[0]! || (y === end[0]! && m <= end[1]!); m === 12 ? (y++, (m = 1)) : m++) {
    months.push({ year: y, month: m, w: weights.get(y * 12 + m - 1) ?? 0 });
  }
  // Mark runs of ≥ 3 empty months as gaps.
  const gap = months.map(() => false);
  for (let i = 0; i < months.length; ) {
    let j = i;
    while (j < months.length && months[j]!.w === 0) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) gap[k] = true;
    i = Math.max(j, i + 1);
  }
  const runs = gap.filter((g, i) => g && (i === 0 || !gap[i - 1])).length;
  const open = months.filter((_, i) => !gap[i]);
  const base = 8;
  const total = WIDTH - LEFT - RIGHT - runs * GAP;
  const sum = open.reduce((s, m) => s + Math.pow(m.w, 0.75), 0);
  const k = sum > 0 ? Math.max(0, (total - base * open.length) / sum) : 0;
  const widthOf = (m: { w: number }): number => (open.length ? (sum > 0 ? base + k * Math.pow(m.w, 0.75) : total / open.length) : 0);
  const segments: Segment[] = [];
  let x = LEFT;
  for (let i = 0; i < months.length; i++) {
    const m = months[i]!;
    const first = dayNumber(m.year, m.month, 1);
    const days = daysInMonth(m.year, m.month);
    let w: number;
    if (gap[i]) {
      // A run of gap months shares GAP pixels evenly.
      let j = i;
      while (j > 0 && gap[j - 1]) j--;
      let e = i;
      while (e + 1 < months.length && gap[e + 1]) e++;
      w = GAP / (e - j + 1);
    } else w = widthOf(m);
    segments.push({ first, days, x0: x, x1: x + w, gap: gap[i]!, year: m.year, month: m.month });
    x += w;
  }
  const xOf = (day: number): number => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]!.first <= day) lo = mid;
      else hi = mid - 1;
    }
    const s = segments[lo]!;
    const f = Math.min(1, Math.max(0, (day - s.first) / s.days));
    return s.x0 + f * (s.x1 - s.x0);
  };
  return { x: xOf, segments };
}

interface Mark {
  readonly key: string;
  readonly lane: string;
  readonly laneName: string;
  readonly first: number;
  readonly last: number;
  readonly label: string;
  readonly svg: (x0: number, x1: number, cy: number, label: { x: number; anchor: "start" | "end" } | undefined) => string;
}

/** The chart, or undefined when there is nothing dated to draw. */
export function timelineSvg(items: readonly TimelineItem[], options: TimelineOptions = {}): string | undefined {
  if (items.length === 0) return undefined;
  const asOf = options.asOf !== undefined ? dayOf(options.asOf) : undefined;
  const deadlines = options.deadlines ?? [];
  const marks: Mark[] = [];
  for (const it of items) {
    const lane = laneOf(it);
    const quiet = it.type === "statement";
    const inactive = it.status !== undefined && INACTIVE.has(it.status);
    const cls = `mark mark-${it.type}${inactive ? " inactive" : ""}${it.approximate ? " approximate" : ""}`;
    const when = it.until !== undefined ? `${it.date} to ${it.until}` : it.date;
    const tip = `${when}: ${it.type === "statement" ? `${it.actors[0] ?? ""}: “${it.title}”` : it.title}${it.status !== undefined && it.status !== "happened" ? ` [${it.status}]` : ""}`;
    const first = dayOf(it.first);
    const last = dayOf(it.last);
    const label = quiet ? "" : markLabel(it);
    marks.push({
      key: it.id,
      lane: lane.key,
      laneName: lane.name,
      first,
      last,
      label,
      svg: (x0, x1, cy, at) => {
        const shape =
          it.kind === "deadline" && it.type === "event"
            ? `<path d="M${px(x0)},${px(cy - 6)}L${px(x0 + 6)},${px(cy)}L${px(x0)},${px(cy + 6)}L${px(x0 - 6)},${px(cy)}z"/>`
            : x1 - x0 >= 6
              ? `<rect x="${px(x0)}" y="${px(cy - 5)}" width="${px(x1 - x0)}" height="10" rx="2"/>`
              : `<circle cx="${px(x0)}" cy="${px(cy)}" r="${quiet ? 4 : 5}"/>`;
        const text = at ? `<text x="${px(at.x)}" y="${px(cy + 4)}"${at.anchor === "end" ? ' text-anchor="end"' : ""}>${escapeXml(label)}</text>` : "";
        return `<g class="${cls}" data-id="${escapeXml(it.id)}" data-first="${it.first}" data-x="${px(x0)}"><title>${escapeXml(tip)}</title>${shape}${text}</g>`;
      },
    });
  }
  for (const d of deadlines) {
    const day = dayOf(d.date);
    const label = clip(`${dayWords(day)}: ${d.label}`, LABEL_CHARS + 14);
    marks.push({
      key: d.id,
      lane: "deadlines",
      laneName: "Deadlines",
      first: day,
      last: day,
      label,
      svg: (x0, _x1, cy, at) =>
        `<g class="deadline-mark" data-id="${escapeXml(d.id)}" data-first="${d.date}"><title>${escapeXml(`${d.date}: ${d.label}`)}</title><path d="M${px(x0)},${px(cy - 6)}L${px(x0 + 6)},${px(cy)}L${px(x0)},${px(cy + 6)}L${px(x0 - 6)},${px(cy)}z"/>${at ? `<text x="${px(at.x)}" y="${px(cy + 4)}"${at.anchor === "end" ? ' text-anchor="end"' : ""}>${escapeXml(label)}</text>` : ""}</g>`,
    });
  }

  // The axis: room per month by how much is labelled in it.
  const firstDay = Math.min(...marks.map((m) => m.first), asOf ?? Infinity);
  const lastDay = Math.max(...marks.map((m) => m.last), asOf ?? -Infinity);
  const weights = new Map<number, number>();
  for (const m of marks) {
    if (m.label === "") continue;
    const [y, mo] = isoDay(m.first).split("-").map(Number);
    const key = y! * 12 + mo! - 1;
    weights.set(key, (weights.get(key) ?? 0) + 1);
  }
  // Months with only statements still get a little room.
  for (const m of marks) {
    const [y, mo] = isoDay(m.first).split("-").map(Number);
    const key = y! * 12 + mo! - 1;
    if (!weights.has(key)) weights.set(key, 0.3);
  }
  if (asOf !== undefined) {
    const [y, mo] = isoDay(asOf).split("-").map(Number);
    const key = y! * 12 + mo! - 1;
    weights.set(key, Math.max(weights.get(key) ?? 0, 0.3));
  }
  const { x, segments } = axis(firstDay, lastDay, weights);

  // Lanes in the order of their first entry; the general lanes after the tracks.
  const order = (key: string): number => (key === "events" ? 1 : key === "documents" ? 2 : key === "said" ? 3 : key === "deadlines" ? 4 : 0);
  const lanes = new Map<string, { name: string; first: number; marks: Mark[] }>();
  for (const m of marks) {
    const lane = lanes.get(m.lane) ?? { name: m.laneName, first: m.first, marks: [] };
    lane.first = Math.min(lane.first, m.first);
    lane.marks.push(m);
    lanes.set(m.lane, lane);
  }
  const laneList = [...lanes.entries()].sort((a, b) => order(a[0]) - order(b[0]) || a[1].first - b[1].first || a[0].localeCompare(b[0]));

  const top = asOf !== undefined ? 18 : 4;
  let y = top;
  const backs: string[] = [];
  const body: string[] = [];
  for (const [key, lane] of laneList) {
    const rows: [number, number][][] = [];
    const drawn: string[] = [];
    const sorted = [...lane.marks].sort((a, b) => a.first - b.first || a.key.localeCompare(b.key));
    for (const m of sorted) {
      const x0 = x(m.first);
      const x1 = x(m.last + 1);
      let at: { x: number; anchor: "start" | "end" } | undefined;
      let span: [number, number];
      if (m.label === "") span = [x0 - 5, x0 + 5];
      else {
        const w = textWidth(m.label, FONT);
        const right = Math.max(x1, x0 + 6) + 4;
        if (right + w <= WIDTH - RIGHT) { at = { x: right, anchor: "start" }; span = [x0 - 6, right + w]; }
        else { at = { x: x0 - 8, anchor: "end" }; span = [x0 - 8 - w, Math.max(x1, x0 + 6)]; }
      }
      // Dots without labels share the first row; labels take the first row they fit in.
      let row = m.label === "" ? (rows.length ? 0 : -1) : rows.findIndex((r) => r.every(([a, b]) => span[1] + 3 < a || span[0] > b + 3));
      if (row < 0) { rows.push([]); row = rows.length - 1; }
      rows[row]!.push(span);
      drawn.push(m.svg(x0, x1, y + HEAD + row * ROW + ROW / 2, at));
    }
    const h = HEAD + rows.length * ROW;
    backs.push(`<rect class="lane-head" x="0" y="${px(y - 1)}" width="${WIDTH}" height="${HEAD}"/><text class="lane-name" x="${LEFT}" y="${px(y + 10)}">${escapeXml(clip(lane.name, 120))}</text><line class="lane-rule" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y + h + 3)}" y2="${px(y + h + 3)}"/>`);
    body.push(`<g class="lane" data-lane="${escapeXml(key)}">${drawn.join("")}</g>`);
    y += h + 6;
  }
  const bottom = y;

  // Year bands, month ticks and labels that do not collide, breaks for quiet stretches.
  const years: string[] = [];
  const ticks: string[] = [];
  let lastLabelEnd = -Infinity;
  let yearShown = -1;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const prev = segments[i - 1];
    if (s.gap) {
      if (!prev?.gap) {
        let e = i;
        while (e + 1 < segments.length && segments[e + 1]!.gap) e++;
        const mid = (s.x0 + segments[e]!.x1) / 2;
        // The break mark sits in a row of its own under the month labels, so the two never collide.
        ticks.push(`<text class="break" x="${px(mid)}" y="${px(bottom + 32)}" text-anchor="middle">≈</text><line class="break-line" x1="${px(mid - 3)}" x2="${px(mid + 3)}" y1="${top}" y2="${px(bottom)}"/>`);
      }
      continue;
    }
    if (s.year % 2 === 1) years.push(`<rect class="year-band" x="${px(s.x0)}" y="${top}" width="${px(s.x1 - s.x0)}" height="${px(bottom - top)}"/>`);
    ticks.push(`<line class="grid" x1="${px(s.x0)}" x2="${px(s.x0)}" y1="${top}" y2="${px(bottom + 4)}"/>`);
    // The first month labelled in each year carries the year.
    const text = s.year !== yearShown ? `${MONTHS[s.month - 1]} ${s.year}` : MONTHS[s.month - 1]!;
    const w = textWidth(text, 10);
    if (s.x0 + 2 > lastLabelEnd + 4 && s.x0 + 2 + w <= WIDTH - RIGHT) {
      ticks.push(`<text x="${px(s.x0 + 2)}" y="${px(bottom + 16)}">${escapeXml(text)}</text>`);
      lastLabelEnd = s.x0 + 2 + w;
      yearShown = s.year;
    }
  }
  const asOfLine =
    asOf !== undefined
      ? (() => {
          const ax = x(asOf + 1);
          const text = `the record's day, ${dayWords(asOf)}`;
          const w = textWidth(text, 10);
          const tx = ax + 4 + w <= WIDTH - RIGHT ? ax + 4 : ax - 4;
          return `<g class="as-of"><line x1="${px(ax)}" x2="${px(ax)}" y1="4" y2="${px(bottom)}"/><text x="${px(tx)}" y="13"${tx < ax ? ' text-anchor="end"' : ""}>${escapeXml(text)}</text></g>`;
        })()
      : "";
  const height = bottom + 38;
  const span = `${dayWords(firstDay)} to ${dayWords(lastDay)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" viewBox="0 0 ${WIDTH} ${px(height)}" width="${WIDTH}" height="${px(height)}" role="img" aria-label="${escapeXml(`The timeline, ${span}: ${items.length} entries of the record in ${laneList.length} lanes${deadlines.length ? `, and ${deadlines.length} deadlines` : ""}. The table below lists every entry.`)}" font-family="sans-serif" font-size="${FONT}">`,
    `<style>${TIMELINE_CSS}</style>`,
    `<g class="years">${years.join("")}</g>`,
    `<g class="axis" font-size="10">${ticks.join("")}</g>`,
    `<g class="lanes">${backs.join("")}</g>`,
    asOfLine,
    body.join("\n"),
    `</svg>`,
  ].join("\n");
}

const TIMELINE_CSS =
  ".timeline-chart text{fill:#1b1b1b}.timeline-chart .lane-head{fill:#fff;fill-opacity:.92}.timeline-chart .lane-name{font-weight:bold;fill:#333}.timeline-chart .lane-rule{stroke:#ddd}.timeline-chart .year-band{fill:#f3f3f3}.timeline-chart .grid{stroke:#e2e2e2}" +
  ".timeline-chart .break{fill:#555;font-size:14px}.timeline-chart .break-line{stroke:#bbb;stroke-dasharray:2 2}" +
  ".timeline-chart .mark circle,.timeline-chart .mark rect{fill:#1f5fa8;stroke:#1f5fa8}.timeline-chart .mark-document circle,.timeline-chart .mark-document rect{fill:#6a3d9a;stroke:#6a3d9a}" +
  ".timeline-chart .mark-statement circle,.timeline-chart .mark-statement rect{fill:#b15928;stroke:#b15928;fill-opacity:.55}.timeline-chart .mark rect{fill-opacity:.35}" +
  ".timeline-chart .mark.inactive circle,.timeline-chart .mark.inactive rect{fill:#fff;stroke-dasharray:3 2;stroke-width:1.5}.timeline-chart .mark.inactive text{fill:#666;text-decoration:line-through}" +
  ".timeline-chart .mark path,.timeline-chart .deadline-mark path{fill:#c62828}.timeline-chart .as-of line{stroke:#c62828;stroke-dasharray:4 3}.timeline-chart .as-of text{fill:#c62828}" +
  "@media (prefers-color-scheme:dark){.timeline-chart text{fill:#e8e8e8}.timeline-chart .break{fill:#b0b0b0}.timeline-chart .lane-head{fill:#17191b}.timeline-chart .lane-name{fill:#cfcfcf}.timeline-chart .lane-rule{stroke:#3a3a3a}.timeline-chart .year-band{fill:#26282b}.timeline-chart .grid{stroke:#333}" +
  ".timeline-chart .mark circle,.timeline-chart .mark rect{fill:#6ea8fe;stroke:#6ea8fe}.timeline-chart .mark-document circle,.timeline-chart .mark-document rect{fill:#c39bf0;stroke:#c39bf0}.timeline-chart .mark-statement circle,.timeline-chart .mark-statement rect{fill:#f0a070;stroke:#f0a070}" +
  ".timeline-chart .mark.inactive circle,.timeline-chart .mark.inactive rect{fill:#1d1f21}.timeline-chart .mark.inactive text{fill:#9a9a9a}" +
  ".timeline-chart .mark path,.timeline-chart .deadline-mark path{fill:#ff8a80}.timeline-chart .as-of line{stroke:#ff8a80}.timeline-chart .as-of text{fill:#ff8a80}}";
