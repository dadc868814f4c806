/** Small helpers the analysis and mediation views share to put states and moves into words. */
import type { MoveDescription } from "@concord/app";

/** An option's value as a table cell: Y, N or the alternative's id. */
export const cell = (v: boolean | string | undefined): string => (typeof v === "string" ? v : v ? "Y" : "N");

/** "Azerbaijan: takes Sign directly; drops Border pressure" */
export function moveWords(m: MoveDescription): string {
  const parts = m.changes.map((c) => (c.alternatives ? `${c.alternatives.label}: ${c.alternatives.from.label} → ${c.alternatives.to.label}` : `${c.taken ? "takes" : "drops"} “${c.label}”`));
  return `${m.by} ${parts.join("; ")}`;
}

/** Each decision maker's colour in the graph, by its place in the model (shapes carry the meaning too). */
export const MOVER_COLOURS = ["#1f5fa8", "#b3411f", "#2e7d32", "#7b3fa0", "#8a6d00", "#00796b", "#c2185b", "#5d4037"];
