/**
 * Documents as rows shaped like the PA-X Peace Agreements Database's agreements
 * table (University of Edinburgh, PeaceRep): the PA-X columns Con, PP, PPName,
 * AgtId, Agt, Dat, Status, Stage, StageSub, Part, ThrdPart and OthAgr, followed by
 * Concord's own id, kind, status and sources.
 *
 * PA-X holds agreed texts only, so by default only agreements (kind agreement, or
 * signed or initialled) are exported; with `all`, drafts and proposals follow with
 * Status "Not agreed (<status>)", which is not a PA-X value.
 */
import { isoDay } from "../dates.js";
import type { Stage } from "../format/record-schema.js";
import { actorName } from "./actors.js";
import { writeCsv } from "./csv.js";
import { sourceIdsOf } from "./normalise.js";
import type { NegotiationRecord, RecordDocument } from "./record.js";
import { documentStatus } from "./status.js";

export const PAX_COLUMNS = [
  "Con", "PP", "PPName", "AgtId", "Agt", "Dat", "Status", "Stage", "StageSub", "Part", "ThrdPart", "OthAgr",
  "concord_id", "concord_kind", "concord_status", "sources",
] as const;

const STAGE_CODES: Record<Stage, string> = {
  "pre-negotiation": "Pre",
  ceasefire: "Cea",
  "framework-partial": "SubPar",
  "framework-comprehensive": "SubComp",
  implementation: "Imp",
  renewal: "Ren",
  other: "Other",
};

/** The documents as PA-X-shaped CSV, in date order; statuses as of `day`; `title` (the scenario's) names the process when nothing else does. */
export function exportPax(record: NegotiationRecord, title: string, day: number, options: { all?: boolean } = {}): string {
  const docs = record.documents.map((d, i) => ({ d, i, first: d.date.first })).sort((a, b) => a.first - b.first || a.i - b.i);
  const name = (id: string): string => actorName(record, id);
  const titleOf = (id: string): string => {
    const other = record.documents.find((x) => x.id === id) ?? record.events.find((x) => x.id === id);
    return other ? `${other.title} (${other.date.text})` : id;
  };
  const rows: string[][] = [];
  for (const { d } of docs) {
    const status = documentStatus(record, d, day) ?? "draft";
    const agreed = isAgreement(d, status);
    if (!agreed && !options.all) continue;
    const authors = d.author;
    const states = authors.filter((a) => record.actors.find((x) => x.id === a)?.kind === "state").map(name);
    const track = record.tracks.find((t) => t.id === d.track);
    const other = [
      ...(d.supersedes !== undefined ? [`supersedes ${titleOf(d.supersedes)}`] : []),
      ...(d.answers !== undefined ? [`answers ${titleOf(d.answers)}`] : []),
    ];
    const parsed = d.date;
    rows.push([
      d.pax?.conflict ?? states.join("/"),
      d.pax?.process !== undefined ? String(d.pax.process) : "",
      d.pax?.processName ?? track?.name ?? title,
      d.pax?.id !== undefined ? String(d.pax.id) : "",
      d.title,
      parsed.precision === "day" && !parsed.approximate ? isoDay(parsed.first) : parsed.text,
      agreed ? (authors.length > 1 ? "Multiparty signed/agreed" : "Unilateral document") : `Not agreed (${status})`,
      d.stage !== undefined ? STAGE_CODES[d.stage] : "",
      d.pax?.stageSub ?? "",
      authors.map(name).join("\n"),
      (d.thirdParties ?? []).map(name).join("\n"),
      other.join("\n"),
      d.id,
      d.kind,
      status,
      sourceIdsOf(d.sources).join("; "),
    ]);
  }
  return writeCsv([[...PAX_COLUMNS], ...rows]);
}

function isAgreement(d: RecordDocument, status: string): boolean {
  return d.kind === "agreement" || status === "signed" || status === "initialled";
}
