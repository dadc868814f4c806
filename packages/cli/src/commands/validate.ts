import type { Command } from "commander";
import { formatProblem, validate } from "@concord/app";
import type { CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { readSource } from "../scenario.js";

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command("validate")
    .description("check a scenario (YAML, JSON or .gmcr) and report every problem with line:column")
    .argument("<file>", "scenario file")
    .option("--json", 'print JSON: { "ok": true, "value": { id, title, model, record, sources } } or { "ok": false, "problems": [...] }')
    .addHelpText("after", "\nExit code 0 when the file is valid, 2 when it has problems (each printed as file:line:column: path: message).\nWarnings (a statement and its opposite in one preference list, a statement that never holds,\nan option no preference mentions) are printed the same way, on standard error, and keep exit code 0.")
    .action((file: string, opts: { json?: boolean }) => {
      const v = unwrap(validate(readSource(io, file)));
      if (opts.json) return printJson(io, v);
      const parts = [`${file}: valid scenario "${v.title}"`];
      if (v.model) parts.push(`${v.model.decisionMakers} decision makers, ${v.model.options} options, ${v.model.states} feasible states`);
      const record = Object.entries(v.record).map(([k, n]) => `${n} ${n === 1 ? k.slice(0, -1) : k}`);
      const extra = record.length > 0 ? `; record: ${record.join(", ")}; ${v.sources} sources` : "";
      say(io, parts.join(": ") + extra + "\n");
      for (const w of v.warnings) io.stderr.write(`${formatProblem(w)}\n`);
    });
}
