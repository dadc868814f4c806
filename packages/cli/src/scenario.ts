/** Scenario files for the commands: read through @concord/node, opened through the application layer. */
import { openScenario, type Loaded, type ScenarioSource } from "@concord/app";
import { readScenarioFile } from "@concord/node";
import type { CliIo } from "./io.js";
import { unwrap } from "./output.js";

/** The file as a scenario source, named as the user gave it. */
export function readSource(io: CliIo, file: string): ScenarioSource {
  return unwrap(readScenarioFile(file, { cwd: io.cwd }));
}

/** The file, read and opened once (for commands that call several use cases or need actor names). */
export function openFile(io: CliIo, file: string): Loaded {
  return unwrap(openScenario(readSource(io, file)));
}
