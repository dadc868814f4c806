/** Pictures and the whole report, or the brief alone, in one call. */
import type { Loaded } from "@concord/core";
import { frontierSvg } from "./frontier-svg.js";
import { briefData, type BriefOptions } from "./brief/brief-data.js";
import { renderBriefHtml, type BriefPictures } from "./brief/html.js";
import { renderBriefMarkdown } from "./brief/markdown.js";
import { renderBriefText } from "./brief/text.js";
import type { Pictures } from "./html.js";
import { renderHtml } from "./html.js";
import { renderMarkdown, type PictureFiles } from "./markdown.js";
import type { MediationPictures } from "./mediation-html.js";
import type { MediationFiles } from "./mediation-markdown.js";
import { moveGraphSvg } from "./move-graph-svg.js";
import { pathsSvg } from "./paths-svg.js";
import { robustnessSvg } from "./robustness-svg.js";
import { reportData, type ReportOptions } from "./report-data.js";
import { timelineSvg, type TimelineDeadline } from "./timeline-svg.js";
import type { BriefData, MediationSection, RecordViews, ReportData } from "./types.js";

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
  const mediation = data.mediation ? await mediationPictures(data.mediation) : undefined;
  const frontier = data.settlement ? frontierSvg(data.settlement) : undefined;
  return {
    ...(timeline !== undefined ? { timeline } : {}),
    ...(moves !== undefined ? { moves } : {}),
    ...(paths !== undefined ? { paths } : {}),
    ...(mediation ? { mediation } : {}),
    ...(frontier !== undefined ? { frontier } : {}),
  };
}

/** The mediation section's pictures: each named outcome's way from today, and the robustness chart. */
async function mediationPictures(m: MediationSection): Promise<MediationPictures> {
  const paths: Record<string, string> = {};
  for (const a of m.answers) {
    const svg = a.path ? await pathsSvg(a.path, `mp-${a.id.replace(/[^A-Za-z0-9-]/g, "")}`) : undefined;
    if (svg !== undefined) paths[a.id] = svg;
  }
  const robustness = m.robustness ? robustnessSvg(m.robustness) : undefined;
  return { paths, ...(robustness !== undefined ? { robustness } : {}) };
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
 * The brief of a loaded scenario alone: an HTML page that prints on two A4 pages,
 * Markdown with its picture as `<baseName>-paths.svg`, or plain text for a terminal
 * wrapped to `width` columns (no picture). `reportHref` is where the full report is,
 * for the brief's links to it; `pictures: false` leaves the picture out (Markdown sent
 * where no file can sit beside it).
 */
export async function buildBrief(
  loaded: Loaded,
  format: "html" | "md" | "text",
  options: BriefOptions & { baseName?: string; reportHref?: string; width?: number; pictures?: boolean } = {},
): Promise<BuiltBrief> {
  const data = briefData(loaded, options);
  const link = options.reportHref !== undefined ? { reportHref: options.reportHref } : {};
  if (format === "text") return { data, text: renderBriefText(data, { ...link, ...(options.width !== undefined ? { width: options.width } : {}) }), files: [] };
  const paths = data.paths && options.pictures !== false ? await pathsSvg(data.paths) : undefined;
  const pictures: BriefPictures = paths !== undefined ? { paths } : {};
  if (format === "html") return { data, text: renderBriefHtml(data, pictures, link), files: [] };
  const { names, files } = pictureFiles(options.baseName ?? `${data.id}-brief`, pictures);
  return { data, text: renderBriefMarkdown(data, names, link), files };
}

function pictureFiles(base: string, pictures: Pictures): { names: PictureFiles; files: { name: string; text: string }[] } {
  const names: { timeline?: string; moves?: string; paths?: string; frontier?: string; mediation?: MediationFiles } = {};
  const files: { name: string; text: string }[] = [];
  const file = (name: string, svg: string): string => {
    files.push({ name, text: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n` });
    return name;
  };
  for (const key of ["paths", "timeline", "moves", "frontier"] as const) {
    const svg = pictures[key];
    if (svg !== undefined) names[key] = file(`${base}-${key}.svg`, svg);
  }
  const m = pictures.mediation;
  if (m) {
    const paths = Object.fromEntries(Object.entries(m.paths ?? {}).map(([id, svg]) => [id, file(`${base}-way-${id.replace(/[^A-Za-z0-9-]/g, "")}.svg`, svg)]));
    names.mediation = { paths, ...(m.robustness !== undefined ? { robustness: file(`${base}-robustness.svg`, m.robustness) } : {}) };
  }
  return { names, files };
}
