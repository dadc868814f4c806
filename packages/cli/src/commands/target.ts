import type { Command } from "commander";
import { target } from "@concord/app";
import type { CliIo } from "../io.js";
import { printJson, unwrap } from "../output.js";
import { readSource } from "../scenario.js";
import { renderTable } from "../table.js";

export function registerTarget(program: Command, io: CliIo): void {
  program
    .command("target")
    .description("the states a target names: an option pattern (`venue = direct & -(transit = extraterritorial)`) or one of the model's named targets")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .argument("<pattern>", "a statement of the preference language, or a named target's id")
    .option("--limit <n>", "most states listed", "50")
    .option("--json", "print JSON: target, count, states (number, Y/N, words), statusQuoMatches, answer")
    .action((file: string, pattern: string, opts: { limit: string; json?: boolean }) => {
      const r = unwrap(target(readSource(io, file), { target: pattern, limit: opts.limit }));
      if (opts.json) return printJson(io, r);
      let out = `${r.answer}\n`;
      if (r.states.length > 0) {
        out += `\n${renderTable([["state", "Y/N", "what each decision maker does"]], r.states.map((s) => [String(s.state), s.yn, s.words]))}`;
        if (r.count > r.states.length) out += `Showing ${r.states.length} of ${r.count}; --limit shows more.\n`;
      }
      io.stdout.write(out);
    });
}
