/**
 * Use case: the record as CSV — events with CAMEO event codes, or documents as rows
 * of the PA-X agreements table — with the same rows as objects keyed by column.
 */
import { exportCameo, exportPax, fail, messageOf, neutraliseCell, ok, readCsv, writeCsv, type Result } from "@concord/core";
import { openScenario, type ScenarioInput } from "./source.js";
import { dayOf, type DayOptions } from "./view-day.js";

export interface ExportRecordOptions extends DayOptions {
  /** cameo: events with CAMEO codes; pax: documents shaped like PA-X (statuses as of the view day). */
  readonly to: "cameo" | "pax";
  /** pax: also drafts and proposals (PA-X itself holds agreed texts only). */
  readonly all?: boolean;
  /** Write cells as they are, even those a spreadsheet would evaluate as formulas (default: such cells get a leading '). */
  readonly raw?: boolean;
}

export interface ExportRecordResult {
  /** The CSV text; cells a spreadsheet would evaluate (=, +, -, @, tab, CR first) prefixed with ' unless `raw`. */
  readonly text: string;
  /** The same rows as objects, column → value (values as they are). */
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
  // CSV is opened in spreadsheets, which run cells starting with = + - @ as formulas.
  const safe = options.raw === true ? text : writeCsv(read.value.map((r) => r.fields.map(neutraliseCell)));
  return ok({ text: safe, rows: rows.map((row) => Object.fromEntries(head!.fields.map((h, i) => [h, row.fields[i] ?? ""]))) });
}
