import type { Command } from "commander";
import { readScenario } from "../io.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check a scenario (YAML, JSON or .gmcr) and report every problem with line:column")
    .argument("<file>", "scenario file")
    .addHelpText("after", "\nExit code 0 when the file is valid, 2 when it has problems (each printed as file:line:column: path: message).")
    .action((file: string) => {
      const { scenario, space } = readScenario(file);
      const m = scenario.model;
      const parts = [`${file}: valid scenario "${scenario.title}"`];
      if (m && space) parts.push(`${m.decisionMakers.length} decision makers, ${m.options.length} options, ${space.size} feasible states`);
      const doc = scenario.document;
      const record = (["tracks", "documents", "events", "statements", "commitments"] as const)
        .map((k) => [k, doc[k]?.length ?? 0] as const)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${n === 1 ? k.slice(0, -1) : k}`);
      const extra = record.length > 0 ? `; record: ${record.join(", ")}; ${scenario.sources.length} sources` : "";
      process.stdout.write(parts.join(": ") + extra + "\n");
    });
}
