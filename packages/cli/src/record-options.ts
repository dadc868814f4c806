/**
 * Options shared by the record's commands: the day a view is computed for and
 * actor names for plain-text output.
 */
import { actorName, asOfDay, isPartialDate, parseDate, type ScenarioDocument } from "@concord/core";
import { UserError } from "./io.js";

/** Today's date where the command runs, as YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * The day number for a view: `--as-of` when given, else the scenario's `asOf`, else
 * today. Partial dates mean their last day ("2023-12" → 31 December 2023).
 */
export function viewDay(option: string | undefined, doc: ScenarioDocument, flag = "--as-of"): { day: number; text: string; from: "option" | "scenario" | "today" } {
  const [text, from] = option !== undefined ? [option, "option" as const] : doc.asOf !== undefined ? [doc.asOf, "scenario" as const] : [today(), "today" as const];
  const d = asOfDay(text);
  if ("error" in d) throw new UserError(`${flag}: ${d.error}`);
  return { day: d.day, text, from };
}

/** A date option (--from, --to) as a day number: its first day for --from, its last for --to. */
export function dateOption(text: string | undefined, flag: string, end: "first" | "last"): number | undefined {
  if (text === undefined) return undefined;
  const d = parseDate(text);
  if (!isPartialDate(d)) throw new UserError(`${flag}: ${d.error}`);
  return end === "first" ? d.first : d.last;
}

/** Actor ids as names, joined. */
export function names(doc: ScenarioDocument, ids: readonly string[]): string {
  return ids.map((id) => actorName(doc, id)).join(", ");
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
