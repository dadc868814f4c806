/** Plain-text tables with aligned columns; `headers` may span several lines. */
export function renderTable(headers: readonly (readonly string[])[], rows: readonly (readonly string[])[], align?: readonly ("left" | "right")[]): string {
  const all = [...headers, ...rows];
  const cols = Math.max(0, ...all.map((r) => r.length));
  const width = Array.from({ length: cols }, (_, c) => Math.max(0, ...all.map((r) => [...(r[c] ?? "")].length)));
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
