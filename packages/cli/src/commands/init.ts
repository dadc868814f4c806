import { existsSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import type { Command } from "commander";
import { newScenario } from "@concord/app";
import { writeTextFile } from "@concord/node";
import { assetPath } from "../assets.js";
import type { CliIo } from "../io.js";
import { CliFailure, printJson, say, unwrap } from "../output.js";

export function registerInit(program: Command, io: CliIo): void {
  program
    .command("init")
    .description("start a new scenario: a small valid model to edit, with the line that lets editors check it against the JSON Schema")
    .argument("[file]", "the file to create (default: scenario.yaml); never overwritten", "scenario.yaml")
    .option("--json", "print JSON: the file written and the schema it points to")
    .addHelpText(
      "after",
      `
The first line, # yaml-language-server: $schema=…, points to the JSON Schema shipped
with Concord: VS Code (with the YAML extension) and other editors using
yaml-language-server then complete keys and flag mistakes as you type.

Example:
  concord init talks.yaml && concord validate talks.yaml`,
    )
    .action((file: string, opts: { json?: boolean }) => {
      const path = resolve(io.cwd, file);
      if (existsSync(path)) throw new CliFailure([{ code: "io", path: [], file, message: "the file already exists; give another name (init never overwrites)" }]);
      const schemaFile = assetPath("schema/scenario.schema.json");
      // Relative to the new file, as yaml-language-server reads it; forward slashes on every system.
      const schema = relative(dirname(path), schemaFile).split("\\").join("/");
      const id = basename(path).replace(/\.(ya?ml)$/i, "").toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^[^a-z]+|-+$/g, "") || "my-scenario";
      const { text } = unwrap(newScenario({ id, schema }));
      unwrap(writeTextFile(file, text, { cwd: io.cwd }));
      if (opts.json) return printJson(io, { file: path, schema: schemaFile });
      say(io, `Wrote ${file}: a scenario with two decision makers to edit. Next: concord validate ${file}\n`);
    });
}
