import type { Command } from "commander";
import { actorNames, waiting, type Pen } from "@concord/app";
import { today, width, type CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { openFile } from "../scenario.js";
import { renderTable } from "../table.js";
import { asOfLine, clip, days, names } from "../text.js";

export function registerWaiting(program: Command, io: CliIo): void {
  program
    .command("waiting")
    .description("who is waiting on whom: documents and proposals not yet answered, for how many days, and who holds the pen on each track")
    .argument("<file>", "scenario file")
    .option("--as-of <date>", "the day to count from (default: the scenario's asOf, else the record's last date, else today)")
    .option("--json", "print JSON instead of tables")
    .addHelpText(
      "after",
      `
A document waits when it was handed to someone (to:) who has not answered it (no
document or event with answers: pointing at it), and it is not superseded, signed,
rejected or withdrawn. Proposals recorded as events (kind proposal, with to:) wait
the same way. Dates known only to the month give a range of days.

The pen on a track is with whoever must produce the next text: the recipients of
the latest text, or its authors when it was answered without a new text.

Example:
  concord waiting talks.yaml --as-of 2023-12-07`,
    )
    .action((file: string, opts: { asOf?: string; json?: boolean }) => {
      const loaded = openFile(io, file);
      const w = unwrap(waiting(loaded, { ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), today: today(io) }));
      if (opts.json) return printJson(io, w);
      const actors = actorNames(loaded);
      const out: string[] = [asOfLine(w.asOf, w.asOfFrom), ""];
      if (w.waiting.length === 0) out.push("Nothing is waiting for an answer.\n");
      else {
        out.push("Waiting for an answer");
        out.push(
          renderTable(
            [["since", "days", "from", "awaiting", "what"]],
            w.waiting.map((x) => [x.since, days(x.minDays, x.maxDays), names(actors, x.from), names(actors, x.awaiting), clip(`${x.title} (${x.id})`, 80)]),
            ["left", "right"],
            { width: width(io), columns: [2, 3, 4] },
          ),
        );
      }
      if (w.pens.length > 0) {
        out.push("Pen holders");
        out.push(renderTable([["track", "pen with", "why"]], w.pens.map((p) => [p.name, p.holders.length ? names(actors, p.holders) : "-", why(p)]), undefined, { width: width(io), columns: [0, 2] }));
      }
      say(io, out.join("\n"));
    });
}

function why(p: Pen): string {
  const ago = p.minDays !== undefined ? `, ${days(p.minDays, p.maxDays!)} ago` : "";
  switch (p.state) {
    case "awaiting-answer":
      return `must answer ${p.document} (handed ${p.since}${ago})`;
    case "answered-without-text":
      return `${p.document} (${p.since}) was answered without a new text`;
    case "agreed":
      return `${p.document} is agreed (${p.since})`;
    case "not-handed":
      return `${p.document} (${p.since}) was handed to no one`;
    default:
      return "no text on this track yet";
  }
}
