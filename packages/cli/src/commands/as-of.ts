import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { Option } from "commander";
import { asOf, formatProblem, validateDocument } from "@concord/core";
import { stringify } from "yaml";
import { printJson, readScenario, UserError } from "../io.js";
import { viewDay } from "../record-options.js";

export function registerAsOf(program: Command): void {
  program
    .command("as-of")
    .description("the scenario restricted to what was known on a date: no later source, event or statement, and no model evidence resting on them")
    .argument("<file>", "scenario file")
    .argument("<date>", "the day (YYYY-MM-DD; a month or year means its last day)")
    .option("-o, --output <file>", "write the restricted scenario to this file instead of standard output")
    .addOption(new Option("--format <format>", "output format").choices(["yaml", "json"]).default("yaml"))
    .option("--json", "print what was dropped as JSON (with -o) or the whole result as JSON")
    .addHelpText(
      "after",
      `
Sources count when surely published by the day; undated sources are kept. Events,
documents and statements are kept when dated by the day and still cited by a kept
source (events announced earlier stay, as planned). Statuses reached later are undone
(a meeting cancelled later is still planned). The result is a valid scenario dated the
day, so an analysis made as of then can be rerun and compared with what happened.

Example:
  concord as-of talks.yaml 2023-11-30 -o talks-2023-11-30.yaml`,
    )
    .action((file: string, date: string, opts: { output?: string; format: "yaml" | "json"; json?: boolean }) => {
      const { scenario } = readScenario(file);
      const { day } = viewDay(date, scenario.document, "<date>");
      const r = asOf(scenario.document, day);
      // The result must load again; if it does not, that is Concord's bug, and nothing is written.
      const check = validateDocument(r.document);
      if (!check.ok) throw new Error(`as-of produced an invalid scenario:\n${check.problems.map(formatProblem).join("\n")}`);
      const text = opts.format === "json" ? JSON.stringify(r.document, null, 2) + "\n" : stringify(r.document, { lineWidth: 0 });
      if (opts.json && !opts.output) return printJson(r);
      if (opts.output) {
        try {
          writeFileSync(opts.output, text);
        } catch (e) {
          throw new UserError(`${opts.output}: cannot write the file: ${(e as Error).message}`);
        }
      } else process.stdout.write(text);
      if (opts.json) return printJson(r.dropped);
      const parts = (Object.entries(r.dropped) as [string, readonly string[]][])
        .filter(([, ids]) => ids.length > 0)
        .map(([k, ids]) => `${ids.length} ${k === "evidence" ? "evidence item" : k.replace(/s$/, "")}${ids.length === 1 ? "" : "s"} (${ids.join(", ")})`);
      process.stderr.write(`as of ${r.document.asOf}: ${parts.length === 0 ? "nothing dropped" : `dropped ${parts.join("; ")}`}\n`);
    });
}
