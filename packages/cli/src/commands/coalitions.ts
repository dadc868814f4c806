import type { Command } from "commander";
import { coalitions, moveText } from "@concord/app";
import { workerRunner } from "@concord/node";
import { answerText } from "../answer.js";
import type { CliIo } from "../io.js";
import { printJson, unwrap } from "../output.js";
import { withProgress } from "../progress.js";
import { readSource } from "../scenario.js";

export function registerCoalitions(program: Command, io: CliIo): void {
  program
    .command("coalitions")
    .description("what decision makers can do together: can a group move the status quo, which equilibria fall to a coalition")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .option("--partition <groups>", 'groups joined by "+", separated by ",", e.g. "am+west,az,ru" (others act alone); default: every coalition')
    .option("--concepts <list>", "comma-separated concepts: nash,gmr,smr,seq", "nash,gmr,smr,seq")
    .option("--json", "print JSON: answers (plain words, grounds, sources), partition or all, together, statusQuo")
    .action(async (file: string, opts: { partition?: string; concepts: string; json?: boolean }) => {
      const source = readSource(io, file);
      const r = unwrap(await withProgress(io, "Analysing coalitions", () => coalitions(source, { concepts: opts.concepts, ...(opts.partition !== undefined ? { partition: opts.partition } : {}) }, workerRunner())));
      if (opts.json) return printJson(io, r);
      const lines: string[] = ["Detail", ""];
      for (const t of r.together ?? []) lines.push(t.answer, "");
      if (r.partition) lines.push(r.partition.summary);
      if (r.all) lines.push(r.all.summary);
      if (r.statusQuo) {
        lines.push("", r.statusQuo.summary);
        const only = Object.entries(r.statusQuo.onlyWithCoalitions).filter(([, s]) => s.length > 0);
        for (const [c, s] of only) lines.push(`  ${c}: reachable only with joint moves: ${s.join(", ")}`);
      }
      const first = r.together?.[0]?.stability.nash?.improvements[0];
      if (first) lines.push("", `Nearest joint improvement of ${r.together![0]!.name}:`, ...first.steps.map((m) => `  ${moveText(m)}`));
      io.stdout.write(`${r.answers.map(answerText).join("\n")}\n${lines.join("\n")}\n`);
    });
}
