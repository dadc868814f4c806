// `concord analyze` and `concord explain`, run as a user runs them: the built binary.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/concord.js", import.meta.url));
const at = (p: string): string => fileURLToPath(new URL(`../../../../${p}`, import.meta.url));
const PD = at("scenarios/prisoners-dilemma.yaml");
const ELMIRA = at("scenarios/elmira.yaml");

function concord(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe("concord analyze", () => {
  it("prints the JSON shape of the issue, states numbered from 1", () => {
    const r = concord("analyze", PD, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.decisionMakers).toEqual([
      { id: "prisoner_a", name: "Prisoner A", options: ["a_cooperates"] },
      { id: "prisoner_b", name: "Prisoner B", options: ["b_cooperates"] },
    ]);
    expect(j.states[0]).toEqual({ id: 1, values: { a_cooperates: false, b_cooperates: false } });
    expect(j.states[3]).toEqual({ id: 4, values: { a_cooperates: true, b_cooperates: true } });
    // Keyed by decision maker id.
    expect(j.stability.nash).toEqual({ prisoner_a: [1, 3], prisoner_b: [1, 2] });
    expect(j.stability.gmr).toEqual({ prisoner_a: [1, 3, 4], prisoner_b: [1, 2, 4] });
    expect(j.equilibria).toEqual({ nash: [1], gmr: [1, 4], smr: [1, 4], seq: [1, 4] });
  });

  it("prints a table with a mark per decision maker and concept, and the equilibria in words", () => {
    const r = concord("analyze", ELMIRA);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1\* +N +Y +N +N +N +✓✓· +✓✓✓ +✓✓✓ +✓✓· +GMR SMR$/m);
    expect(r.out).toContain("Nash: 5, 6, 7, 10, 11, 12");
    expect(r.out).toMatch(/^ {2}7: MoE: none of its options; Uniroyal: Delay/m);
  });

  it("limits concepts, and adds limited-move and non-myopic stability for two decision makers", () => {
    const j = JSON.parse(concord("analyze", PD, "--concepts", "seq,nash", "--horizon", "3", "--non-myopic", "--json").out);
    expect(Object.keys(j.equilibria)).toEqual(["nash", "seq"]);
    expect(j.limitedMove.horizon).toBe(3);
    expect(j.nonMyopic.period).toBe(1);
  });

  it("rejects bad options and files with exit code 2 and a clear message", () => {
    expect(concord("analyze", PD, "--concepts", "nash,gmrr")).toMatchObject({ code: 2, out: "", err: expect.stringContaining('unknown concept "gmrr"') });
    expect(concord("analyze", ELMIRA, "--horizon", "2")).toMatchObject({ code: 2, err: expect.stringContaining("exactly two decision makers") });
    expect(concord("analyze", PD, "--horizon", "0")).toMatchObject({ code: 2, err: expect.stringContaining("--horizon: expected a whole number ≥ 1") });
    expect(concord("analyze", at("test/bad-files/unknown-refs.yaml"))).toMatchObject({ code: 2, out: "" });
  });

  it("reads gmcr-py files", () => {
    const r = concord("analyze", at("test/gmcr/prisoners-dilemma.gmcr"), "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).equilibria.nash.length).toBe(1);
  });
});

describe("concord explain", () => {
  it("explains in words, and in JSON, why a state is stable or not", () => {
    // A unique start of a name is enough.
    const r = concord("explain", PD, "--state", "4", "--dm", "prisoner a", "--concept", "gmr");
    expect(r.code).toBe(0);
    expect(r.out).toContain("State 4 is stable for Prisoner A under general metarationality");
    expect(r.out).toContain("deterred");
    const j = JSON.parse(concord("explain", PD, "--state", "4", "--dm", "Prisoner A", "--concept", "nash", "--json").out);
    expect(j).toMatchObject({ state: 4, decisionMaker: "Prisoner A", concept: "nash", stable: false });
    expect(j.improvements[0].move).toMatchObject({ by: "Prisoner A", from: 4, to: 3 });
  });
  it("names what was expected when the state or decision maker is wrong", () => {
    expect(concord("explain", PD, "--state", "9", "--dm", "Prisoner A")).toMatchObject({ code: 2, err: expect.stringContaining("expected a state number from 1 to 4") });
    expect(concord("explain", PD, "--state", "1", "--dm", "Nobody")).toMatchObject({ code: 2, err: expect.stringContaining("Prisoner A (prisoner_a), Prisoner B (prisoner_b)") });
    expect(concord("explain", PD, "--state", "1", "--dm", "Prisoner")).toMatchObject({ code: 2, err: expect.stringContaining('"Prisoner" could mean Prisoner A') });
  });
});
