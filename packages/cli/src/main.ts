/**
 * `concord` — the command line: argument parsing and text formatting over the
 * application layer (@concord/app), with files and worker threads from
 * @concord/node. Everything outside the program comes in through `io`, so tests
 * run it in-process. With no arguments it runs the main job on the embedded default
 * scenario (the Armenia–Azerbaijan peace process, Dec 2023).
 */
import { Command, CommanderError } from "commander";
import { registerAnalyze } from "./commands/analyze.js";
import { registerAsOf } from "./commands/as-of.js";
import { registerBackup } from "./commands/backup.js";
import { registerBrief } from "./commands/brief.js";
import { registerCoalitions } from "./commands/coalitions.js";
import { registerHistory } from "./commands/history.js";
import { registerHypergame } from "./commands/hypergame.js";
import { registerTime } from "./commands/time.js";
import { registerCompare } from "./commands/compare.js";
import { registerContradictions } from "./commands/contradictions.js";
import { registerConvert } from "./commands/convert.js";
import { registerDeadlines } from "./commands/deadlines.js";
import { registerDefaultRun } from "./commands/default-run.js";
import { registerEvidence } from "./commands/evidence.js";
import { registerExplain } from "./commands/explain.js";
import { registerExport } from "./commands/export.js";
import { registerImportEvents } from "./commands/import-events.js";
import { registerInit } from "./commands/init.js";
import { registerReport } from "./commands/report.js";
import { registerRobustness } from "./commands/robustness.js";
import { registerSensitivity } from "./commands/sensitivity.js";
import { registerSettle } from "./commands/settle.js";
import { registerServe } from "./commands/serve.js";
import { registerStabilize } from "./commands/stabilize.js";
import { registerStates } from "./commands/states.js";
import { registerTarget } from "./commands/target.js";
import { registerTimeline } from "./commands/timeline.js";
import { registerUser } from "./commands/user.js";
import { registerValidate } from "./commands/validate.js";
import { registerWaiting } from "./commands/waiting.js";
import { registerWorker } from "./commands/worker.js";
import { width, type CliIo } from "./io.js";
import { CliFailure, EXIT_INVALID, printFailure, printJsonFailure } from "./output.js";
import { setMaxInput } from "./scenario.js";

export { memoryIo, type CliIo, type MemoryIo } from "./io.js";
/** What each command prints with --json, as types (the JSON Schemas in schema/cli/ are generated from them). */
export type * from "./json-output.js";
export { JSON_OUTPUTS } from "./json-output.js";

/** `withDefaultRun`: no command given, so the program itself runs the main job (see default-run.ts). */
export function buildProgram(io: CliIo, withDefaultRun = false, json = false): Command {
  const program = new Command();
  program
    .name("concord")
    .description("Concord — a workbench for peace negotiations: record the process, model the conflict (GMCR), help the mediator.")
    .version("0.1.0")
    .showHelpAfterError(!json)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => width(io) ?? 80,
      getErrHelpWidth: () => width(io) ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      // With --json the error goes out as JSON (see main); commander's own line would be a second copy.
      outputError: (text, write) => {
        if (!json) write(text);
      },
    })
    .addHelpText(
      "after",
      `
Run with no command, \`concord\` analyses the embedded Armenia–Azerbaijan scenario (as of
7 December 2023), writes its report to out/armenia-azerbaijan-2023.html and prints the
answer in brief. \`concord init talks.yaml\` starts a scenario of your own.
With --json, every command prints { "ok": true, "value": … } or { "ok": false, "problems": […] }.`,
    )
    .option("--max-input <MB>", "refuse input files larger than this (default 20; at most 1024)")
    .hook("preAction", () => {
      const mb = program.opts<{ maxInput?: string }>().maxInput;
      if (mb !== undefined) setMaxInput(io, mb);
    });
  const commands = [
    registerInit, registerValidate, registerStates, registerConvert, registerAnalyze, registerExplain,
    // The negotiation record.
    registerTimeline, registerWaiting, registerAsOf, registerDeadlines, registerContradictions, registerEvidence, registerCompare, registerExport, registerImportEvents,
    // Mediation.
    registerTarget, registerStabilize, registerSensitivity, registerRobustness, registerCoalitions, registerHypergame, registerTime, registerHistory,
    // The brief and the report.
    registerBrief, registerReport,
    // The workbench server.
    registerServe, registerWorker, registerUser, registerBackup,
    // Treaty packages.
    registerSettle,
  ];
  // Each subcommand inherits the settings above: io for output, no process.exit.
  for (const register of commands) register(program, io);
  // Only without arguments, so that a mistyped command still reads "unknown command".
  if (withDefaultRun) registerDefaultRun(program, io);
  return program;
}

/** Runs the command line `argv` (without the program name) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Errors go out as JSON whenever --json is on the command line, even when the command line itself is wrong.
  const json = argv.includes("--json");
  const program = buildProgram(io, argv.length === 0, json);
  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      if (json) printJsonFailure(io, [{ code: "usage", message: e.message.replace(/^error: /, ""), path: [] }]);
      return EXIT_INVALID;
    }
    if (e instanceof CliFailure) {
      if (json) printJsonFailure(io, e);
      else printFailure(io, e);
      return EXIT_INVALID;
    }
    if (json) printJsonFailure(io, [{ code: "internal", message: `internal error: ${String(e)}`, path: [] }]);
    io.stderr.write(`concord: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
