import type { Command } from "commander";
import { deadlines, type CommitmentTerm } from "@concord/core";
import { printJson, readScenario } from "../io.js";
import { clip, days, names, viewDay } from "../record-options.js";
import { renderTable } from "../table.js";

export function registerDeadlines(program: Command): void {
  program
    .command("deadlines")
    .description("commitments in force, their expiry and notice windows, and the record's deadline events")
    .argument("<file>", "scenario file")
    .option("--as-of <date>", "the day to compute for (default: the scenario's asOf, else today)")
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
      const { scenario } = readScenario(file);
      const doc = scenario.document;
      const { day, from } = viewDay(opts.asOf, doc);
      const d = deadlines(doc, day);
      if (opts.json) return printJson(d);
      const out: string[] = [`As of ${d.asOf}${from === "scenario" ? " (the scenario's date)" : from === "today" ? " (today)" : ""}`, ""];
      if (d.commitments.length > 0) {
        out.push("Commitments");
        out.push(
          renderTable(
            [["commitment", "bound", "state", "term", "expiry", "notice by", "after expiry"]],
            d.commitments.map((c) => [clip(`${c.what} (${c.id})`, 60), names(doc, c.bound), c.state + (c.approximate ? " ~" : "") + (c.alleged ? " (alleged)" : ""), c.term !== undefined ? `${c.term} (from ${c.termStart})` : "-", expiry(c), notice(c), after(c)]),
          ),
        );
      }
      if (d.deadlines.length > 0) {
        out.push("Deadlines");
        out.push(
          renderTable(
            [["date", "days left", "deadline", "who"]],
            d.deadlines.map((x) => [x.date, String(x.daysLeft), clip(`${x.title} (${x.id})`, 70), names(doc, x.participants)]),
            ["left", "right"],
          ),
        );
      }
      if (d.commitments.length === 0 && d.deadlines.length === 0) out.push("No commitments and no deadline events in the record.\n");
      else if (d.commitments.some((c) => c.approximate)) out.push("~ rests on a date that is approximate or not known to the day.\n");
      process.stdout.write(out.join("\n"));
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
