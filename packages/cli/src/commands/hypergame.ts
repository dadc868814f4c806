import type { Command } from "commander";
import { hypergame } from "@concord/app";
import { workerRunner } from "@concord/node";
import type { CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { withProgress } from "../progress.js";
import { readSource } from "../scenario.js";

export function registerHypergame(program: Command, io: CliIo): void {
  program
    .command("hypergame")
    .description("misperceptions: each side's reading of the others' preferences, and which outcomes hold only because someone misreads someone")
    .argument("<file>", "scenario file (`perceives:` per decision maker) or a gmcr-py file")
    .option("--concepts <list>", "comma-separated concepts: nash,gmr,smr,seq", "nash,gmr,smr,seq")
    .option("--json", "print JSON: concepts, games (who misreads whom and what it expects), equilibria (truth and hypergame), onlyByMisreading, brokenByMisreading, summary")
    .addHelpText(
      "after",
      `
A first-level hypergame (docs/misperceptions.md): each decision maker analyses the game
it believes it plays, with its own reading of the others' preferences, and is stable
where it believes it is. A state is an equilibrium of the hypergame when each side is
stable in its own game.

Example:
  concord hypergame scenarios/examples/misreading.yaml`,
    )
    .action(async (file: string, opts: { concepts: string; json?: boolean }) => {
      const source = readSource(io, file);
      const r = unwrap(await withProgress(io, "Analysing each side's game", () => hypergame(source, { concepts: opts.concepts }, workerRunner())));
      if (opts.json) return printJson(io, r);
      const out = [r.summary, ""];
      for (const [c, list] of Object.entries(r.onlyByMisreading)) for (const e of list) out.push(`${c}: ${e.text}`);
      for (const [c, list] of Object.entries(r.brokenByMisreading)) for (const e of list) out.push(`${c}: ${e.text}`);
      say(io, `${out.join("\n").trimEnd()}\n`);
    });
}
