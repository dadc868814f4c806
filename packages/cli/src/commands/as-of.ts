import type { Command } from "commander";
import { Option } from "commander";
import { asOf } from "@concord/app";
import type { CliIo } from "../io.js";
import { printJson, unwrap } from "../output.js";
import { readSource } from "../scenario.js";
import { toStdout, writeOutput } from "../write.js";

export function registerAsOf(program: Command, io: CliIo): void {
  program
    .command("as-of")
    .description("the scenario restricted to what was known on a date: no later source, event or statement, and no model evidence resting on them")
    .argument("<file>", "scenario file")
    .argument("<date>", "the day (YYYY-MM-DD; a month or year means its last day)")
    .option("-o, --output <file>", "write the restricted scenario to this file (whole or not at all; - for standard output)")
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
      const r = unwrap(asOf(readSource(io, file), { date, format: opts.format }), { flags: { date: "<date>" } });
      const { text, ...result } = r;
      if (opts.json && toStdout(opts.output)) return printJson(io, result);
      writeOutput(io, opts.output, text);
      if (opts.json) return printJson(io, r.dropped);
      const parts = (Object.entries(r.dropped) as [string, readonly string[]][])
        .filter(([, ids]) => ids.length > 0)
        .map(([k, ids]) => `${ids.length} ${k === "evidence" ? "evidence item" : k.replace(/s$/, "")}${ids.length === 1 ? "" : "s"} (${ids.join(", ")})`);
      io.stderr.write(`as of ${r.document.asOf}: ${parts.length === 0 ? "nothing dropped" : `dropped ${parts.join("; ")}`}\n`);
    });
}
