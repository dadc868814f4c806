import type { Command } from "commander";
import { Option } from "commander";
import { BASIC_CONCEPTS, explain, type BasicConcept } from "@concord/app";
import { workerRunner } from "@concord/node";
import type { CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { readSource } from "../scenario.js";

export function registerExplain(program: Command, io: CliIo): void {
  program
    .command("explain")
    .description("explain why a state is or is not stable for a decision maker: its improvements and what deters them")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .requiredOption("--state <n>", "state number (as in `concord states`)")
    .requiredOption("--dm <name>", "decision maker: its name or id, or the start of one")
    .addOption(new Option("--concept <concept>", "solution concept (default: all four)").choices([...BASIC_CONCEPTS]))
    .option("--json", "print JSON")
    .action(async (file: string, opts: { state: string; dm: string; concept?: BasicConcept; json?: boolean }) => {
      const explanations = unwrap(
        await explain(readSource(io, file), { state: opts.state, dm: opts.dm, ...(opts.concept ? { concepts: [opts.concept] } : {}) }, workerRunner()),
      );
      if (opts.json) return printJson(io, opts.concept ? explanations[0] : explanations);
      say(io, explanations.map((e) => e.text).join("\n\n") + "\n");
    });
}
