import type { Command } from "commander";
import { actorNames, timeline, TIMELINE_KINDS, type TimelineEntry } from "@concord/app";
import { width, type CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { openFile } from "../scenario.js";
import { renderTable } from "../table.js";
import { clip, names } from "../text.js";

export function registerTimeline(program: Command, io: CliIo): void {
  program
    .command("timeline")
    .description("the record in date order: events, documents handed over and statements, with who was involved and the sources")
    .argument("<file>", "scenario file")
    .option("--from <date>", "only entries on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--to <date>", "only entries on or before this date")
    .option("--actor <actor>", "only entries involving this actor (id, name or alias) or one of its members")
    .option("--kind <kinds...>", "only these types (event, document, statement) or kinds (meeting, proposal, opinion, …); several allowed, or comma-separated")
    .option("--json", "print JSON instead of a table")
    .addHelpText(
      "after",
      `
Entries are sorted by the first day their date can mean (a month-precision date sorts
at the month's first day); partial dates show as written, ~ marks approximate ones.

Kinds: ${TIMELINE_KINDS.join(", ")}.

Examples:
  concord timeline talks.yaml --from 2023-09 --to 2023-12
  concord timeline talks.yaml --actor Azerbaijan --kind meeting,proposal`,
    )
    .action((file: string, opts: { from?: string; to?: string; actor?: string; kind?: string[]; json?: boolean }) => {
      const loaded = openFile(io, file);
      const { json, kind, ...filters } = opts;
      const entries = unwrap(timeline(loaded, { ...filters, ...(kind !== undefined ? { kinds: kind } : {}) }), { flags: { kinds: "--kind" } });
      if (json) return printJson(io, entries);
      if (entries.length === 0) {
        say(io, "no entries match\n");
        return;
      }
      const actors = actorNames(loaded);
      const rows = entries.map((e) => [dateCell(e), kindCell(e), clip(what(e), 90), clip(names(actors, e.actors), 60), e.sources.join(", ")]);
      say(io, renderTable([["date", "kind", "what", "who", "sources"]], rows, undefined, { width: width(io), columns: [2, 3, 4] }));
      say(io, `${entries.length} entr${entries.length === 1 ? "y" : "ies"}\n`);
    });
}

function dateCell(e: TimelineEntry): string {
  return e.until !== undefined ? `${e.date} to ${e.until}` : e.date;
}

function kindCell(e: TimelineEntry): string {
  return e.type === "event" ? e.kind : `${e.kind} (${e.type})`;
}

function what(e: TimelineEntry): string {
  const status = e.type === "event" && e.status !== "happened" ? ` [${e.status}]` : e.type === "document" && e.status !== undefined ? ` [${e.status}]` : "";
  return e.type === "statement" ? `“${e.title}”` : `${e.title}${status}`;
}
