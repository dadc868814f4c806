/**
 * `concord` — the command line. With no arguments it runs the main job on the
 * embedded default scenario (the Armenia–Azerbaijan peace process, Dec 2023).
 */
import { Command, CommanderError } from "commander";
import { registerAnalyze } from "./commands/analyze.js";
import { registerAsOf } from "./commands/as-of.js";
import { registerCompare } from "./commands/compare.js";
import { registerContradictions } from "./commands/contradictions.js";
import { registerDefaultRun } from "./commands/default-run.js";
import { registerConvert } from "./commands/convert.js";
import { registerDeadlines } from "./commands/deadlines.js";
import { registerEvidence } from "./commands/evidence.js";
import { registerExplain } from "./commands/explain.js";
import { registerExport } from "./commands/export.js";
import { registerImportEvents } from "./commands/import-events.js";
import { registerReport } from "./commands/report.js";
import { registerStates } from "./commands/states.js";
import { registerTimeline } from "./commands/timeline.js";
import { registerValidate } from "./commands/validate.js";
import { registerWaiting } from "./commands/waiting.js";
import { EXIT_INVALID, printProblems, UserError } from "./io.js";

/** `withDefaultRun`: no command given, so the program itself runs the main job (see default-run.ts). */
export function buildProgram(withDefaultRun = false): Command {
  const program = new Command();
  program
    .name("concord")
    .description("Concord — a workbench for peace negotiations: record the process, model the conflict (GMCR), help the mediator.")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();
  registerValidate(program);
  registerStates(program);
  registerConvert(program);
  registerAnalyze(program);
  registerExplain(program);
  // The negotiation record.
  registerTimeline(program);
  registerWaiting(program);
  registerAsOf(program);
  registerDeadlines(program);
  registerContradictions(program);
  registerEvidence(program);
  registerCompare(program);
  registerExport(program);
  registerImportEvents(program);
  // The report, and the main job when no command is given.
  registerReport(program);
  // Only without arguments, so that a mistyped command still reads "unknown command".
  if (withDefaultRun) registerDefaultRun(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram(argv.length === 0);
  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_INVALID;
    if (e instanceof UserError) {
      if (e.problems.length > 0) printProblems(e.problems);
      process.stderr.write(`${e.message}\n`);
      return EXIT_INVALID;
    }
    process.stderr.write(`concord: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
