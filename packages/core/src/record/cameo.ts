/**
 * Events as CSV with CAMEO event codes, and back.
 *
 * Each event is one row. `event_code` is the event's `cameo:` when it has one
 * (`code_source` explicit), else a default for its kind and status when one
 * clearly applies (`code_source` default): 057 for a signed agreement, 040 for a
 * meeting that took place, 010 for a statement, 125 for a meeting a party declined.
 * Where no code applies (tabling a proposal, a hearing, a deadline, …) the code is
 * left empty and `code_note` says why, rather than forcing one.
 *
 * The CSV carries every field of an event except the quotes and pages of its
 * source citations; importing into a scenario that already has the event keeps
 * those. Columns after `code_note` (event name, CAMEO actor codes) are derived and
 * ignored on import.
 */
import type { DateSpan } from "../dates.js";
import { fail, ok, type DocPath, type Problem, type Result } from "../problems.js";
import { issuesToProblems } from "../format/issues.js";
import type { ScenarioDocument } from "../format/schema.js";
import { CAMEO_CODES } from "./cameo-codes.js";
import { csvSeparator, isFormulaLike, readCsv, restoreCell, writeCsv } from "./csv.js";
import { citationOf, sourceIdsOf } from "./normalise.js";
import type { NegotiationRecord } from "./record.js";
import { EventEntrySchema, type EventEntry, type SourceRef } from "../format/record-schema.js";

/** The event fields the CSV carries, column name → field name. */
const FIELDS = [
  ["id", "id"],
  ["date", "date"],
  ["until", "until"],
  ["kind", "kind"],
  ["status", "status"],
  ["status_date", "statusDate"],
  ["announced", "announced"],
  ["title", "title"],
  ["by", "by"],
  ["to", "to"],
  ["participants", "participants"],
  ["declined_by", "declinedBy"],
  ["place", "place"],
  ["track", "track"],
  ["documents", "documents"],
  ["answers", "answers"],
  ["sources", "sources"],
  ["note", "note"],
] as const;

const LIST_FIELDS = new Set(["by", "to", "participants", "declinedBy", "documents", "sources"]);

/** Column order of the CAMEO CSV. */
export const CAMEO_COLUMNS = [
  "id",
  "date",
  "until",
  "event_code",
  "code_source",
  "code_note",
  "event_name",
  "actor1_codes",
  "actor2_codes",
  ...FIELDS.slice(3).map(([c]) => c),
] as const;

/** The CAMEO code an event gets when it has no `cameo:` of its own, or why none applies. */
export function defaultCameo(e: Pick<EventEntry, "kind" | "status">): { code: string; note?: string } {
  const status = e.status ?? "happened";
  if (status === "declined") return { code: "125" };
  if (status === "cancelled") return { code: "", note: "cancelled: the code depends on who called it off and why (e.g. 125 when a party refused to meet); set cameo:" };
  if (status !== "happened") return { code: "", note: `${status}: it has not taken place, so no event code applies` };
  switch (e.kind) {
    case "agreement":
      return { code: "057" };
    case "meeting":
      return { code: "040", note: "default for a meeting; refine with cameo: (042 visit, 043 host, 044 third location, 045 mediate, 046 negotiate)" };
    case "statement":
      return { code: "010", note: "default for a statement; refine with cameo: where the statement has a more specific code" };
    case "proposal":
      return { code: "", note: "tabling a proposal has no CAMEO code" };
    case "response":
      return { code: "", note: "a response has no CAMEO code of its own; set cameo: (e.g. 125 reject a proposal to meet, 036 express intent to meet)" };
    case "hearing":
      return { code: "", note: "a hearing has no CAMEO code" };
    case "deadline":
      return { code: "", note: "a deadline is not an event in CAMEO's sense" };
    case "cancellation":
      return { code: "", note: "the code depends on who cancelled and why (e.g. 125, 126, 164); set cameo:" };
    case "incident":
      return { code: "", note: "incidents range over CAMEO roots 13 to 20; set cameo:" };
    default:
      return { code: "", note: "no default code for this kind; set cameo:" };
  }
}

/** The code an event is exported with, where it came from, and a note when there is none. */
export function cameoOf(e: Pick<EventEntry, "kind" | "status" | "cameo">): { code: string; source: "explicit" | "default"; note?: string } {
  if (e.cameo !== undefined) return e.cameo === "none" ? { code: "", source: "explicit", note: "marked as having no CAMEO code" } : { code: e.cameo, source: "explicit" };
  return { ...defaultCameo(e), source: "default" };
}

/** The events as CSV (CAMEO_COLUMNS), in date order, then document order. */
export function exportCameo(record: NegotiationRecord): string {
  const code = (id: string): string | undefined => record.actors.find((a) => a.id === id)?.cameo;
  const codes = (ids: readonly string[]): string => ids.map(code).filter((c): c is string => c !== undefined).join("; ");
  const events = record.events.map((e, i) => ({ e, i, first: e.date.first })).sort((a, b) => a.first - b.first || a.i - b.i);
  const rows = events.map(({ e }) => {
    const c = cameoOf(e);
    const cell = (field: string): string => {
      const v = (e as Record<string, unknown>)[field];
      if (v === undefined) return "";
      if (field === "sources") return sourceIdsOf(e.sources).join("; ");
      if (isSpan(v)) return v.text;
      return Array.isArray(v) ? v.join("; ") : String(v);
    };
    const values: Record<string, string> = {
      event_code: c.code,
      code_source: c.source,
      code_note: c.note ?? "",
      event_name: c.code === "" ? "" : (CAMEO_CODES[c.code] ?? ""),
      actor1_codes: codes(e.by ?? e.participants ?? []),
      actor2_codes: codes(e.to ?? []),
    };
    for (const [col, field] of FIELDS) values[col] = cell(field);
    return CAMEO_COLUMNS.map((col) => values[col] ?? "");
  });
  return writeCsv([[...CAMEO_COLUMNS], ...rows]);
}

function isSpan(v: unknown): v is DateSpan {
  return typeof v === "object" && v !== null && "first" in v && "text" in v;
}

export interface CameoImport {
  /** The scenario document with the imported events; check it as a whole, then place its problems with cameoRowProblems. */
  readonly document: ScenarioDocument;
  /** Event ids added, changed and found identical, in CSV order. */
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
  /** For each event taken from the CSV, by its position in `document.events`: the CSV line of its row. */
  readonly rows: Readonly<Record<number, number>>;
  /** Cells a spreadsheet would evaluate as formulas (kept as text; neutralised again on export), at their CSV line. */
  readonly warnings: readonly Problem[];
}

/**
 * Reads events from CSV (as written by exportCameo; extra columns are ignored) into
 * `doc`: a row with a new id adds an event, a row with a known id replaces the
 * fields the CSV carries. Problems in the rows themselves come with their CSV line
 * (path empty); the caller checks the whole document that results.
 */
export function importCameo(csv: string, doc: ScenarioDocument): Result<CameoImport> {
  // Semicolon-separated CSV (spreadsheets in many locales) is read as well.
  const parsed = readCsv(csv, csvSeparator(csv));
  if (!parsed.ok) return fail(parsed.problems.map((p) => ({ ...p, message: `CSV: ${p.message}` })));
  const [header, ...rows] = parsed.value;
  if (!header) return fail([{ code: "missing", path: [], line: 1, message: "the CSV is empty; expected a header line with id, date, kind, title, …" }]);
  const columns = header.fields.map((f) => f.trim());
  const missing = ["id", "date", "kind", "title"].filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return fail([{ code: "missing", path: [], line: header.line, message: `the header lacks column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; expected the columns of concord export --to cameo` }]);
  }
  const problems: Problem[] = [];
  const events = [...(doc.events ?? [])];
  const origin: Record<number, number> = {}; // index in events → CSV line
  const added: string[] = [], updated: string[] = [], unchanged: string[] = [];
  const seen = new Map<string, number>();
  const warnings: Problem[] = [];

  for (const row of rows) {
    // A cell neutralised on export ('=…) reads back as it was.
    const get = (col: string): string => {
      const k = columns.indexOf(col);
      return k < 0 ? "" : restoreCell((row.fields[k] ?? "").trim());
    };
    for (const [k, cell] of row.fields.entries()) {
      if (isFormulaLike(cell)) {
        const column = columns[k] ?? String(k + 1);
        warnings.push({ code: "format", path: [], line: row.line, message: `column "${column}": the cell starts with "${JSON.stringify(cell[0]).slice(1, -1)}", so a spreadsheet would run it as a formula; kept as text (export writes it neutralised, as '${cell.slice(0, 12)}…)` });
      }
    }
    const at = (col: string, message: string): Problem => ({ code: "type", path: [], line: row.line, message: `column "${col}": ${message}` });
    if (row.fields.length !== columns.length) {
      problems.push({ code: "type", path: [], line: row.line, message: `the row has ${row.fields.length} fields; expected ${columns.length}, one per column of the header` });
      continue;
    }
    const id = get("id");
    const again = seen.get(id);
    if (again !== undefined) {
      problems.push(at("id", `event "${id}" is also on line ${again}; expected each event once`));
      continue;
    }
    seen.set(id, row.line);
    const raw: Record<string, unknown> = {};
    for (const [col, field] of FIELDS) {
      const v = get(col);
      if (v === "") continue;
      raw[field] = LIST_FIELDS.has(field) ? v.split(";").map((x) => x.trim()).filter((x) => x !== "") : v;
    }
    const code = cameoCell(get("event_code"));
    if (code.error !== undefined) {
      problems.push(at("event_code", code.error));
      continue;
    }
    const index = events.findIndex((e) => e.id === id);
    const before = index >= 0 ? events[index] : undefined;
    // Quotes and pages of source citations are not in the CSV: keep them for sources still cited.
    if (Array.isArray(raw.sources) && before?.sources) {
      raw.sources = (raw.sources as string[]).map((s) => before.sources!.find((r) => citationOf(r).source === s) ?? s);
    }
    const r = EventEntrySchema.safeParse(raw, { reportInput: true });
    if (!r.success) {
      for (const p of issuesToProblems(r.error.issues)) problems.push(at(columnOf(p.path), p.message));
      continue;
    }
    let event: EventEntry = r.data;
    const fallback = defaultCameo(event).code;
    const explicit = get("code_source") === "explicit" || code.value !== fallback;
    if (explicit) event = { ...event, cameo: code.value === "" ? "none" : code.value };
    if (before === undefined) {
      origin[events.length] = row.line;
      events.push(event);
      added.push(id);
    } else if (sameEvent(before, event)) unchanged.push(id);
    else {
      origin[index] = row.line;
      events[index] = event;
      updated.push(id);
    }
  }
  if (problems.length > 0) return fail(problems);
  return ok({ document: { ...doc, events }, added, updated, unchanged, rows: origin, warnings });
}

/** Problems found in an imported document, those about imported events moved to their CSV line and column (path empty). */
export function cameoRowProblems(problems: readonly Problem[], imported: CameoImport): Problem[] {
  return problems.map((p) => {
    const line = p.path[0] === "events" && typeof p.path[1] === "number" ? imported.rows[p.path[1]] : undefined;
    if (line === undefined) return p;
    const { column: _column, file: _file, ...rest } = p;
    return { ...rest, path: [], line, message: `column "${columnOf(p.path.slice(2))}": ${p.message}` };
  });
}

/** A CAMEO code cell: empty, or a code (leading zeros restored, since spreadsheets drop them). */
function cameoCell(text: string): { value: string; error?: undefined } | { value?: undefined; error: string } {
  if (text === "" || text.toLowerCase() === "none") return { value: "" };
  if (!/^\d{1,4}$/.test(text)) return { error: `expected a CAMEO event code of 2 to 4 digits, found "${text}"` };
  if (CAMEO_CODES[text] !== undefined) return { value: text };
  if (CAMEO_CODES[`0${text}`] !== undefined) return { value: `0${text}` };
  return { error: `"${text}" is not a CAMEO event code (codebook v1.1b3)` };
}

/** The CSV column of a path inside an event (["declinedBy", 1] → declined_by). */
function columnOf(path: DocPath): string {
  const field = path[0];
  if (field === "cameo") return "event_code";
  return FIELDS.find(([, f]) => f === field)?.[0] ?? String(field ?? "id");
}

/** Whether two events say the same, with defaults filled in and citations compared by source. */
function sameEvent(a: EventEntry, b: EventEntry): boolean {
  const norm = (e: EventEntry): string => {
    const out: Record<string, unknown> = {};
    for (const [, field] of FIELDS) {
      let v = (e as Record<string, unknown>)[field];
      if (field === "status") v = v ?? "happened";
      if (field === "sources") v = (v as SourceRef[] | undefined)?.map(citationOf);
      if (Array.isArray(v) && v.length === 0) v = undefined;
      if (v !== undefined) out[field] = v;
    }
    out.cameo = e.cameo ?? defaultCameo(e).code;
    if (out.cameo === "" || out.cameo === "none") out.cameo = "";
    return JSON.stringify(out);
  };
  return norm(a) === norm(b);
}
