// `concord report --mediation`: the brief takes the mediation results, and the report gains
// a section with the answers, the way to each named outcome, the robustness chart and the
// estimates the answers depend on (a fictional ceasefire with two estimates marked).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { concord, ROOT } from "../../../../test/fixtures/concord.js";

const CEASEFIRE = join(ROOT, "test/fixtures/ceasefire-estimates.yaml");

describe("concord report --mediation", () => {
  it("adds the answers with what they rest on, the way to the named outcome, the robustness chart and table, and the estimates", async () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-mediation-"));
    const r = await concord(["report", CEASEFIRE, "--mediation", "--format", "md", "-o", "m.md"], { cwd: dir });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, "m.md"), "utf8");
    const section = md.slice(md.indexOf("## What would it take"), md.indexOf("## The analysis in detail"));
    expect(section).toContain("### What would make the troops withdrawn and the weapons handed in stable and reachable from today, and who would have to change what?");
    expect(section).toContain("No change of a single priority of one party makes it hold and reachable; pairs of changes were not searched here.");
    expect(section).toContain("One change would be enough: Government comes to want “Withdraw the troops from the valley” as its priority 2");
    expect(section).toContain("- [Government's priority 2](#pref-gov-2): not “Withdraw the troops from the valley” *(estimate)*");
    expect(section).toContain("### Which of the answers rest on the modeller's estimates?");
    expect(section).toContain("### Can Government and Valley Front together move the status quo?");
    // The robustness chart as a picture and its text alternative, a table: state 3 stable in 4 of the 9 combinations.
    expect(section).toContain("![How often each outcome is stable over the combinations](m-robustness.svg)");
    expect(section).toMatch(/\| 3 \| today's situation \| 44% ● \| 44% ● \| 44% ● \| 44% ● \|/);
    expect(section).toContain("![The way from today, with the steps a party would rather not take dashed](m-way-target-peace.svg)");
    expect(section).toMatch(/### The estimates the answers depend on\n\n- \[Government's priority 2\]\(#pref-gov-2\): .*changes whether today's situation holds/);
    const svg = readFileSync(join(dir, "m-robustness.svg"), "utf8");
    expect(svg).toContain('role="img"');
    expect(svg).toContain("prefers-color-scheme: dark");
    // The brief's change sentence comes from the search, not from the blocked steps.
    expect(md).toContain("What would have to change: for the second, Government comes to want “Withdraw the troops from the valley” as its priority 2.");
    expect(readFileSync(join(dir, "m-way-target-peace.svg"), "utf8")).toContain("<svg");
  });

  it("leaves robustness out with --robustness 0, and refuses a count that is not a whole number", async () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-mediation-"));
    const r = await concord(["report", CEASEFIRE, "--mediation", "--robustness", "0", "--format", "md", "-o", "m.md"], { cwd: dir });
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, "m.md"), "utf8");
    expect(md).toContain("### Which of the answers rest on the modeller's estimates?");
    expect(md).not.toContain("m-robustness.svg");
    const bad = await concord(["report", CEASEFIRE, "--mediation", "--robustness", "-3", "-o", "m.html"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--robustness: expected a whole number of variants ≥ 0 (decimal digits; 0 leaves robustness out), found "-3"');
  });

  it("leaves the report as it was without the flag", async () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-mediation-"));
    await concord(["report", CEASEFIRE, "-o", "r.html"], { cwd: dir });
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(html).not.toContain('id="mediation"');
    await concord(["report", CEASEFIRE, "--mediation", "-o", "m.html"], { cwd: dir });
    const m = readFileSync(join(dir, "m.html"), "utf8");
    expect(m).toContain('<section id="mediation">');
    expect(m).toContain('<a href="#mediation">');
    expect(m).toContain('class="rc"');
  });
});
