/** The day of a record view, as every use case that needs one works it out (see core's viewDay). */
import { viewDay, fail, ok, type Loaded, type Result, type ViewDay } from "@concord/core";

export interface DayOptions {
  /** The day to compute for (YYYY, YYYY-MM or YYYY-MM-DD; a month or year means its last day). Default: the scenario's asOf, else the record's last date, else `today`. */
  readonly asOf?: string;
  /** Today's date, YYYY-MM-DD, supplied by the surface (the application layer has no clock). */
  readonly today?: string;
}

/** The view day, or a "usage" problem at `option` when the text is not a date or nothing gives a day. */
export function dayOf(loaded: Loaded, options: DayOptions, option = "asOf"): Result<ViewDay> {
  const d = viewDay(loaded.scenario, options);
  if (!d.ok) return fail(d.problems.map((p) => ({ ...p, path: p.path[0] === "asOf" ? [option] : p.path })));
  if (d.value === undefined) return fail([{ code: "usage", path: [option], message: "the scenario has no date and no dated entry; give the day to compute for" }]);
  return ok(d.value);
}
