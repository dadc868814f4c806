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
  const width: number[] = [];
  for (const r of [headers, rows]) {
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
  const rule = width.map((w) => "-".repeat(w)).join("  ");
  return [...headers.map(line), rule, ...rows.map(line)].join("\n") + "\n";
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
  readonly rows: readonly { readonly state: string; readonly values: readonly string[]; readonly tail: readonly string[] }[];
}

/**
 * The state table at full width, or — when that is wider than `width` — with the
 * option columns folded into one column of values (one group per decision maker),
 * and a legend numbering the options in that order, wrapped to `width`.
 */
export function renderStateTable(t: StateTable, width: number | undefined): string {
  const groups = t.decisionMakers.map((dm) => dm.options.length);
  const full = renderTable(
    [
      ["", ...t.decisionMakers.flatMap((dm) => dm.options.map((_, k) => (k === 0 ? dm.name : ""))), ...t.tailHeaders[0]],
      ["state", ...t.options, ...t.tailHeaders[1]],
    ],
    t.rows.map((r) => [r.state, ...r.values, ...r.tail]),
  );
  if (width === undefined || widest(full) <= width) return full;
  // One character per option: Y/N as they are; an option with alternatives gets a letter per alternative, in the legend.
  const codes = t.options.map((_, k) => shortCodes(t.rows.map((r) => r.values[k] ?? "")));
  const fold = (values: readonly string[]): string => {
    const out: string[] = [];
    let at = 0;
    for (const n of groups) {
      out.push(values.slice(at, at + n).map((v, i) => codes[at + i]?.get(v) ?? v).join(""));
      at += n;
    }
    return out.join(" ");
  };
  const rows = t.rows.map((r) => [r.state, fold(r.values), ...r.tail]);
  let table = renderTable([["", "options", ...t.tailHeaders[0]], ["state", "(see below)", ...t.tailHeaders[1]]], rows);
  let tailLegend = "";
  if (widest(table) > width && t.shortTail) {
    table = renderTable([["", "options", ...t.tailHeaders[0]], ["state", "(see below)", ...t.shortTail.headers]], rows);
    tailLegend = ` ${t.shortTail.legend}`;
  }
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
  return `${table}${wrapText(`Options, in the order of the letters (grouped by decision maker): ${legend}.${tailLegend}`, width)}\n`;
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

function widest(text: string): number {
  let w = 0;
  for (const line of text.split("\n")) w = Math.max(w, [...line].length);
  return w;
}
