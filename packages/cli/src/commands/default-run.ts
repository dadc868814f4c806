import { relative } from "node:path";
import type { Command } from "commander";
import { DEFAULT_SCENARIO } from "../io.js";
import { summary, writeReport } from "./report.js";

/**
 * `concord` with no arguments: the main job on the embedded default scenario — the
 * Armenia–Azerbaijan peace process as of 7 December 2023 — analysed and reported.
 */
export function registerDefaultRun(program: Command): void {
  program.action(async () => {
    const { path, data } = await writeReport(DEFAULT_SCENARIO, { format: "html" });
    const scenario = relative(process.cwd(), DEFAULT_SCENARIO) || DEFAULT_SCENARIO;
    process.stdout.write(
      [
        `Concord — the embedded default scenario (${scenario})`,
        "",
        summary(data, path).trimEnd(),
        "",
        `Open the report in a browser: ${path}`,
        "",
        "Next steps:",
        `  npx concord waiting ${scenario}`,
        `  npx concord explain ${scenario} --state ${data.analysis?.statusQuo?.state ?? 1} --dm Azerbaijan`,
        `  npx concord analyze ${scenario}`,
        "  npx concord --help",
        "",
      ].join("\n"),
    );
  });
}
