/**
 * @concord/report — a scenario as a brief and a report a non-specialist can read:
 * the data (plain JSON), the pictures (SVG: the paths from today to the named
 * outcomes and the moves around the status quo laid out by ELK, the timeline), and
 * HTML and Markdown renderings. No Node or DOM APIs, so the CLI, a worker and the web
 * app can all use it.
 *
 * The brief: briefData(loaded, options) → BriefData; renderBriefHtml /
 * renderBriefMarkdown / renderBriefText; buildBrief(loaded, "html" | "md" | "text", options) for all of it.
 * The full report (the brief on top): reportData, renderHtml, renderMarkdown,
 * buildReport.
 */
export * from "./types.js";
export { reportData, type ReportOptions } from "./report-data.js";
export { briefData, type BriefOptions } from "./brief/brief-data.js";
export { renderBriefHtml, holdingsHtml, type BriefPictures, type BriefHtmlOptions } from "./brief/html.js";
export { renderBriefMarkdown, type BriefFiles } from "./brief/markdown.js";
export { renderBriefText, type BriefTextOptions } from "./brief/text.js";
export { renderHtml, graphCaption, type Pictures } from "./html.js";
export { renderMarkdown, type PictureFiles } from "./markdown.js";
export { drawPictures, buildReport, buildBrief, timelineDeadlines, type BuiltReport, type BuiltBrief } from "./render.js";
export { moveGraph, type MoveGraphOptions } from "./move-graph.js";
export { moveGraphSvg, layoutMoveGraph, nodeLines, type MoveGraphLayout, type PlacedNode } from "./move-graph-svg.js";
export { pathsSvg } from "./paths-svg.js";
export { settlementSection, packageSentence, SETTLEMENT_TITLE, type SettlementInput, type SettlementSection, type SettlementPackage } from "./settlement.js";
export { frontierSvg } from "./frontier-svg.js";
export { timelineSvg, laneOf, markLabel, type TimelineOptions, type TimelineDeadline } from "./timeline-svg.js";
export { escapeXml, escapeMarkdown } from "./escape.js";
export { dmColour, dmDash, dmClass } from "./palette.js";
export { choicesWords } from "./analysis-part.js";
export { isEstimate } from "./priorities.js";
export { dateWords, durationWords, countWords } from "./words.js";
