import type { Command } from "commander";
import { DOCUMENT_KINDS, EVENT_KINDS, findActor, STATEMENT_KINDS, timeline, type TimelineEntry } from "@concord/core";
import { printJson, readScenario, UserError } from "../io.js";
import { clip, dateOption, names } from "../record-options.js";
import { renderTable } from "../table.js";

const KINDS = [...new Set(["event", "document", "statement", ...EVENT_KINDS, ...DOCUMENT_KINDS, ...STATEMENT_KINDS])];

export function registerTimeline(program: Command): void {
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

Kinds: ${KINDS.join(", ")}.

Examples:
  concord timeline talks.yaml --from 2023-09 --to 2023-12
  concord timeline talks.yaml --actor Azerbaijan --kind meeting,proposal`,
    )
    .action((file: string, opts: { from?: string; to?: string; actor?: string; kind?: string[]; json?: boolean }) => {
      const { scenario } = readScenario(file);
      const doc = scenario.document;
      let actor: string | undefined;
      if (opts.actor !== undefined) {
        const a = findActor(doc, opts.actor);
        if ("error" in a) throw new UserError(`--actor: ${a.error}`);
        actor = a.id;
      }
      const kinds = opts.kind?.flatMap((k) => k.split(",")).map((k) => k.trim().toLowerCase()).filter((k) => k !== "");
      const bad = kinds?.find((k) => !KINDS.includes(k));
      if (bad !== undefined) throw new UserError(`--kind: unknown kind "${bad}"; expected one of ${KINDS.join(", ")}`);
      const entries = timeline(doc, {
        ...(opts.from !== undefined ? { from: dateOption(opts.from, "--from", "first")! } : {}),
        ...(opts.to !== undefined ? { to: dateOption(opts.to, "--to", "last")! } : {}),
        ...(actor !== undefined ? { actor } : {}),
        ...(kinds !== undefined ? { kinds } : {}),
      });
      if (opts.json) return printJson(entries);
      if (entries.length === 0) {
        process.stdout.write("no entries match\n");
        return;
      }
      const rows = entries.map((e) => [dateCell(e), kindCell(e), clip(what(e), 90), clip(names(doc, e.actors), 60), e.sources.join(", ")]);
      process.stdout.write(renderTable([["date", "kind", "what", "who", "sources"]], rows));
      process.stdout.write(`${entries.length} entr${entries.length === 1 ? "y" : "ies"}\n`);
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
