import type { Command } from "commander";
import { actorNames, deadlines, type CommitmentTerm } from "@concord/app";
import { today, width, type CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { openFile } from "../scenario.js";
import { renderTable } from "../table.js";
import { asOfLine, clip, days, names } from "../text.js";

export function registerDeadlines(program: Command, io: CliIo): void {
  program
    .command("deadlines")
    .description("commitments in force, their expiry and notice windows, and the record's deadline events")
    .argument("<file>", "scenario file")
    .option("--as-of <date>", "the day to compute for (default: the scenario's asOf, else the record's last date, else today)")
    .option("--json", "print JSON instead of tables")
    .addHelpText(
      "after",
      `
Terms are counted from the start in calendar months, clamped to the month's end (six
months from 31 August is the last day of February). A term ends on its anniversary.
With automatic renewal the notice deadline is expiry minus the notice period; a notice
given after it takes effect at the end of the next term. Notices and early ends dated
after the day are ignored.

Example:
  concord deadlines talks.yaml --as-of 2023-12-07`,
    )
    .action((file: string, opts: { asOf?: string; json?: boolean }) => {
      const loaded = openFile(io, file);
      const d = unwrap(deadlines(loaded, { ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), today: today(io) }));
      if (opts.json) return printJson(io, d);
      const actors = actorNames(loaded);
      const out: string[] = [asOfLine(d.asOf, d.asOfFrom), ""];
      if (d.commitments.length > 0) {
        out.push("Commitments");
        out.push(
          renderTable(
            [["commitment", "bound", "state", "term", "expiry", "notice by", "after expiry"]],
            d.commitments.map((c) => [clip(`${c.what} (${c.id})`, 60), names(actors, c.bound), c.state + (c.approximate ? " ~" : "") + (c.alleged ? " (alleged)" : ""), c.term !== undefined ? `${c.term} (from ${c.termStart})` : "-", expiry(c), notice(c), after(c)]),
            undefined,
            { width: width(io), columns: [0, 1, 6] },
          ),
        );
      }
      if (d.deadlines.length > 0) {
        out.push("Deadlines");
        out.push(
          renderTable(
            [["date", "days left", "deadline", "who"]],
            d.deadlines.map((x) => [x.date, String(x.daysLeft), clip(`${x.title} (${x.id})`, 70), names(actors, x.participants)]),
            ["left", "right"],
            { width: width(io), columns: [2, 3] },
          ),
        );
      }
      if (d.commitments.length === 0 && d.deadlines.length === 0) out.push("No commitments and no deadline events in the record.\n");
      else if (d.commitments.some((c) => c.approximate)) out.push("~ rests on a date that is approximate or not known to the day.\n");
      say(io, out.join("\n"));
    });
}

function expiry(c: CommitmentTerm): string {
  if (c.expiry === undefined) return c.state === "ended" ? `ended ${c.endsOn}` : "-";
  return `${c.expiry} (${c.daysToExpiry! >= 0 ? `in ${days(c.daysToExpiry!, c.daysToExpiry!)}` : `${days(-c.daysToExpiry!, -c.daysToExpiry!)} ago`})`;
}

function notice(c: CommitmentTerm): string {
  if (c.noticeDeadline === undefined || c.state !== "running") return "-";
  const left = c.daysToNoticeDeadline!;
  return `${c.noticeDeadline} (${left >= 0 ? `${days(left, left)} left` : "passed"})`;
}

function after(c: CommitmentTerm): string {
  if (c.state === "ended") return `ended early${c.ended?.reason !== undefined ? `: ${c.ended.reason}` : ""}`;
  if (c.state === "expired") return "expired";
  if (c.state === "not-started") return `starts ${c.from}`;
  if (c.expiry === undefined) return "open-ended";
  if (c.renewsAtExpiry) return "renews automatically";
  if (c.notices.length > 0) return `ends: notice by ${c.notices.map((n) => `${n.by} (${n.date})`).join(", ")}`;
  return c.renewal === "by-agreement" ? "ends unless renewed by agreement" : "ends";
}
