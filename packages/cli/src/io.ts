/**
 * The CLI's edge: reading files, printing problems, exit codes. Everything else
 * is in @concord/core.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatProblem, loadScenario, type Loaded, type Problem } from "@concord/core";

/** Exit code for bad input (invalid scenario, unknown state, bad option value). */
export const EXIT_INVALID = 2;

/** The repository's root (packages/cli/dist/io.js → ../../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** The embedded default scenario: the seed case. */
export const DEFAULT_SCENARIO = resolve(REPO_ROOT, "scenarios", "armenia-azerbaijan-2023.yaml");

/** A failure the user caused and can fix; printed without a stack trace. */
export class UserError extends Error {
  readonly problems: readonly Problem[];
  constructor(message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = "UserError";
    this.problems = problems;
  }
}

export function readScenario(file: string): Loaded {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new UserError(`${file}: cannot read the file: ${reason}`);
  }
  const r = loadScenario(text, { file });
  if (!r.ok) {
    const n = r.problems.length;
    throw new UserError(`${file}: ${n} problem${n === 1 ? "" : "s"}`, r.problems);
  }
  return r.value;
}

export function printProblems(problems: readonly Problem[]): void {
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
