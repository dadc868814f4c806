/**
 * Scenario and other input files for the commands: read through @concord/node within
 * the limits set on the command line (`--max-input`), opened through the application layer.
 */
import { MAX_INPUT_BYTES, MAX_INPUT_BYTES_CEILING, openScenario, type Loaded, type Problem, type ScenarioSource } from "@concord/app";
import { readScenarioFile, readTextFile, type TextKind } from "@concord/node";
import type { CliIo } from "./io.js";
import { CliFailure, unwrap } from "./output.js";

const maxInput = new WeakMap<CliIo, number>();

/** Reads `--max-input <MB>` for this run (bounded: more than 1 GB is refused). */
export function setMaxInput(io: CliIo, megabytes: string): void {
  const mb = /^\d+(\.\d+)?$/.test(megabytes.trim()) ? Number(megabytes) : Number.NaN;
  const bytes = Math.round(mb * 1024 * 1024);
  if (!(bytes >= 1) || bytes > MAX_INPUT_BYTES_CEILING) {
    const problem: Problem = { code: "usage", path: ["maxInput"], message: `expected a size in MB from 1 to ${MAX_INPUT_BYTES_CEILING / 1024 / 1024}, found "${megabytes}"` };
    throw new CliFailure([problem]);
  }
  maxInput.set(io, bytes);
}

const limits = (io: CliIo, kind?: TextKind) => ({ cwd: io.cwd, maxBytes: maxInput.get(io) ?? MAX_INPUT_BYTES, ...(kind ? { kind } : {}) });

/** The file as a scenario source, named as the user gave it, with a fingerprint of what was read. */
export function readSource(io: CliIo, file: string): ScenarioSource & { readonly hash: string } {
  return unwrap(readScenarioFile(file, limits(io)));
}

/** A text input other than a scenario (a CSV file). */
export function readInput(io: CliIo, file: string, kind: TextKind): string {
  return unwrap(readTextFile(file, limits(io, kind)));
}

/** The file, read and opened once (for commands that call several use cases or need actor names). */
export function openFile(io: CliIo, file: string): Loaded {
  return unwrap(openScenario(readSource(io, file)));
}
