/** Small helpers for plain-text output. */

/** Actor ids as names (an unknown id as itself), joined. */
export function names(actors: Readonly<Record<string, string>>, ids: readonly string[]): string {
  return ids.map((id) => actors[id] ?? id).join(", ");
}

/** "3 days", "1 day", "0–30 days". */
export function days(min: number, max: number): string {
  return min === max ? `${min} day${Math.abs(min) === 1 ? "" : "s"}` : `${min}–${max} days`;
}

/** Cuts text to `n` characters with an ellipsis, on one line. */
export function clip(text: string, n: number): string {
  const one = text.replace(/\s+/g, " ").trim();
  return [...one].length <= n ? one : [...one].slice(0, n - 1).join("") + "…";
}

/** "As of 2024-03-31 (the scenario's date)". */
export function asOfLine(asOf: string, from: "option" | "scenario" | "record" | "today"): string {
  const why = { option: "", scenario: " (the scenario's date)", record: " (the last date in the record)", today: " (today)" }[from];
  return `As of ${asOf}${why}`;
}
