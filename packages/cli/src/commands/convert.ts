import type { Command } from "commander";
import { Option } from "commander";
import { convert } from "@concord/app";
import { writeTextFile } from "@concord/node";
import type { CliIo } from "../io.js";
import { problems, unwrap } from "../output.js";
import { openFile } from "../scenario.js";

export function registerConvert(program: Command, io: CliIo): void {
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
      const { text, notes } = unwrap(convert(openFile(io, file), { to: opts.to }), {
        summary: (ps) => `${file}: cannot be written as a gmcr-py file: ${problems(ps.length)}`,
      });
      for (const n of notes ?? []) io.stderr.write(`note: ${n}\n`);
      if (opts.output) unwrap(writeTextFile(opts.output, text, { cwd: io.cwd }));
      else io.stdout.write(text);
    });
}
