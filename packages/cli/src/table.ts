import { clip } from "./text.js";

/** Columns of text that may be cut (with "…") so that a table fits `width` characters. */
export interface TableFit {
  readonly width: number | undefined;
  readonly columns: readonly number[];
}

/** A column cut to fit is never narrower than this. */
const MIN_CUT = 12;

/**
 * Plain-text tables with aligned columns; `headers` may span several lines. Column
 * widths are found with loops, not Math.max(...cells): a table of 250,000 rows must
 * not overflow the call stack. With `fit`, the widest of the given columns are cut
 * until the table fits the terminal (or they reach MIN_CUT).
 */
export function renderTable(headers: readonly (readonly string[])[], rows: readonly (readonly string[])[], align?: readonly ("left" | "right")[], fit?: TableFit): string {
  let out = "";
  writeTable((chunk) => (out += chunk), headers, () => rows, align, fit);
  return out;
}

/** Lines go to the sink in chunks of about this many characters. */
const CHUNK = 1 << 16;

/**
 * renderTable, written in chunks to `sink` as the rows are made: `rows` is called
 * twice (once for the widths, once to write), so a table of millions of rows never
 * exists as one string (which V8 caps near 512 MB) or as one array.
 */
export function writeTable(
  sink: (chunk: string) => void,
  headers: readonly (readonly string[])[],
  rows: () => Iterable<readonly string[]>,
  align?: readonly ("left" | "right")[],
  fit?: TableFit,
): void {
  const width: number[] = [];
  for (const r of [headers, rows()]) {
    for (const row of r) {
      row.forEach((cell, c) => {
        width[c] = Math.max(width[c] ?? 0, [...cell].length);
      });
    }
  }
  const cut = new Set<number>();
  if (fit?.width !== undefined) {
    let excess = width.reduce((a, w) => a + w, 0) + 2 * (width.length - 1) - fit.width;
    while (excess > 0) {
      const widest = fit.columns.filter((c) => (width[c] ?? 0) > MIN_CUT).sort((a, b) => width[b]! - width[a]!)[0];
      if (widest === undefined) break;
      width[widest]!--;
      cut.add(widest);
      excess--;
    }
  }
  const line = (r: readonly string[]): string =>
    width
      .map((w, c) => {
        const cell = cut.has(c) ? clip(r[c] ?? "", w) : (r[c] ?? "");
        const pad = " ".repeat(w - [...cell].length);
        return (align?.[c] ?? "left") === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  let buf = [...headers.map(line), width.map((w) => "-".repeat(w)).join("  ")].join("\n") + "\n";
  for (const r of rows()) {
    buf += `${line(r)}\n`;
    if (buf.length >= CHUNK) {
      sink(buf);
      buf = "";
    }
  }
  if (buf !== "") sink(buf);
}
