import type { Command } from "commander";
import { Option } from "commander";
import { exportRecord } from "@concord/app";
import { today, type CliIo } from "../io.js";
import { printJson, unwrap } from "../output.js";
import { readSource } from "../scenario.js";
import { writeOutput } from "../write.js";

export function registerExport(program: Command, io: CliIo): void {
  program
    .command("export")
    .description("export the record as CSV: events with CAMEO event codes, or documents as rows of the PA-X agreements table")
    .argument("<file>", "scenario file")
    .addOption(new Option("--to <format>", "cameo: events with CAMEO codes; pax: documents shaped like PA-X").choices(["cameo", "pax"]).makeOptionMandatory())
    .option("-o, --output <file>", "write to this file (whole or not at all; - for standard output)")
    .option("--all", "pax: also export drafts and proposals (PA-X itself holds agreed texts only)")
    .option("--as-of <date>", "pax: the day document statuses are worked out for (default: the scenario's asOf, else the record's last date, else today)")
    .option("--json", "print the rows as JSON objects (column → value) instead of CSV; with -o, write them to the file and print what was written")
    .option("--raw", "write cells as they are, even those a spreadsheet would run as formulas (default: such cells start with ')")
    .addHelpText(
      "after",
      `
cameo: one row per event. event_code is the event's cameo: field, else a default where
one clearly applies (057 agreement signed, 040 meeting, 010 statement, 125 declined);
where none applies (tabling a proposal, a hearing, a deadline) it is empty and code_note
says why. concord import-events reads the same CSV back.

Cells that start with =, +, -, @, a tab or a carriage return are written with a
leading ' so that a spreadsheet shows them instead of running them as formulas
(OWASP's advice); import-events reads them back as they were. --raw turns this off.

pax: the PA-X columns Con, PP, PPName, AgtId, Agt, Dat, Status, Stage, StageSub, Part,
ThrdPart, OthAgr, then concord_id, concord_kind, concord_status and sources.

Examples:
  concord export talks.yaml --to cameo -o events.csv
  concord export talks.yaml --to pax --all`,
    )
    .action((file: string, opts: { to: "cameo" | "pax"; output?: string; all?: boolean; asOf?: string; json?: boolean; raw?: boolean }) => {
      const r = unwrap(exportRecord(readSource(io, file), { to: opts.to, all: opts.all ?? false, raw: opts.raw === true, ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), today: today(io) }));
      if (opts.json && !opts.output) return printJson(io, r.rows);
      // A file gets the rows themselves (CSV, or with --json a JSON array): it is data, not a command's answer.
      const text = opts.json ? JSON.stringify(r.rows, null, 2) + "\n" : r.text;
      writeOutput(io, opts.output, text);
      if (opts.json && opts.output !== "-") printJson(io, { file: opts.output, rows: r.rows.length });
    });
}
