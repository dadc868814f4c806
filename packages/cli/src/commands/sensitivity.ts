import type { Command } from "commander";
import { sensitivity } from "@concord/app";
import { workerRunner } from "@concord/node";
import { answerText, progressLine } from "../answer.js";
import type { CliIo } from "../io.js";
import { printJson, unwrap } from "../output.js";
import { readSource } from "../scenario.js";

export function registerSensitivity(program: Command, io: CliIo): void {
  program
    .command("sensitivity")
    .description("which answers rest on the modeller's estimates: each estimate dropped or reversed, alone and in pairs")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .option("--no-pairs", "try each estimate alone only")
    .option("--json", "print JSON: answer (plain words, grounds, sources), questions, detail (estimates, conclusions, coverage)")
    .action(async (file: string, opts: { pairs: boolean; json?: boolean }) => {
      const progress = progressLine(io.stderr, "variants");
      const r = unwrap(await sensitivity(readSource(io, file), { pairs: opts.pairs, ...(progress ? { onProgress: progress } : {}) }, workerRunner()));
      if (opts.json) return printJson(io, r);
      const d = r.detail;
      const lines = ["Detail", ""];
      d.estimates.forEach((e, k) => lines.push(`  E${k + 1}. ${e.words}`));
      for (const c of d.conclusions) {
        if (c.changedBy.length === 0) continue;
        lines.push(`${c.question}`);
        for (const x of c.changedBy) lines.push(`  ${x.words}`);
      }
      lines.push(`Tried ${d.coverage.singles} single variations and ${d.coverage.pairs} pairs${d.coverage.notApplicable ? ` (${d.coverage.notApplicable} could not be analysed)` : ""}; conclusions no estimate changes are not listed.`);
      io.stdout.write(`${answerText(r.answer)}\n${lines.join("\n")}\n`);
    });
}
