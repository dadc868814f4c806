import { clip, wrapText } from "./text.js";

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

/** A table of states: the state column, one column per option (grouped under their decision makers), then `tail` columns. */
export interface StateTable {
  readonly decisionMakers: readonly { readonly name: string; readonly options: readonly string[] }[];
  /** Option ids in column order (the decision makers' options, one after another). */
  readonly options: readonly string[];
  /** The two header lines of the tail columns. */
  readonly tailHeaders: readonly [readonly string[], readonly string[]];
  /** Narrower second header line of the tail columns, used when the folded table is still too wide, with a sentence saying what they mean. */
  readonly shortTail?: { readonly headers: readonly string[]; readonly legend: string };
  /** The rows, made as they are written (called more than once). */
  readonly rows: () => Iterable<{ readonly state: string; readonly values: readonly string[]; readonly tail: readonly string[] }>;
}

/**
 * The state table at full width, or — when that is wider than `width` — with the
 * option columns folded into one column of one character per option (one group per
 * decision maker; an option with alternatives gets a letter per alternative), and a
 * legend numbering the options in that order, wrapped to `width`.
 */
export function writeStateTable(sink: (chunk: string) => void, t: StateTable, width: number | undefined): void {
  const groups = t.decisionMakers.map((dm) => dm.options.length);
  const fullHeaders = [
    ["", ...t.decisionMakers.flatMap((dm) => dm.options.map((_, k) => (k === 0 ? dm.name : ""))), ...t.tailHeaders[0]],
    ["state", ...t.options, ...t.tailHeaders[1]],
  ];
  // One pass: the full table's width, and each option's values (few distinct ones).
  const widths: number[] = [];
  const tailCells = t.tailHeaders[1].map(() => 0);
  const seen = t.options.map(() => new Set<string>());
  const measure = (cells: readonly string[]): void => cells.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, [...cell].length)));
  for (const h of fullHeaders) measure(h);
  for (const r of t.rows()) {
    measure([r.state, ...r.values, ...r.tail]);
    r.values.forEach((v, k) => seen[k]!.add(v));
    r.tail.forEach((cell, k) => (tailCells[k] = Math.max(tailCells[k] ?? 0, [...cell].length)));
  }
  const fullWidth = widths.reduce((a, w) => a + w, 0) + 2 * (widths.length - 1);
  if (width === undefined || fullWidth <= width) {
    writeTable(sink, fullHeaders, function* () {
      for (const r of t.rows()) yield [r.state, ...r.values, ...r.tail];
    });
    return;
  }
  const codes = seen.map((values) => shortCodes([...values]));
  const fold = (values: readonly string[]): string => {
    const out: string[] = [];
    let at = 0;
    for (const n of groups) {
      out.push(values.slice(at, at + n).map((v, i) => codes[at + i]?.get(v) ?? v).join(""));
      at += n;
    }
    return out.join(" ");
  };
  const rows = function* (): Iterable<string[]> {
    for (const r of t.rows()) yield [r.state, fold(r.values), ...r.tail];
  };
  const folded = (tail: readonly string[]): string[][] => [["", "options", ...t.tailHeaders[0]], ["state", "(see below)", ...tail]];
  // The folded table's width with a given second header line for the tail columns.
  const len = (x: string | undefined): number => [...(x ?? "")].length;
  const foldedWidth = (tail: readonly string[]): number =>
    widths[0]! + Math.max(t.options.length + groups.length - 1, len("(see below)")) + tailCells.reduce((a, w, k) => a + Math.max(w, len(t.tailHeaders[0][k]), len(tail[k])), 0) + 2 * (1 + tailCells.length);
  const short = t.shortTail !== undefined && foldedWidth(t.tailHeaders[1]) > width ? t.shortTail : undefined;
  writeTable(sink, folded(short ? short.headers : t.tailHeaders[1]), rows);
  let k = 0;
  const legend = t.decisionMakers
    .map((dm) =>
      `${dm.name}: ${dm.options
        .map((o) => {
          const c = codes[k++];
          return `${k} ${o}${c ? ` (${[...c].map(([value, code]) => `${code} ${value}`).join(", ")})` : ""}`;
        })
        .join(", ")}`,
    )
    .join("; ");
  sink(`${wrapText(`Options, in the order of the letters (grouped by decision maker): ${legend}.${short ? ` ${short.legend}` : ""}`, width)}\n`);
}

/** For a column of values longer than one character, a one-character code for each (its first letter, else a digit); undefined when every value is one character. */
function shortCodes(values: readonly string[]): Map<string, string> | undefined {
  if (values.every((v) => [...v].length <= 1)) return undefined;
  const codes = new Map<string, string>();
  const taken = new Set<string>();
  for (const v of new Set(values)) {
    const first = [...v][0]?.toLowerCase() ?? "?";
    const code = [...v].length === 1 && !taken.has(v) ? v : !taken.has(first) ? first : [..."123456789abcdefghijklmnopqrstuvwxyz"].find((c) => !taken.has(c)) ?? "?";
    taken.add(code);
    codes.set(v, code);
  }
  return codes;
}
