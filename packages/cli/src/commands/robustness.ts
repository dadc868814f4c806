import type { Command } from "commander";
import { BASIC_CONCEPTS, CONCEPT_LABELS, robustness } from "@concord/app";
import { workerRunner } from "@concord/node";
import { answerText, progressLine } from "../answer.js";
import type { CliIo } from "../io.js";
import { CliFailure, printJson, unwrap } from "../output.js";
import { readSource } from "../scenario.js";
import { renderTable } from "../table.js";

interface RobustnessCliOptions {
  variants?: string;
  seed: string;
  threads?: string;
  limit: string;
  json?: boolean;
}

export function registerRobustness(program: Command, io: CliIo): void {
  program
    .command("robustness")
    .description("how often each state is an equilibrium when the modeller's estimates vary together (seeded, on every core)")
    .argument("<file>", "scenario file (YAML, JSON or .gmcr)")
    .option("--variants <n>", "variants to draw when there are more (all are analysed when there are at most this many)", "1000")
    .option("--seed <s>", "seed of the draws: the same seed gives the same result", "1")
    .option("--threads <n>", "threads to use (default: every core)")
    .option("--limit <n>", "most states listed", "20")
    .option("--json", "print JSON: answer (plain words) and detail (plan, varied estimates, shares per state and concept)")
    .action(async (file: string, opts: RobustnessCliOptions) => {
      const threads = opts.threads === undefined ? undefined : Number(opts.threads);
      if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) throw new CliFailure([{ code: "usage", path: ["threads"], message: `expected a whole number ≥ 1, found "${opts.threads}"` }]);
      const progress = progressLine(io.stderr, "variants");
      const r = unwrap(
        await robustness(
          readSource(io, file),
          { seed: opts.seed, limit: opts.limit, ...(opts.variants !== undefined ? { variants: opts.variants } : {}), ...(progress ? { onProgress: progress } : {}) },
          workerRunner(threads !== undefined ? { threads } : {}),
        ),
      );
      if (opts.json) return printJson(io, r);
      const d = r.detail;
      let out = `${answerText(r.answer)}\nDetail\n\n`;
      out += `${d.plan.exhaustive ? "All" : "Sampled"} ${d.variants} variants (seed ${d.plan.seed}; ${d.plan.distinct} distinct)${d.skipped ? `, ${d.skipped} without a feasible state` : ""}; estimates varied:\n`;
      for (const v of d.varied) out += `  ${v}\n`;
      if (d.states.length > 0) {
        const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
        out += `\nShare of variants in which each state is an equilibrium (* = one as written):\n`;
        out += renderTable(
          [["state", "Y/N", ...BASIC_CONCEPTS.map((c) => CONCEPT_LABELS[c])]],
          d.states.map((s) => [String(s.state), s.yn, ...BASIC_CONCEPTS.map((c) => `${pct(s.share[c])}${s.asWritten[c] ? "*" : ""}`)]),
        );
      }
      io.stdout.write(out);
    });
}
