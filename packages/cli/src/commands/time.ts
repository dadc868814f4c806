import type { Command } from "commander";
import { timeCheck } from "@concord/app";
import { today, type CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { readSource } from "../scenario.js";

export function registerTime(program: Command, io: CliIo): void {
  program
    .command("time")
    .description("deadlines tied to options: what today's situation becomes at each if nobody acts, and which moves must come first")
    .argument("<file>", "scenario file (options with `deadline: { commitment, ifNoAction }`)")
    .option("--as-of <date>", "the day to count from (default: the scenario's asOf, else the record's last date, else today)")
    .option("--json", "print JSON: asOf, deadlines (each with the state before and after, the options it settles and the moves that avoid it), passed")
    .addHelpText(
      "after",
      `
An option tied to a commitment's deadline changes by itself when the deadline passes
(ifNoAction: "Y" or "N"), or is frozen at its value ("keep"). The deadlines are walked in
date order from the day: at each, the state the conflict is in becomes the state the
defaults give, unless someone moves first.

Example:
  concord time scenarios/examples/harbour.yaml`,
    )
    .action(async (file: string, opts: { asOf?: string; json?: boolean }) => {
      const r = unwrap(await timeCheck(readSource(io, file), { ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), today: today(io) }));
      if (opts.json) return printJson(io, r);
      const out: string[] = [`As of ${r.asOf}`, ""];
      if (r.deadlines.length === 0) out.push("No deadline ahead is tied to an option of the model.");
      // Each step's words give its date, what it settles and the state it leaves.
      for (const d of r.deadlines) out.push(`${d.words}${d.approximate ? " (The date is approximate.)" : ""}`, "");
      for (const p of r.passed) out.push(`Already passed${p.date !== undefined ? ` on ${p.date}` : ""}: the deadline of ${p.commitment}, which settled ${p.options.map((o) => `"${o}"`).join(", ")}.`);
      say(io, `${out.join("\n").trimEnd()}\n`);
    });
}
