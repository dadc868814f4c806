import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { Option } from "commander";
import { stringify } from "yaml";
import { readScenario } from "../io.js";

export function registerConvert(program: Command): void {
  program
    .command("convert")
    .description("convert a scenario between YAML, JSON and gmcr-py's .gmcr format")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .addOption(new Option("--to <format>", "output format").choices(["yaml", "json", "gmcr"]).makeOptionMandatory())
    .option("-o, --output <file>", "write to this file instead of standard output")
    .action((file: string, opts: { to: "yaml" | "json" | "gmcr"; output?: string }) => {
      const { scenario } = readScenario(file);
      let text: string;
      if (opts.to === "yaml") text = stringify(scenario.document, { lineWidth: 0 });
      else if (opts.to === "json") text = JSON.stringify(scenario.document, null, 2) + "\n";
      else throw new Error("gmcr export is not available yet");
      if (opts.output) writeFileSync(opts.output, text);
      else process.stdout.write(text);
    });
}
