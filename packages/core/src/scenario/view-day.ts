/**
 * The day a view of the record (who is waiting, deadlines, statuses) is computed
 * for: the day asked for, else the scenario's own date (asOf), else the last date
 * in the record, else today when the caller says what today is.
 */
import { isoDay, parseDate } from "../dates.js";
import { fail, messageOf, ok, type Result } from "../problems.js";
import type { Scenario } from "./types.js";

export interface ViewDay {
  /** Days since 1970-01-01. */
  readonly day: number;
  /** The day as YYYY-MM-DD. */
  readonly text: string;
  /** Where the day came from. */
  readonly from: "option" | "scenario" | "record" | "today";
}

export interface ViewDayOptions {
  /** The day asked for (YYYY, YYYY-MM or YYYY-MM-DD; a month or year means its last day). */
  readonly asOf?: string;
  /** Today's date, YYYY-MM-DD; without it a scenario with no date and no dated entry has no view day. */
  readonly today?: string;
}

/** The view day, or undefined when nothing gives one; a "usage" problem for a text that is not a date. */
export function viewDay(scenario: Scenario, options: ViewDayOptions = {}): Result<ViewDay | undefined> {
  const from = (text: string, source: ViewDay["from"], key: string): Result<ViewDay> => {
    // A month or a year means its last day: "as of 2023-12" counts everything dated in December.
    const d = parseDate(text);
    if (!d.ok) return fail([{ code: "usage", path: [key], message: messageOf(d) }]);
    return ok({ day: d.value.last, text: isoDay(d.value.last), from: source });
  };
  if (options.asOf !== undefined) return from(options.asOf, "option", "asOf");
  if (scenario.asOf !== undefined) return from(String(scenario.asOf), "scenario", "asOf");
  const last = scenario.record.lastDay;
  if (last !== undefined) return ok({ day: last, text: isoDay(last), from: "record" });
  if (options.today !== undefined) return from(options.today, "today", "today");
  return ok(undefined);
}
