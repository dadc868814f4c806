/**
 * Plain-text tables with aligned columns; `headers` may span several lines. Column
 * widths are found with loops, not Math.max(...cells): a table of 250,000 rows must
 * not overflow the call stack.
 */
export function renderTable(headers: readonly (readonly string[])[], rows: readonly (readonly string[])[], align?: readonly ("left" | "right")[]): string {
  const width: number[] = [];
  for (const r of [headers, rows]) {
    for (const row of r) {
      row.forEach((cell, c) => {
        width[c] = Math.max(width[c] ?? 0, [...cell].length);
      });
    }
  }
  const line = (r: readonly string[]): string =>
    width
      .map((w, c) => {
        const cell = r[c] ?? "";
        const pad = " ".repeat(w - [...cell].length);
        return (align?.[c] ?? "left") === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const rule = width.map((w) => "-".repeat(w)).join("  ");
  return [...headers.map(line), rule, ...rows.map(line)].join("\n") + "\n";
}
