// The CLI fits the terminal and speaks JSON on request (issue 9): text wrapped to
// $COLUMNS or the terminal's width (tables stay whole), and with --json one envelope
// on standard output for success and for every kind of failure.
import { describe, expect, it } from "vitest";
import { concord, ROOT } from "../../../test/fixtures/concord.js";
import { main } from "./main.js";
import { memoryIo } from "./io.js";
import { wrapText } from "./text.js";

const PD = "scenarios/prisoners-dilemma.yaml";
const longest = (text: string): number => Math.max(0, ...text.split("\n").map((l) => [...l].length));

describe("fitting the terminal", () => {
  it("wraps prose at $COLUMNS, under its list marker, and leaves table lines whole", () => {
    const text = "- one two three four five six seven\nstate  a    b\n-----  ---  ---\n  7: eight nine ten eleven twelve\n";
    expect(wrapText(text, 20)).toBe("- one two three four\n  five six seven\nstate  a    b\n-----  ---  ---\n  7: eight nine ten\n    eleven twelve\n");
    expect(wrapText(text, undefined)).toBe(text);
  });

  it("explain wraps to $COLUMNS, or to the terminal's width; piped without $COLUMNS it keeps its lines", async () => {
    const args = ["explain", PD, "--state", "4", "--dm", "Prisoner A"];
    const piped = await concord(args);
    expect(longest(piped.out)).toBeGreaterThan(100);
    const narrow = await concord(args, { env: { COLUMNS: "50" } });
    expect(narrow.code).toBe(0);
    expect(longest(narrow.out)).toBeLessThanOrEqual(50);
    expect(narrow.out.replace(/\s+/g, " ")).toBe(piped.out.replace(/\s+/g, " "));
    const tty = memoryIo({ cwd: ROOT, isTTY: true, columns: 60 });
    expect(await main(args, tty)).toBe(0);
    expect(longest(tty.out())).toBeLessThanOrEqual(60);
  });

  it("cuts the text columns of record tables to fit: waiting at 80 columns", async () => {
    const wide = await concord(["waiting", "scenarios/armenia-azerbaijan-2023.yaml"]);
    expect(longest(wide.out)).toBeGreaterThan(80);
    const fitted = await concord(["waiting", "scenarios/armenia-azerbaijan-2023.yaml"], { env: { COLUMNS: "80" } });
    expect(longest(fitted.out)).toBeLessThanOrEqual(80);
    expect(fitted.out).toContain("Armenia's sixth proposal of");
  });

  it("--help names the bare demo run", async () => {
    const r = await concord(["--help"], { env: { COLUMNS: "200" } });
    expect(r.out).toContain("Run with no command, `concord` analyses the embedded Armenia–Azerbaijan scenario");
  });
});

describe("--json: one envelope, also for failures", () => {
  const envelope = (out: string): { ok: boolean; value?: unknown; problems?: { code: string; message: string }[] } => JSON.parse(out);

  it("validate --json gives what the file holds", async () => {
    const r = await concord(["validate", PD, "--json"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(envelope(r.out)).toEqual({ ok: true, value: { id: "prisoners-dilemma", title: expect.any(String), model: { decisionMakers: 2, options: 2, states: 4 }, record: {}, sources: expect.any(Number), warnings: [] } });
  });

  it("a bad file, a bad option value, an unknown option and a missing file are JSON problems on stdout, exit 2", async () => {
    for (const args of [
      ["validate", "test/bad-files/several-problems.yaml", "--json"],
      ["explain", PD, "--state", "9", "--dm", "Prisoner A", "--json"],
      ["analyze", PD, "--bogus", "--json"],
      ["states", "missing.yaml", "--json"],
    ]) {
      const r = await concord(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toBe("");
      const e = envelope(r.out);
      expect(e.ok).toBe(false);
      expect(e.problems!.length).toBeGreaterThan(0);
    }
    const usage = envelope((await concord(["explain", PD, "--state", "9", "--dm", "Prisoner A", "--json"])).out);
    expect(usage.problems![0]).toMatchObject({ code: "usage", message: expect.stringMatching(/^--state: expected a state number from 1 to 4/) });
    expect(envelope((await concord(["analyze", PD, "--bogus", "--json"])).out).problems![0]).toMatchObject({ code: "usage", message: "unknown option '--bogus'" });
  });
});
