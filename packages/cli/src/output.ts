/**
 * The CLI's edge: problems printed one per line (file:line:column: path: message),
 * JSON printed, and the exit codes. A command that cannot go on throws CliFailure;
 * main prints it.
 */
import { formatProblem, type Problem, type Result } from "@concord/app";
import type { CliIo } from "./io.js";

/** Exit code for bad input (invalid scenario, unknown state, bad option value). */
export const EXIT_INVALID = 2;

export interface FailureOptions {
  /** The closing line (e.g. "talks.yaml: 3 problems"); default: that line when the problems are places in a file. */
  readonly summary?: (problems: readonly Problem[]) => string;
  /** How options are named on this command line, by the application layer's option name (default: --kebab-case). */
  readonly flags?: Readonly<Record<string, string>>;
}

/** Problems the user caused and can fix: printed without a stack trace, exit code 2. */
export class CliFailure extends Error {
  readonly problems: readonly Problem[];
  readonly options: FailureOptions;
  constructor(problems: readonly Problem[], options: FailureOptions = {}) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "CliFailure";
    this.problems = problems;
    this.options = options;
  }
}

/** The value of a result, or a CliFailure with its problems. */
export function unwrap<T>(r: Result<T>, options: FailureOptions = {}): T {
  if (!r.ok) throw new CliFailure(r.problems, options);
  return r.value;
}

export function printFailure(io: CliIo, f: CliFailure): void {
  const flag = (name: string): string => f.options.flags?.[name] ?? `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  for (const p of f.problems) {
    const line = p.code === "usage" && typeof p.path[0] === "string" ? `${flag(p.path[0])}: ${p.message}` : formatProblem(p);
    io.stderr.write(`${line}\n`);
  }
  const n = f.problems.length;
  const placed = f.problems.find((p) => p.line !== undefined && p.file !== undefined);
  const summary = f.options.summary?.(f.problems) ?? (placed ? `${placed.file}: ${problems(n)}` : undefined);
  if (summary !== undefined) io.stderr.write(`${summary}\n`);
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** "1 problem", "3 problems". */
export function problems(n: number): string {
  return `${n} problem${n === 1 ? "" : "s"}`;
}
