/**
 * @concord/report — a scenario as a report a non-specialist can read: report data
 * (plain JSON), pictures (SVG: the moves around the status quo laid out by ELK, the
 * timeline on a time axis) and the HTML and Markdown renderings. No Node or DOM APIs,
 * so the CLI, a worker and the web app can all use it.
 */
export * from "./types.js";
export { reportData, type ReportOptions } from "./report-data.js";
export { renderHtml, graphCaption, type Pictures } from "./html.js";
export { renderMarkdown, type PictureFiles } from "./markdown.js";
export { drawPictures, buildReport, type BuiltReport } from "./render.js";
export { moveGraph, type MoveGraphOptions } from "./move-graph.js";
export { moveGraphSvg, layoutMoveGraph, nodeLines, type MoveGraphLayout, type PlacedNode } from "./move-graph-svg.js";
export { timelineSvg, laneOf, markLabel } from "./timeline-svg.js";
export { escapeXml, escapeMarkdown } from "./escape.js";
export { dmColour, dmDash } from "./palette.js";
export { choicesWords } from "./analysis-part.js";
