import type { Command } from "commander";
import { Option } from "commander";
import { analyze, BASIC_CONCEPTS, explain, type BasicConcept, type StateSpace } from "@concord/core";
import { printJson, readScenario, UserError } from "../io.js";

/** Finds a decision maker by name or id, ignoring case. */
export function findDm(space: StateSpace, name: string): number {
  const dms = space.model.decisionMakers;
  const key = name.toLowerCase();
  const d = dms.findIndex((x) => x.name.toLowerCase() === key || x.id.toLowerCase() === key);
  if (d < 0) throw new UserError(`--dm: no decision maker "${name}"; expected one of ${dms.map((x) => `"${x.name}"`).join(", ")}`);
  return d;
}

export function parseState(space: StateSpace, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > space.size) {
    throw new UserError(`--state: expected a state number from 1 to ${space.size}, found "${text}"`);
  }
  return n - 1;
}

export function registerExplain(program: Command): void {
  program
    .command("explain")
    .description("explain why a state is or is not stable for a decision maker: its improvements and what deters them")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .requiredOption("--state <n>", "state number (as in `concord states`)")
    .requiredOption("--dm <name>", "decision maker (name or id)")
    .addOption(new Option("--concept <concept>", "solution concept (default: all four)").choices([...BASIC_CONCEPTS]))
    .option("--json", "print JSON")
    .action((file: string, opts: { state: string; dm: string; concept?: BasicConcept; json?: boolean }) => {
      const { space } = readScenario(file);
      if (!space) throw new UserError(`${file}: the scenario has no model (no "model" section) to analyse`);
      const s = parseState(space, opts.state);
      const d = findDm(space, opts.dm);
      const concepts = opts.concept ? [opts.concept] : [...BASIC_CONCEPTS];
      const a = analyze(space, concepts);
      const explanations = concepts.map((c) => explain(a, s, d, c));
      if (opts.json) return printJson(opts.concept ? explanations[0] : explanations);
      process.stdout.write(explanations.map((e) => e.text).join("\n\n") + "\n");
    });
}
