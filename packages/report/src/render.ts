/** Pictures and the whole report, or the brief alone, in one call. */
import type { Loaded } from "@concord/core";
import { frontierSvg } from "./frontier-svg.js";
import { briefData, type BriefOptions } from "./brief/brief-data.js";
import { renderBriefHtml, type BriefPictures } from "./brief/html.js";
import { renderBriefMarkdown } from "./brief/markdown.js";
import type { Pictures } from "./html.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { moveGraphSvg } from "./move-graph-svg.js";
import { pathsSvg } from "./paths-svg.js";
import { reportData, type ReportOptions } from "./report-data.js";
import { timelineSvg, type TimelineDeadline } from "./timeline-svg.js";
import type { BriefData, RecordViews, ReportData } from "./types.js";

/** The deadlines ahead that the timeline draws: running commitments' notice dates and term ends. */
export function timelineDeadlines(r: RecordViews | undefined): TimelineDeadline[] {
  if (!r) return [];
  return r.commitments.flatMap((c) => {
    if (c.state !== "running") return [];
    const out: TimelineDeadline[] = [];
    if (c.renewsAtExpiry && c.noticeDeadline !== undefined && c.noticeDeadline >= r.asOf) out.push({ id: `${c.id}:notice`, date: c.noticeDeadline, label: `notice due: ${c.what}` });
    if (c.expiry !== undefined && c.expiry >= r.asOf) out.push({ id: `${c.id}:expiry`, date: c.expiry, label: `term ends: ${c.what}` });
    return out;
  });
}

/** Draws the report's pictures (the graphs need ELK, which is asynchronous). */
export async function drawPictures(data: ReportData): Promise<Pictures> {
  const timeline = timelineSvg(data.timeline, { ...(data.record ? { asOf: data.record.asOf } : {}), deadlines: timelineDeadlines(data.record) });
  const moves = data.moveGraph ? await moveGraphSvg(data.moveGraph) : undefined;
  const paths = data.brief.paths ? await pathsSvg(data.brief.paths) : undefined;
  const frontier = data.settlement ? frontierSvg(data.settlement) : undefined;
  return { ...(timeline !== undefined ? { timeline } : {}), ...(moves !== undefined ? { moves } : {}), ...(paths !== undefined ? { paths } : {}), ...(frontier !== undefined ? { frontier } : {}) };
}

export interface BuiltReport {
  readonly data: ReportData;
  /** The HTML page or the Markdown text. */
  readonly text: string;
  /** Files to write next to a Markdown report: name → SVG text (none for HTML, which inlines them). */
  readonly files: readonly { readonly name: string; readonly text: string }[];
}

/**
 * The report of a loaded scenario. For Markdown, the pictures are separate SVG files
 * named `<baseName>-paths.svg`, `<baseName>-timeline.svg` and `<baseName>-moves.svg`,
 * linked from the text by those relative names, to be written in the same folder.
 */
export async function buildReport(loaded: Loaded, format: "html" | "md", options: ReportOptions & { baseName?: string } = {}): Promise<BuiltReport> {
  const data = reportData(loaded, options);
  const pictures = await drawPictures(data);
  if (format === "html") return { data, text: renderHtml(data, pictures), files: [] };
  const { names, files } = pictureFiles(options.baseName ?? data.id, pictures);
  return { data, text: renderMarkdown(data, names), files };
}

export interface BuiltBrief {
  readonly data: BriefData;
  readonly text: string;
  readonly files: readonly { readonly name: string; readonly text: string }[];
}

/**
 * The brief of a loaded scenario alone: an HTML page that prints on two A4 pages, or
 * Markdown with its picture as `<baseName>-paths.svg`. `reportHref` is where the full
 * report is, for the brief's links to it.
 */
export async function buildBrief(
  loaded: Loaded,
  format: "html" | "md",
  options: BriefOptions & { baseName?: string; reportHref?: string } = {},
): Promise<BuiltBrief> {
  const data = briefData(loaded, options);
  const paths = data.paths ? await pathsSvg(data.paths) : undefined;
  const pictures: BriefPictures = paths !== undefined ? { paths } : {};
  const link = options.reportHref !== undefined ? { reportHref: options.reportHref } : {};
  if (format === "html") return { data, text: renderBriefHtml(data, pictures, link), files: [] };
  const { names, files } = pictureFiles(options.baseName ?? `${data.id}-brief`, pictures);
  return { data, text: renderBriefMarkdown(data, names, link), files };
}

function pictureFiles(base: string, pictures: Pictures): { names: { timeline?: string; moves?: string; paths?: string; frontier?: string }; files: { name: string; text: string }[] } {
  const names: { timeline?: string; moves?: string; paths?: string; frontier?: string } = {};
  const files: { name: string; text: string }[] = [];
  for (const key of ["paths", "timeline", "moves", "frontier"] as const) {
    const svg = pictures[key];
    if (svg === undefined) continue;
    names[key] = `${base}-${key}.svg`;
    files.push({ name: names[key], text: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n` });
  }
  return { names, files };
}
