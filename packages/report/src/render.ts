/** Pictures and the whole report in one call. */
import type { Loaded } from "@concord/core";
import type { Pictures } from "./html.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { moveGraphSvg } from "./move-graph-svg.js";
import { reportData, type ReportOptions } from "./report-data.js";
import { timelineSvg } from "./timeline-svg.js";
import type { ReportData } from "./types.js";

/** Draws the report's pictures (the move graph needs ELK, which is asynchronous). */
export async function drawPictures(data: ReportData): Promise<Pictures> {
  const timeline = timelineSvg(data.timeline);
  const moves = data.moveGraph ? await moveGraphSvg(data.moveGraph) : undefined;
  return { ...(timeline !== undefined ? { timeline } : {}), ...(moves !== undefined ? { moves } : {}) };
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
 * named `<baseName>-timeline.svg` and `<baseName>-moves.svg`, linked from the text by
 * those relative names, to be written in the same folder.
 */
export async function buildReport(loaded: Loaded, format: "html" | "md", options: ReportOptions & { baseName?: string } = {}): Promise<BuiltReport> {
  const data = reportData(loaded, options);
  const pictures = await drawPictures(data);
  if (format === "html") return { data, text: renderHtml(data, pictures), files: [] };
  const base = options.baseName ?? data.id;
  const files: { name: string; text: string }[] = [];
  const names: { timeline?: string; moves?: string } = {};
  if (pictures.timeline !== undefined) { names.timeline = `${base}-timeline.svg`; files.push({ name: names.timeline, text: svgFile(pictures.timeline) }); }
  if (pictures.moves !== undefined) { names.moves = `${base}-moves.svg`; files.push({ name: names.moves, text: svgFile(pictures.moves) }); }
  return { data, text: renderMarkdown(data, names), files };
}

function svgFile(svg: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
