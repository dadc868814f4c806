// `concord` with no arguments: the README's first command ends here (run in this
// process; bin.test.ts runs the built binary once too).
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { concord } from "../../../../test/fixtures/concord.js";

describe("concord (no arguments)", () => {
  it("analyses the embedded Armenia–Azerbaijan scenario, writes its report and says where, with the answer in brief", async () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-default-"));
    const r = await concord([], { cwd: dir });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const report = join(dir, "out", "armenia-azerbaijan-2023.html");
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, "utf8")).toContain("Armenia–Azerbaijan peace treaty");
    expect(r.out).toContain(`Open the report in a browser: ${report}`);
    // Piped, the prose wraps at 88 columns (a line with a path may be longer: a path is never cut).
    expect(r.out.split("\n").filter((l) => !l.includes("/") && [...l].length > 88)).toEqual([]);
    // The brief's bottom line first, in plain words, as the report opens; then the precise reading.
    expect(r.out).toMatch(/\nIn brief:\n- Today \(7 December 2023\), Armenia offers the transit route to Nakhchivan under its own\s+sovereignty/);
    expect(r.out.indexOf("In brief:")).toBeLessThan(r.out.indexOf("Today: The status quo"));
    expect(r.out).toContain("Today: The status quo (state 1227) is an equilibrium under GMR and SMR but not under");
    expect(r.out).toContain("- Armenia's sixth proposal of the peace agreement: awaiting Azerbaijan for 16 days");
    // The last line says how to open the workbench (issue 14).
    expect(r.out.trimEnd().split("\n").at(-1)).toBe("Open the workbench in a browser (the seed scenario, then your own): npx concord serve");
    expect(r.out).toMatch(/The Russian peacekeeping contingent stays in Nagorno-Karabakh: term ends 2025-11-10;\s+notice by 2025-05-10/);
  });

  it("still rejects an unknown command", async () => {
    const r = await concord(["analyse-this"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("unknown command 'analyse-this'");
  });
});
