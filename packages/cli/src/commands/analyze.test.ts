// `concord analyze` and `concord explain`, run as a user runs them, in this process: main(argv, io).
import { describe, expect, it } from "vitest";
import { concord as run, type Run } from "../../../../test/fixtures/concord.js";

const PD = "scenarios/prisoners-dilemma.yaml";
const ELMIRA = "scenarios/elmira.yaml";

const concord = (...args: string[]): Promise<Run> => run(args);

describe("concord analyze", () => {
  it("prints the JSON shape of the issue, states numbered from 1", async () => {
    const r = await concord("analyze", PD, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out).value;
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

  it("--threads: the same answer on one thread and on two (workers forced below the size threshold is the pool's own test); a bad count is a usage error", async () => {
    const one = await concord("analyze", ELMIRA, "--json", "--threads", "1");
    const two = await concord("analyze", ELMIRA, "--json", "--threads", "2");
    expect(one.code).toBe(0);
    expect(one.out).toBe(two.out);
    const bad = await concord("analyze", ELMIRA, "--threads", "0");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--threads: expected a whole number ≥ 1, found "0"');
  });

  it("prints a table with a mark per decision maker and concept, and the equilibria in words", async () => {
    const r = await concord("analyze", ELMIRA);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1\* +N +Y +N +N +N +✓✓· +✓✓✓ +✓✓✓ +✓✓· +GMR SMR$/m);
    expect(r.out).toContain("Nash: 6 states — 5–7, 10–12");
    expect(r.out).toMatch(/^ {2}7: MoE: none of its options; Uniroyal: Delay/m);
  });

  it("fits the states and analyze tables to the terminal: option columns folded into letters with a legend, ranks numbered", async () => {
    const widest = (text: string): number => Math.max(...text.split("\n").map((l) => [...l].length));
    const COLOMBIA = "scenarios/colombia-farc-2016.yaml";
    const wide = await run(["analyze", COLOMBIA]);
    expect(widest(wide.out)).toBeGreaterThan(100);
    const fitted = await run(["analyze", COLOMBIA], { columns: 100 });
    expect(widest(fitted.out)).toBeLessThanOrEqual(100);
    // State 63 is an equilibrium under all four concepts: its row keeps its values (n: neither alternative) and marks.
    expect(fitted.out).toMatch(/^63 +NnY NnY N +✓✓✓ +✓✓✓ +✓✓✓ +✓✓✓ +Nash GMR SMR SEQ$/m);
    expect(fitted.out).toContain("Options, in the order of the letters (grouped by decision maker): Government of Colombia: 1 ");
    const states = await run(["states", "scenarios/armenia-azerbaijan-2023.yaml"], { columns: 60 });
    expect(states.code).toBe(0);
    expect(widest(states.out)).toBeLessThanOrEqual(60);
    expect(states.out).toMatch(/^state +\(see below\) +#1 +#2 +#3 +#4 +#5 +#6$/m);
    expect(states.out.replace(/\s+/g, " ")).toContain("Ranks by decision maker: #1 Armenia, #2 Azerbaijan");
    // An option with alternatives: one letter per alternative, spelt out in the legend.
    expect(states.out.replace(/\s+/g, " ")).toMatch(/\d+ transit \(n none, s sovereign/);
    // A table that fits stays as it was, one column per option.
    expect((await run(["states", PD], { columns: 80 })).out).toMatch(/^state +a_cooperates +b_cooperates +Prisoner A +Prisoner B$/m);
  });

  it("limits concepts, and adds limited-move and non-myopic stability for two decision makers", async () => {
    const j = JSON.parse((await concord("analyze", PD, "--concepts", "seq,nash", "--horizon", "3", "--non-myopic", "--json")).out).value;
    expect(Object.keys(j.equilibria)).toEqual(["nash", "seq"]);
    expect(j.limitedMove.horizon).toBe(3);
    expect(j.nonMyopic.period).toBe(1);
  });

  it("rejects bad options and files with exit code 2 and a clear message", async () => {
    expect(await concord("analyze", PD, "--concepts", "nash,gmrr")).toMatchObject({ code: 2, out: "", err: expect.stringContaining('unknown concept "gmrr"') });
    expect(await concord("analyze", ELMIRA, "--horizon", "2")).toMatchObject({ code: 2, err: expect.stringContaining("exactly two decision makers") });
    expect(await concord("analyze", PD, "--horizon", "0")).toMatchObject({ code: 2, err: expect.stringContaining("--horizon: expected a whole number ≥ 1") });
    expect(await concord("analyze", "test/bad-files/unknown-refs.yaml")).toMatchObject({ code: 2, out: "" });
  });

  it("speaks of the alternative chosen for an option with alternatives, in JSON, the table and the words", async () => {
    const json = JSON.parse((await concord("analyze", "scenarios/examples/transit.yaml", "--json")).out).value;
    expect(json.decisionMakers[0]).toEqual({ id: "upland", name: "Upland", options: ["transit"] });
    expect(json.options[0]).toMatchObject({ id: "transit", alternatives: [{ id: "none" }, { id: "sovereign" }, { id: "monitored" }, { id: "extraterritorial" }] });
    expect(json.states[6]).toEqual({ id: 7, values: { transit: "monitored", open: true } });
    const r = await concord("analyze", "scenarios/examples/transit.yaml");
    expect(r.out).toMatch(/^7 +monitored +Y /m);
    expect(r.out).toContain("  3: Upland: Transit regime for the road: with third-party monitoring; Lowland: none of its options");
    const convert = await concord("convert", "scenarios/examples/transit.yaml", "--to", "gmcr");
    expect(convert.err).toMatch(/^note: option "transit" has alternatives, which gmcr-py does not know: it is written as 3 yes\/no options/);
    expect(JSON.parse(convert.out).options[0].name).toBe("Transit regime for the road: under Lowland's sovereignty and customs");
  });

  it("reads gmcr-py files", async () => {
    const r = await concord("analyze", "test/gmcr/prisoners-dilemma.gmcr", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).value.equilibria.nash.length).toBe(1);
  });
});

describe("concord explain", () => {
  it("explains in words, and in JSON, why a state is stable or not", async () => {
    // A unique start of a name is enough.
    const r = await concord("explain", PD, "--state", "4", "--dm", "prisoner a", "--concept", "gmr");
    expect(r.code).toBe(0);
    expect(r.out).toContain("State 4 is stable for Prisoner A under general metarationality");
    expect(r.out).toContain("deterred");
    const j = JSON.parse((await concord("explain", PD, "--state", "4", "--dm", "Prisoner A", "--concept", "nash", "--json")).out).value;
    expect(j).toMatchObject({ state: 4, decisionMaker: "Prisoner A", concept: "nash", stable: false });
    expect(j.improvements[0].move).toMatchObject({ by: "Prisoner A", from: 4, to: 3 });
  });
  it("names what was expected when the state or decision maker is wrong", async () => {
    expect(await concord("explain", PD, "--state", "9", "--dm", "Prisoner A")).toMatchObject({ code: 2, err: expect.stringContaining("expected a state number from 1 to 4") });
    expect(await concord("explain", PD, "--state", "1", "--dm", "Nobody")).toMatchObject({ code: 2, err: expect.stringContaining("Prisoner A (prisoner_a), Prisoner B (prisoner_b)") });
    expect(await concord("explain", PD, "--state", "1", "--dm", "Prisoner")).toMatchObject({ code: 2, err: expect.stringContaining('"Prisoner" could mean Prisoner A') });
  });
});
