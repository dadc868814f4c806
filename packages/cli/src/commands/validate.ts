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
      process.stdout.write(parts.join(": ") + "\n");
    });
}
