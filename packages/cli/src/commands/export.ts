import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { Option } from "commander";
import { exportCameo, exportPax, readCsv } from "@concord/core";
import { readScenario, UserError } from "../io.js";
import { viewDay } from "../record-options.js";

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("export the record as CSV: events with CAMEO event codes, or documents as rows of the PA-X agreements table")
    .argument("<file>", "scenario file")
    .addOption(new Option("--to <format>", "cameo: events with CAMEO codes; pax: documents shaped like PA-X").choices(["cameo", "pax"]).makeOptionMandatory())
    .option("-o, --output <file>", "write to this file instead of standard output")
    .option("--all", "pax: also export drafts and proposals (PA-X itself holds agreed texts only)")
    .option("--as-of <date>", "pax: the day document statuses are worked out for (default: the scenario's asOf, else today)")
    .option("--json", "print the rows as JSON objects (column → value) instead of CSV")
    .addHelpText(
      "after",
      `
cameo: one row per event. event_code is the event's cameo: field, else a default where
one clearly applies (057 agreement signed, 040 meeting, 010 statement, 125 declined);
where none applies (tabling a proposal, a hearing, a deadline) it is empty and code_note
says why. concord import-events reads the same CSV back.

pax: the PA-X columns Con, PP, PPName, AgtId, Agt, Dat, Status, Stage, StageSub, Part,
ThrdPart, OthAgr, then concord_id, concord_kind, concord_status and sources.

Examples:
  concord export talks.yaml --to cameo -o events.csv
  concord export talks.yaml --to pax --all`,
    )
    .action((file: string, opts: { to: "cameo" | "pax"; output?: string; all?: boolean; asOf?: string; json?: boolean }) => {
      const { scenario } = readScenario(file);
      const doc = scenario.document;
      const csv = opts.to === "cameo" ? exportCameo(doc) : exportPax(doc, viewDay(opts.asOf, doc).day, { all: opts.all ?? false });
      const text = opts.json ? JSON.stringify(asObjects(csv), null, 2) + "\n" : csv;
      if (!opts.output) {
        process.stdout.write(text);
        return;
      }
      try {
        writeFileSync(opts.output, text);
      } catch (e) {
        throw new UserError(`${opts.output}: cannot write the file: ${(e as Error).message}`);
      }
    });
}

/** CSV rows as objects keyed by the header's columns. */
function asObjects(csv: string): Record<string, string>[] {
  const r = readCsv(csv);
  if ("error" in r) throw new Error(`export wrote unreadable CSV: ${r.error}`);
  const [head, ...rows] = r.rows;
  return rows.map((row) => Object.fromEntries(head!.fields.map((h, i) => [h, row.fields[i] ?? ""])));
}
