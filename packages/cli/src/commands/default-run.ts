import { relative } from "node:path";
import type { Command } from "commander";
import { assetPath } from "../assets.js";
import { width, type CliIo } from "../io.js";
import { say } from "../output.js";
import { summary, writeReport } from "./report.js";

/** The embedded default scenario, the seed case, shipped in the package. */
export const DEFAULT_SCENARIO = assetPath("scenarios/armenia-azerbaijan-2023.yaml");

/**
 * `concord` with no arguments: the main job on the embedded default scenario — the
 * Armenia–Azerbaijan peace process as of 7 December 2023 — analysed and reported.
 */
export function registerDefaultRun(program: Command, io: CliIo): void {
  program.action(async () => {
    const { path, data } = await writeReport(io, DEFAULT_SCENARIO, { format: "html" });
    const scenario = relative(io.cwd, DEFAULT_SCENARIO) || DEFAULT_SCENARIO;
    say(io, 
      [
        `Concord — the embedded default scenario (${scenario})`,
        "",
        summary(data, path, width(io) ?? 88).trimEnd(),
        "",
        `Open the report in a browser: ${path}`,
        "",
        "Next steps:",
        `  npx concord waiting ${scenario}`,
        `  npx concord explain ${scenario} --state ${data.analysis?.statusQuo?.state ?? 1} --dm Azerbaijan`,
        `  npx concord analyze ${scenario}`,
        "  npx concord --help",
        "",
        "Open the workbench in a browser (the seed scenario, then your own): npx concord serve",
      ].join("\n"),
    );
  });
}
