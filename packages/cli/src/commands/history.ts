import type { Command } from "commander";
import { historyCheck } from "@concord/app";
import type { CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { readSource } from "../scenario.js";

export function registerHistory(program: Command, io: CliIo): void {
  program
    .command("history")
    .description("check the model against what happened: from each observed state, which of its predictions held by the next observation")
    .argument("<file>", "scenario file (the model's `observed:` states, each with a date and sources)")
    .option("--json", "print JSON: observations, steps with their predictions (held: true, false or \"open\"), and the counts")
    .addHelpText(
      "after",
      `
From each observed state the model predicts whether the conflict stays (an equilibrium)
or leaves, which states it can reach by moves the sides want, and whether each side's
part of the next observed change was a move it wanted. Each prediction is checked
against the next observation; "open" means the observation cannot decide it.

Example:
  concord history scenarios/examples/harbour.yaml`,
    )
    .action(async (file: string, opts: { json?: boolean }) => {
      const r = unwrap(await historyCheck(readSource(io, file)));
      if (opts.json) return printJson(io, r);
      if (r.observations.length < 2) return say(io, `The model has ${r.observations.length === 0 ? "no observed state" : "one observed state"}; at least two (with dates) are needed to check a prediction.\n`);
      const out = [`${r.held} predictions held, ${r.failed} failed, ${r.open} could not be decided, over ${r.observations.length} observations.`, ""];
      for (const s of r.steps) {
        const from = r.observations[s.from]!;
        const to = r.observations[s.to]!;
        out.push(`From ${from.date} (${from.text}) to ${to.date} (${to.text}):`);
        for (const p of s.predictions) out.push(`  ${p.held === "open" ? "open " : p.held ? "held " : "FAILED"} ${p.words}`);
        out.push("");
      }
      say(io, `${out.join("\n").trimEnd()}\n`);
    });
}
