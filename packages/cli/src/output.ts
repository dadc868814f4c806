/**
 * The CLI's edge: text wrapped to the terminal, JSON in one envelope, problems
 * printed one per line (file:line:column: path: message), and the exit codes. A
 * command that cannot go on throws CliFailure; main prints it (as JSON with --json).
 */
import { formatProblem, writeJson, type Problem, type Result } from "@concord/app";
import { width, type CliIo } from "./io.js";
import { wrapText } from "./text.js";

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

/** A failure's problems as the command line names things: options as flags. */
function flagged(f: CliFailure): Problem[] {
  const flag = (name: string): string => f.options.flags?.[name] ?? `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return f.problems.map((p) => (p.code === "usage" && typeof p.path[0] === "string" ? { ...p, message: `${flag(p.path[0])}: ${p.message}`, path: [] } : p));
}

export function printFailure(io: CliIo, f: CliFailure): void {
  for (const p of flagged(f)) io.stderr.write(`${formatProblem(p)}\n`);
  const n = f.problems.length;
  const placed = f.problems.find((p) => p.line !== undefined && p.file !== undefined);
  const summary = f.options.summary?.(f.problems) ?? (placed ? `${placed.file}: ${problems(n)}` : undefined);
  if (summary !== undefined) io.stderr.write(`${summary}\n`);
}

/**
 * What every `--json` prints, success or failure: `{ "ok": true, "value": … }` or
 * `{ "ok": false, "problems": [...] }` (core's Result). docs/cli-json.md and
 * schema/cli/ describe each command's value.
 */
export function printJson(io: CliIo, value: unknown, layout: "indented" | "one-line" = "indented"): void {
  writeEnvelope(io, { ok: true, value }, layout);
}

/**
 * As printJson, written piece by piece (json-stream.ts): for values with lazy lists,
 * or too large to be one string. The same bytes as printJson for the same data.
 */
export function streamJson(io: CliIo, value: unknown, layout: "indented" | "one-line" = "indented"): void {
  writeJson((chunk) => io.stdout.write(chunk), { ok: true, value }, layout === "indented" ? 2 : 0);
  io.stdout.write("\n");
}

/** A failure as JSON, on standard output (the envelope is the output). */
export function printJsonFailure(io: CliIo, f: CliFailure | readonly Problem[]): void {
  writeEnvelope(io, { ok: false, problems: f instanceof CliFailure ? flagged(f) : f });
}

/** Indented for people; one line for the compact forms of large models, where indenting would triple the size. */
function writeEnvelope(io: CliIo, envelope: Result<unknown>, layout: "indented" | "one-line" = "indented"): void {
  io.stdout.write(`${layout === "indented" ? JSON.stringify(envelope, null, 2) : JSON.stringify(envelope)}\n`);
}

/** Writes text to standard output, each line wrapped to the terminal's width (see io.width). */
export function say(io: CliIo, text: string): void {
  io.stdout.write(wrapText(text, width(io)));
}

/** "1 problem", "3 problems". */
export function problems(n: number): string {
  return `${n} problem${n === 1 ? "" : "s"}`;
}
