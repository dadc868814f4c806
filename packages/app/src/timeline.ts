/** Use case: the record in date order — events, documents handed over, statements — filtered. */
import { DOCUMENT_KINDS, EVENT_KINDS, findActor, ok, STATEMENT_KINDS, timeline as recordTimeline, type Result, type TimelineEntry } from "@concord/core";
import { atOption, dateBound, usage } from "./options.js";
import { openScenario, type ScenarioInput } from "./source.js";

/** What `kinds` may name: entry types, then every kind of event, document and statement. */
export const TIMELINE_KINDS: readonly string[] = [...new Set(["event", "document", "statement", ...EVENT_KINDS, ...DOCUMENT_KINDS, ...STATEMENT_KINDS])];

export interface TimelineOptions {
  /** Only entries on or after this date (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly from?: string;
  /** Only entries on or before this date. */
  readonly to?: string;
  /** Only entries involving this actor (id, name or alias) or one of its members. */
  readonly actor?: string;
  /** Only these types or kinds (see TIMELINE_KINDS), as a list or comma-separated. */
  readonly kinds?: string | readonly string[];
}

export function timeline(input: ScenarioInput, options: TimelineOptions = {}): Result<readonly TimelineEntry[]> {
  const from = dateBound(options.from, "from", "first");
  if (!from.ok) return from;
  const to = dateBound(options.to, "to", "last");
  if (!to.ok) return to;
  const kinds = options.kinds === undefined ? undefined : (typeof options.kinds === "string" ? [options.kinds] : options.kinds)
    .flatMap((k) => k.split(","))
    .map((k) => k.trim().toLowerCase())
    .filter((k) => k !== "");
  const bad = kinds?.find((k) => !TIMELINE_KINDS.includes(k));
  if (bad !== undefined) return usage("kinds", `unknown kind "${bad}"; expected one of ${TIMELINE_KINDS.join(", ")}`);
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const { record } = opened.value.scenario;
  let actor: string | undefined;
  if (options.actor !== undefined) {
    const a = atOption(findActor(record, options.actor), "actor");
    if (!a.ok) return a;
    actor = a.value;
  }
  return ok(
    recordTimeline(record, {
      ...(from.value !== undefined ? { from: from.value } : {}),
      ...(to.value !== undefined ? { to: to.value } : {}),
      ...(actor !== undefined ? { actor } : {}),
      ...(kinds !== undefined ? { kinds } : {}),
    }),
  );
}
