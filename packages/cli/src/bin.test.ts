// A few runs of the built `concord` binary as a user runs it, end to end: bin/concord.js,
// the Node io and exit codes. Everything else runs in-process (test/fixtures/concord.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = join(ROOT, "packages/cli/bin/concord.js");

function concord(cwd: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("the built concord binary", () => {
  it("prints its version", () => {
    expect(concord(ROOT, "--version")).toEqual({ code: 0, out: "0.1.0\n", err: "" });
  });

  it("rejects a bad file with exit code 2, the problems on stderr and nothing on stdout", () => {
    const file = "test/bad-files/several-problems.yaml";
    const expected = readFileSync(join(ROOT, `${file}.expected`), "utf8").replaceAll("several-problems.yaml:", `${file}:`);
    const n = expected.trimEnd().split("\n").length;
    expect(concord(ROOT, "validate", file)).toEqual({ code: 2, out: "", err: `${expected}${file}: ${n} problems\n` });
  });

  it("with no arguments, writes the default scenario's report in the current folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-bin-"));
    const r = concord(dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "out", "armenia-azerbaijan-2023.html"))).toBe(true);
    expect(r.out).toContain("Concord — the embedded default scenario");
  });

  it("`concord brief` prints the seed's brief, its bottom line first, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-bin-"));
    const r = concord(dir, "brief");
    expect(r).toMatchObject({ code: 0, err: "" });
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^Armenia–Azerbaijan peace treaty/);
    // The title wraps to 80 columns when piped; the bottom line follows it.
    expect(lines.indexOf("BOTTOM LINE")).toBeLessThan(6);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});
