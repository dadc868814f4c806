/**
 * The corpus of bad scenario files: every file in test/bad-files/ (not its
 * subfolders, which hold other formats) must be rejected with exactly the problems
 * in its `.expected` file, one line each as the CLI prints them
 * (`file:line:column: path: message`).
 *
 * After a deliberate change of messages, rewrite the expected files with
 * `UPDATE_BAD_FILES=1 npx vitest run test/bad-files.test.ts` and review the diff.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatProblem, validate, type Problem } from "@concord/app";
import { concord } from "./fixtures/concord.js";

const DIR = fileURLToPath(new URL("./bad-files/", import.meta.url));
const UPDATE = process.env.UPDATE_BAD_FILES === "1";

const badFiles = readdirSync(DIR)
  .filter((f) => /\.(ya?ml|json)$/.test(f) && statSync(join(DIR, f)).isFile())
  .sort();

/** The problem lines the application layer reports for a corpus file, named as the CLI names it when run in DIR. */
function problemLines(file: string): string[] {
  const r = validate({ text: readFileSync(join(DIR, file), "utf8"), file });
  return r.ok ? [] : r.problems.map(formatProblem);
}

function expectedLines(file: string): string[] {
  return readFileSync(join(DIR, `${file}.expected`), "utf8").split("\n").filter((l) => l !== "");
}

async function runCli(args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const r = await concord(args, { cwd: DIR });
  return { status: r.code, stdout: r.out, stderr: r.err };
}

describe("bad files corpus", () => {
  it("has at least 30 bad files, each with its expected problems and no orphan expectations", () => {
    expect(badFiles.length).toBeGreaterThanOrEqual(30);
    const expectations = readdirSync(DIR).filter((f) => f.endsWith(".expected"));
    if (!UPDATE) for (const f of badFiles) expect(existsSync(join(DIR, `${f}.expected`)), `${f}.expected`).toBe(true);
    for (const e of expectations) expect(badFiles, `${e} has no bad file`).toContain(e.slice(0, -".expected".length));
  });

  it.each(badFiles)("%s is rejected with exactly the expected problems", (file) => {
    const got = problemLines(file);
    if (UPDATE) writeFileSync(join(DIR, `${file}.expected`), got.map((l) => `${l}\n`).join(""));
    expect(got.length, "a bad file must be rejected").toBeGreaterThan(0);
    // Every problem names the file and the place in it.
    for (const line of got) expect(line).toMatch(new RegExp(`^${file.replace(/\./g, "\\.")}:\\d+:\\d+: `));
    expect(got).toEqual(expectedLines(file));
  });
});

describe("the CLI on bad files", () => {
  // A spread of kinds: syntax, structure, meaning, states, several at once, JSON.
  const sample = [
    "syntax-tab-indentation.yaml",
    "syntax-json-unclosed-bracket.json",
    "syntax-unresolved-alias.yaml",
    "empty.yaml",
    "type-wrong-at-several-depths.yaml",
    "ranking-misses-state.yaml",
    "several-problems.yaml",
    "limit-states.yaml",
  ];

  it.each(sample)("validate %s exits with 2, prints the expected lines and a count on stderr, nothing on stdout", async (file) => {
    const r = await runCli(["validate", file]);
    const lines = expectedLines(file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${lines.join("\n")}\n${file}: ${lines.length} problem${lines.length === 1 ? "" : "s"}\n`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toContain("internal error");
  });

  it("states and convert also refuse a bad file without writing anything to stdout", async () => {
    for (const args of [["states", "several-problems.yaml"], ["convert", "--to", "json", "duplicate-ids.yaml"]]) {
      const r = await runCli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout, args.join(" ")).toBe("");
      expect(r.stderr.split("\n")[0], args.join(" ")).toBe(expectedLines(args[args.length - 1]!)[0]);
    }
  });

  it("with --json, the problems are the output: one JSON envelope on stdout, nothing on stderr", async () => {
    const r = await runCli(["states", "--json", "no-feasible-state.yaml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("");
    const envelope = JSON.parse(r.stdout) as { ok: boolean; problems: Problem[] };
    expect(envelope.ok).toBe(false);
    expect(formatProblem(envelope.problems[0]!)).toBe(expectedLines("no-feasible-state.yaml")[0]);
  });
});
