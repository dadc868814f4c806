/**
 * CSV as in RFC 4180: fields separated by commas, quoted with " when they contain a
 * comma, a quote or a line break, quotes doubled inside quoted fields. Written with
 * \n line ends; read with \n, \r\n or \r, with or without a byte-order mark.
 *
 * Hand-written rather than a dependency: the whole format is this file, the core
 * stays at zod + yaml and runs unchanged in browsers, and a property test checks
 * that reading what was written gives back the same rows.
 */

import { fail, ok, type Result } from "../problems.js";

/** Rows of fields → CSV text, one line per row, ending with a line break. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  // A row of one empty field is written "" so that it is not read back as a blank line.
  return rows.map((r) => (r.length === 1 && r[0] === "" ? '""' : r.map(quoteField).join(","))).join("\n") + (rows.length > 0 ? "\n" : "");
}

function quoteField(f: string): string {
  return /[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
}

/** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA = /^[=+\-@\t\r]/;

/** True when a spreadsheet would evaluate the cell instead of showing it. */
export const isFormulaLike = (cell: string): boolean => FORMULA.test(cell);

/** A cell a spreadsheet would evaluate, prefixed with ' so it is shown as text (OWASP's advice); others unchanged. */
export function neutraliseCell(cell: string): string {
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

/** The cell as it was before neutraliseCell: reading back what Concord wrote gives the original text. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export interface CsvRow {
  readonly fields: readonly string[];
  /** 1-based line on which the row starts (a quoted field may span lines). */
  readonly line: number;
}

/**
 * The field separator of CSV text: a semicolon when the header line has semicolons
 * and no comma (spreadsheets write that where the comma is the decimal mark), else a comma.
 */
export function csvSeparator(text: string): "," | ";" {
  const header = (/^[^\r\n]*/.exec(text)?.[0] ?? "").replace(/"(?:[^"]|"")*"/g, "");
  return header.includes(";") && !header.includes(",") ? ";" : ",";
}

/**
 * CSV text → rows, or a "syntax" problem saying where (line) and why it cannot be read.
 * Empty lines are skipped. `separator` is the comma unless given (see csvSeparator).
 */
export function readCsv(text: string, separator: "," | ";" = ","): Result<CsvRow[]> {
  const bad = (message: string, line: number): Result<CsvRow[]> => fail([{ code: "syntax", path: [], line, message }]);
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let sawQuote = false;
  let quoteLine = 0;
  let i = 0;
  const endRow = (): void => {
    fields.push(field);
    if (sawQuote || !(fields.length === 1 && fields[0] === "")) rows.push({ fields, line: rowLine });
    sawQuote = false;
    fields = [];
    field = "";
  };
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = s[i];
        if (next !== undefined && next !== separator && next !== "\n" && next !== "\r") {
          return bad(`unexpected text after a closing quote; expected a ${separator === "," ? "comma" : "semicolon"} or the end of the line`, line);
        }
        continue;
      }
      if (c === "\n" || (c === "\r" && s[i + 1] !== "\n")) line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      sawQuote = true;
      quoteLine = line;
      i++;
    } else if (c === separator) {
      fields.push(field);
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") {
      endRow();
      i += c === "\r" && s[i + 1] === "\n" ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) return bad(`a quoted field opened on line ${quoteLine} is never closed; expected a closing "`, quoteLine);
  if (field !== "" || fields.length > 0 || sawQuote) endRow();
  return ok(rows);
}
