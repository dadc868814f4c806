import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { importCameo, loadScenario, type Problem } from "@concord/core";
import { isMap, isSeq, parseDocument } from "yaml";
import { printJson, readScenario, UserError } from "../io.js";

export function registerImportEvents(program: Command): void {
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
      const csv = read(csvFile);
      const { scenario } = readScenario(opts.into);
      const r = importCameo(csv, scenario.document);
      if (r.problems.length > 0 || !r.document) {
        const problems: Problem[] = r.problems.map((p) => (p.line !== undefined && p.path.length === 0 ? { ...p, file: csvFile } : { ...p, file: opts.into }));
        throw new UserError(`${csvFile}: ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was imported`, problems);
      }
      const summary = { added: r.added, updated: r.updated, unchanged: r.unchanged };
      if (!opts.dryRun && (r.added.length > 0 || r.updated.length > 0 || opts.output !== undefined)) {
        const target = opts.output ?? opts.into;
        const original = read(opts.into);
        const text = /\.json$/i.test(target) ? JSON.stringify(r.document, null, 2) + "\n" : yamlWithEvents(original, r.document.events ?? [], r.added, r.updated);
        // What is written must load: check before touching the file.
        const check = loadScenario(text, { file: target });
        if (!check.ok) throw new Error(`import produced an invalid scenario: ${check.problems.map((p) => p.message).join("; ")}`);
        try {
          writeFileSync(target, text);
        } catch (e) {
          throw new UserError(`${target}: cannot write the file: ${(e as Error).message}`);
        }
      }
      if (opts.json) return printJson(summary);
      const verb = opts.dryRun ? "would add" : "added";
      process.stdout.write(
        `${verb} ${r.added.length}, ${opts.dryRun ? "would update" : "updated"} ${r.updated.length}, unchanged ${r.unchanged.length} event${r.unchanged.length === 1 ? "" : "s"}` +
          `${r.added.length ? `\n  added: ${r.added.join(", ")}` : ""}${r.updated.length ? `\n  updated: ${r.updated.join(", ")}` : ""}\n`,
      );
    });
}

function read(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new UserError(`${file}: cannot read the file: ${reason}`);
  }
}

/** The scenario's YAML with only the added and updated events rewritten, so comments elsewhere stay. */
function yamlWithEvents(text: string, events: readonly { id: string }[], added: readonly string[], updated: readonly string[]): string {
  const doc = parseDocument(text);
  const seq = doc.get("events", true);
  if (!isSeq(seq)) {
    doc.set("events", doc.createNode(events));
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }
  for (const id of updated) {
    const k = seq.items.findIndex((item) => isMap(item) && item.get("id") === id);
    seq.items[k] = doc.createNode(events.find((e) => e.id === id));
  }
  for (const id of added) seq.items.push(doc.createNode(events.find((e) => e.id === id)));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
