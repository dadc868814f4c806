// `concord` with no arguments: the README's first command ends here.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/concord.js", import.meta.url));

describe("concord (no arguments)", () => {
  it("analyses the embedded Armenia–Azerbaijan scenario, writes its report and says where, with the answer in brief", () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-default-"));
    const r = spawnSync(process.execPath, [BIN], { cwd: dir, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const report = join(dir, "out", "armenia-azerbaijan-2023.html");
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, "utf8")).toContain("Armenia–Azerbaijan peace treaty");
    expect(r.stdout).toContain(`Open the report in a browser: ${report}`);
    expect(r.stdout).toContain("Today: The status quo (state 793) is an equilibrium under GMR and SMR but not under Nash");
    expect(r.stdout).toContain("- Armenia's sixth proposal of the peace agreement: awaiting Azerbaijan for 16 days");
    expect(r.stdout).toMatch(/The Russian peacekeeping contingent stays in Nagorno-Karabakh: term ends 2025-11-10;\s+notice by 2025-05-10/);
  });

  it("still rejects an unknown command", () => {
    const r = spawnSync(process.execPath, [BIN, "analyse-this"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("unknown command 'analyse-this'");
  });
});
