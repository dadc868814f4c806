import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { Option } from "commander";
import { stringify } from "yaml";
import { exportGmcr, formatGmcr } from "@concord/core";
import { readScenario, UserError } from "../io.js";

export function registerConvert(program: Command): void {
  program
    .command("convert")
    .description("convert a scenario between YAML, JSON and gmcr-py's .gmcr format")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .addOption(new Option("--to <format>", "output format").choices(["yaml", "json", "gmcr"]).makeOptionMandatory())
    .option("-o, --output <file>", "write to this file instead of standard output")
    .addHelpText(
      "after",
      "\n--to gmcr writes the conflict model only (options, decision makers, feasibility, preferences);\n" +
        "statements with IF or nesting are written in the equivalent OR-of-ANDs form gmcr-py uses.\n" +
        "Sources, evidence, notes and the status quo have no place in a .gmcr file. See docs/gmcr-py.md.",
    )
    .action((file: string, opts: { to: "yaml" | "json" | "gmcr"; output?: string }) => {
      const { scenario, space } = readScenario(file);
      let text: string;
      if (opts.to === "yaml") text = stringify(scenario.document, { lineWidth: 0 });
      else if (opts.to === "json") text = JSON.stringify(scenario.document, null, 2) + "\n";
      else {
        if (!space) throw new UserError(`${file}: the scenario has no model (no "model" section), so there is nothing to write as a gmcr-py file`);
        const r = exportGmcr(space);
        if (!r.ok) {
          const problems = r.problems.map((p) => ({ ...p, file }));
          throw new UserError(`${file}: cannot be written as a gmcr-py file: ${problems.length} problem${problems.length === 1 ? "" : "s"}`, problems);
        }
        text = formatGmcr(r.value);
      }
      if (opts.output) writeFileSync(opts.output, text);
      else process.stdout.write(text);
    });
}
