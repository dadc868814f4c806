import type { Command } from "commander";
import { importEvents } from "@concord/app";
import { readTextFile, writeTextFile } from "@concord/node";
import type { CliIo } from "../io.js";
import { printJson, problems, say, unwrap } from "../output.js";
import { readSource } from "../scenario.js";

export function registerImportEvents(program: Command, io: CliIo): void {
  program
    .command("import-events")
    .description("read events from CSV (the format of concord export --to cameo) into a scenario: new ids are added, known ids updated")
    .argument("<csv>", "CSV file")
    .requiredOption("--into <file>", "the scenario to import into (YAML or JSON); changed in place unless -o is given")
    .option("-o, --output <file>", "write the result here instead of changing --into")
    .option("--dry-run", "only report what would change")
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      `
Required columns: id, date, kind, title; the others of the export are optional and
extra columns are ignored. Lists (by, to, participants, sources, …) are separated by ;.
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
      const csv = unwrap(readTextFile(csvFile, { cwd: io.cwd }));
      const into = readSource(io, opts.into);
      const target = opts.output ?? opts.into;
      const r = unwrap(importEvents(into, { text: csv, file: csvFile }, { format: /\.json$/i.test(target) ? "json" : "yaml" }), {
        summary: (ps) => `${ps[0]?.file ?? csvFile}: ${problems(ps.length)}; nothing was imported`,
      });
      if (!opts.dryRun && (r.added.length > 0 || r.updated.length > 0 || opts.output !== undefined)) unwrap(writeTextFile(target, r.text, { cwd: io.cwd }));
      if (opts.json) return printJson(io, { added: r.added, updated: r.updated, unchanged: r.unchanged });
      const verb = opts.dryRun ? "would add" : "added";
      say(io, 
        `${verb} ${r.added.length}, ${opts.dryRun ? "would update" : "updated"} ${r.updated.length}, unchanged ${r.unchanged.length} event${r.unchanged.length === 1 ? "" : "s"}` +
          `${r.added.length ? `\n  added: ${r.added.join(", ")}` : ""}${r.updated.length ? `\n  updated: ${r.updated.join(", ")}` : ""}\n`,
      );
    });
}
