/**
 * The hostile corpus (test/hostile/, one file per class of bad input, plus a device,
 * a pipe, a folder and a file over the size limit made here) run through every
 * reading command in process, and property-based fuzzing of the YAML, JSON, .gmcr and
 * CSV readers. For every run: exit code 0 or 2, a failure is one line per problem that
 * says where, never a stack trace or an internal error, no raw control character on
 * the terminal, and no input file changed. The counts are printed at the end.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { importEvents, validate } from "@concord/app";
import { readCsv } from "@concord/core";
import { decodeText } from "@concord/node";
import { concord, ROOT } from "./fixtures/concord.js";

const HOSTILE = join(ROOT, "test/hostile");
const GOOD = join(ROOT, "test/fixtures/record-small.yaml");
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/;

const counts = { inputs: 0, cleanErrors: 0, accepted: 0, crashes: 0, silentChanges: 0 };
afterAll(() => {
  console.log(`hostile input: ${counts.inputs} inputs tried, ${counts.cleanErrors} clean errors, ${counts.accepted} accepted, ${counts.crashes} crashes, ${counts.silentChanges} silent changes`);
});

const hash = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Made here: what cannot be committed (a pipe, a device) or should not be (21 MB). */
function specialInputs(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "concord-corpus-"));
  const fifo = join(dir, "pipe.yaml");
  execFileSync("mkfifo", [fifo]);
  const big = join(dir, "over-the-limit.yaml");
  writeFileSync(big, "concord: 1\n");
  truncateSync(big, 21 * 1024 * 1024); // sparse: costs no disk
  return ["/dev/zero", fifo, dir, big];
}

const corpus = [...readdirSync(HOSTILE).filter((f) => !f.endsWith(".md")).map((f) => join(HOSTILE, f)), ...specialInputs()];

/** Every reading command on `file`, writing what it writes into `out`; `target` is a copy of the file to import into. */
function commands(file: string, out: string, target: string): string[][] {
  return [
    ["validate", file],
    ["states", file],
    ["analyze", file],
    ["explain", file, "--state", "1", "--dm", "gov"],
    ["report", file, "-o", join(out, "report.html")],
    ["timeline", file],
    ["waiting", file],
    ["as-of", file, "2024-02-01", "-o", join(out, "as-of.yaml")],
    ["deadlines", file],
    ["contradictions", file],
    ["evidence", file, "--dm", "gov"],
    ["compare", file, "draft-2", "draft-1"],
    ["convert", file, "--to", "json", "-o", join(out, "converted.json")],
    ["export", file, "--to", "cameo", "-o", join(out, "events.csv")],
    // The file as the CSV to import, and as the scenario to import into (a copy, changed in place).
    ["import-events", file, "--into", join(out, "good.yaml")],
    ["import-events", join(HOSTILE, "formula-cells.csv"), "--into", target],
  ];
}

/** A failure's lines: each names a place (file:line:column, a file, or a flag) and there is no trace of the program's insides. */
function expectCleanFailure(err: string, what: string): void {
  const lines = err.split("\n").filter((l) => l !== "");
  expect(lines.length, what).toBeGreaterThan(0);
  for (const l of lines) {
    expect(l, what).toMatch(/^(\S[^:]*:(\d+:(\d+:)?)? |--[a-z-]+: |<[a-z]+>: |\[[a-z]+\]: |error: )/);
    expect(l, what).not.toMatch(/^\s+at |internal error|Maximum call stack|TypeError|RangeError|\bundefined\b/);
  }
}

describe("the hostile corpus through every reading command", () => {
  it.each(corpus.map((f) => [basename(f), f]))("%s", async (_name, file) => {
    const before = file.startsWith(HOSTILE) ? hash(file) : undefined;
    for (let i = 0; i < commands(file, "", "").length; i++) {
      const out = mkdtempSync(join(tmpdir(), "concord-corpus-out-"));
      copyFileSync(GOOD, join(out, "good.yaml"));
      const ext = /\.(ya?ml|json)$/.exec(file)?.[0];
      const target = join(out, `target${ext ?? ".yaml"}`);
      if (file.startsWith(HOSTILE) && ext) copyFileSync(file, target);
      const run = commands(file, out, target)[i]!;
      const what = run.join(" ");
      counts.inputs++;
      const r = await concord(run);
      if (![0, 2].includes(r.code) || /internal error|^\s+at /m.test(r.err)) counts.crashes++;
      expect([0, 2], what).toContain(r.code);
      expect(RAW_CONTROL.test(r.out + r.err), `${what}: raw control characters on the terminal`).toBe(false);
      if (r.code === 2) {
        counts.cleanErrors++;
        expectCleanFailure(r.err, what);
      } else counts.accepted++;
      if (before !== undefined && hash(file) !== before) counts.silentChanges++;
      expect(before === undefined || hash(file) === before, `${what} changed its input`).toBe(true);
      // A refused import leaves the scenario as it was.
      if (run[0] === "import-events" && r.code === 2) expect(readFileSync(join(out, "good.yaml"), "utf8"), what).toBe(readFileSync(GOOD, "utf8"));
    }
  });
});

describe("property-based fuzzing of the readers: a clean error or a valid result, never a throw", () => {
  const SEED = readFileSync(GOOD, "utf8");
  const GMCR = readFileSync(join(ROOT, "test/gmcr/three-party.gmcr"), "utf8");
  const CSV = readFileSync(join(HOSTILE, "formula-cells.csv"), "utf8");

  /** A text damaged the way careless hands and hostile ones damage files: cut, spliced, with odd characters put in. */
  const damaged = (base: string): fc.Arbitrary<string> =>
    fc.tuple(fc.nat(base.length), fc.nat(base.length), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("[", "{", "- ", ": ", "&a ", "*a", "!!", "\u0000", "\u001b[2J", "\ud800", "\t", '"', "'", "\n  ", "=cmd()", ",,,", "1e308", "-1", "__proto__"))).map(([a, b, bit]) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      return base.slice(0, from) + bit + base.slice(to - Math.min(to - from, 40));
    });

  const clean = (r: { ok: boolean; problems?: readonly { message: string; code: string }[] }): boolean => {
    counts.inputs++;
    if (r.ok) {
      counts.accepted++;
      return true;
    }
    counts.cleanErrors++;
    return r.problems!.length > 0 && r.problems!.every((p) => p.message.length > 0 && !p.message.includes("\n") && p.code !== "internal");
  };

  it("YAML scenarios", () => {
    fc.assert(fc.property(damaged(SEED), (text) => clean(validate({ text, file: "fuzz.yaml" }))), { numRuns: 150, seed: 17 });
  });

  it("JSON scenarios", () => {
    const base = JSON.stringify({ concord: 1, id: "j", title: "t", model: { decisionMakers: [{ id: "a", name: "A", options: [{ id: "o", label: "O" }], preferences: ["o"] }] } }, null, 1);
    fc.assert(fc.property(damaged(base), (text) => clean(validate({ text, file: "fuzz.json" }))), { numRuns: 150, seed: 17 });
  });

  it(".gmcr files", () => {
    fc.assert(fc.property(damaged(GMCR), (text) => clean(validate({ text, file: "fuzz.gmcr" }))), { numRuns: 150, seed: 17 });
  });

  it("CSV read alone and imported into a scenario", () => {
    fc.assert(
      fc.property(damaged(CSV), (text) => {
        const read = readCsv(text);
        return clean(read.ok ? read : { ok: false, problems: read.problems }) && clean(importEvents({ text: SEED, file: "talks.yaml" }, { text, file: "fuzz.csv" }));
      }),
      { numRuns: 100, seed: 17 },
    );
  });

  it("raw bytes decoded as input text", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const text = decodeText(bytes, "fuzz.yaml");
      return clean(text) && (!text.ok || clean(validate({ text: text.value, file: "fuzz.yaml" })));
    }), { numRuns: 200, seed: 17 });
  });
});
