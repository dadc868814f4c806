import type { Command } from "commander";
import { importEvents } from "@concord/app";
import type { CliIo } from "../io.js";
import { formatProblem } from "@concord/app";
import { printJson, problems, unwrap } from "../output.js";
import { readInput, readSource } from "../scenario.js";
import { writeOutput } from "../write.js";

export function registerImportEvents(program: Command, io: CliIo): void {
  program
    .command("import-events")
    .description("read events from CSV (the format of concord export --to cameo) into a scenario: new ids are added, known ids updated")
    .argument("<csv>", "CSV file")
    .requiredOption("--into <file>", "the scenario to import into (YAML or JSON); changed in place unless -o is given")
    .option("-o, --output <file>", "write the result here instead of changing --into (- for standard output)")
    .option("--dry-run", "only report what would change")
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      `
Required columns: id, date, kind, title; the others of the export are optional and
extra columns are ignored. A cell that starts with ' before =, +, -, @ (as export
writes formula-like cells) is read without the '; other cells a spreadsheet would run
as formulas are kept as text, with a warning. Lists (by, to, participants, sources, …) are separated by ;.
event_code sets the event's cameo: when it differs from the default for its kind (or
code_source says explicit); leading zeros dropped by spreadsheets are restored.

The whole result is checked before anything is written: a bad row is reported at its
CSV line, and the scenario is left untouched. In YAML files, comments and the layout
of events that did not change are kept.

Example:
  concord export talks.yaml --to cameo -o events.csv   # edit in a spreadsheet
  concord import-events events.csv --into talks.yaml`,
    )
    .action((csvFile: string, opts: { into: string; output?: string; dryRun?: boolean; json?: boolean }) => {
      const csv = readInput(io, csvFile, "CSV");
      const into = readSource(io, opts.into);
      const target = opts.output ?? opts.into;
      const r = unwrap(importEvents(into, { text: csv, file: csvFile }, { format: /\.json$/i.test(target) ? "json" : "yaml" }), {
        summary: (ps) => `${ps[0]?.file ?? csvFile}: ${problems(ps.length)}; nothing was imported`,
      });
      for (const w of r.warnings) io.stderr.write(`${formatProblem({ ...w, message: `warning: ${w.message}` })}\n`);
      // In place, the write is refused if the scenario changed since it was read: a concurrent edit is never lost.
      const inPlace = opts.output === undefined;
      if (!opts.dryRun && (r.added.length > 0 || r.updated.length > 0 || !inPlace)) writeOutput(io, target, r.text, inPlace ? { unchangedSince: into.hash } : {});
      if (opts.json) return printJson(io, { added: r.added, updated: r.updated, unchanged: r.unchanged });
      // With -o -, standard output holds the scenario: the summary goes to standard error.
      const say = opts.output === "-" ? io.stderr : io.stdout;
      const verb = opts.dryRun ? "would add" : "added";
      say.write(
        `${verb} ${r.added.length}, ${opts.dryRun ? "would update" : "updated"} ${r.updated.length}, unchanged ${r.unchanged.length} event${r.unchanged.length === 1 ? "" : "s"}` +
          `${r.added.length ? `\n  added: ${r.added.join(", ")}` : ""}${r.updated.length ? `\n  updated: ${r.updated.join(", ")}` : ""}\n`,
      );
    });
}
