/**
 * Use case: the record as CSV — events with CAMEO event codes, or documents as rows
 * of the PA-X agreements table — with the same rows as objects keyed by column.
 */
import { exportCameo, exportPax, fail, messageOf, ok, readCsv, type Result } from "@concord/core";
import { openScenario, type ScenarioInput } from "./source.js";
import { dayOf, type DayOptions } from "./view-day.js";

export interface ExportRecordOptions extends DayOptions {
  /** cameo: events with CAMEO codes; pax: documents shaped like PA-X (statuses as of the view day). */
  readonly to: "cameo" | "pax";
  /** pax: also drafts and proposals (PA-X itself holds agreed texts only). */
  readonly all?: boolean;
}

export interface ExportRecordResult {
  /** The CSV text. */
  readonly text: string;
  /** The same rows as objects, column → value. */
  readonly rows: readonly Readonly<Record<string, string>>[];
}

export function exportRecord(input: ScenarioInput, options: ExportRecordOptions): Result<ExportRecordResult> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const { record, title } = opened.value.scenario;
  let text: string;
  if (options.to === "cameo") text = exportCameo(record);
  else {
    const day = dayOf(opened.value, options);
    if (!day.ok) return day;
    text = exportPax(record, title, day.value.day, { all: options.all ?? false });
  }
  const read = readCsv(text);
  if (!read.ok) return fail([{ code: "internal", path: [], message: `export wrote unreadable CSV: ${messageOf(read)}` }]);
  const [head, ...rows] = read.value;
  return ok({ text, rows: rows.map((row) => Object.fromEntries(head!.fields.map((h, i) => [h, row.fields[i] ?? ""]))) });
}
