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

/**
 * Wraps each line longer than `width` at spaces; continuation lines go under the text
 * after a leading "- " or "12. " marker, or two spaces deeper than an indented line.
 * Table lines stay whole. Undefined width (not a terminal, no $COLUMNS): as is.
 */
export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split("\n")
    .map((line) => wrapLine(line, Math.max(width, 20)))
    .join("\n");
}

/** A row or rule of a table (columns two spaces apart): wrapping would break its columns, so it stays whole. */
const TABLE_LINE = /\S {2,}\S|^-+(?: {2}-+)+$/;

function wrapLine(line: string, width: number): string {
  if ([...line].length <= width || TABLE_LINE.test(line.trim())) return line;
  const marker = /^(\s*)(?:[-•*] |\d+\. |[A-Z]\. )?/.exec(line)![0];
  // Under a list marker, the text's column; under an indented line, two more spaces.
  const hang = " ".repeat(marker.trim() !== "" ? [...marker].length : marker.length > 0 ? marker.length + 2 : 0);
  const out: string[] = [];
  let current = marker;
  for (const word of line.slice(marker.length).split(" ")) {
    const fits = [...current].length + 1 + [...word].length <= width;
    if (current.trim() === "" || current === marker) current += word;
    else if (fits) current += ` ${word}`;
    else {
      out.push(current);
      current = hang + word;
    }
  }
  out.push(current);
  return out.join("\n");
}

/** How many items a text list shows before it is cut (--all lists every one). */
export const LIST_LIMIT = 200;

/** The line closing a list cut at LIST_LIMIT: "… and 49,800 more; --all to list them". */
export function moreLine(hidden: number): string {
  return `… and ${hidden.toLocaleString("en")} more; --all to list them`;
}

/** "1–4, 9, 12–20": sorted state numbers with runs joined. */
export function ranges(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j === i ? String(numbers[i]) : j === i + 1 ? `${numbers[i]}, ${numbers[j]}` : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}
