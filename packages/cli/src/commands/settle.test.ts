// `concord settle`, run as a user runs it, in this process: main(argv, io).
import { describe, expect, it } from "vitest";
import { concord as run, type Run } from "../../../../test/fixtures/concord.js";

const LAKE = "scenarios/examples/settlement.yaml";
const concord = (...args: string[]): Promise<Run> => run(args);

describe("concord settle", () => {
  it("says first, in plain words, which packages both sides could accept and which would hold; numbers after", async () => {
    const r = await concord("settle", LAKE);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("Packages both sides could accept, and which would hold");
    expect(lines[2]).toMatch(/^6 packages would leave both sides better off than no agreement.*4 of them would hold \(1 even if each side looked only one move ahead\); 2 more only under threats/);
    expect(lines[2]).not.toMatch(/state \d|Nash|GMR|SEQ/);
    // The Nash and Kalai–Smorodinsky package: gains 22 and 25, state 44, an equilibrium under all four concepts.
    expect(r.out).toMatch(/^NK +22 +25 +yes +44 +Nash GMR SMR SEQ +Troops in the strip: Norland withdraws;/m);
    expect(r.out).toMatch(/^ +55 +-35 +no +37 +none /m);
    expect(r.out).toContain("Norland's draft gives Norland 82 and Sudria 25; Sudria would do as well or better with no agreement");
    expect(r.out).toContain("Fishing grounds              20             15  split 85.7% / 14.3%");
    expect(r.out.indexOf("The numbers")).toBeGreaterThan(r.out.indexOf("If the estimates are off"));
  });

  it("prints JSON with gains by party id, states from 1 and the stabilization's needs for unstable acceptable packages", async () => {
    const r = await concord("settle", LAKE, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out).value;
    expect(j.parties.map((p: { id: string }) => p.id)).toEqual(["north", "south"]);
    expect(j.disagreement.utilities).toEqual({ north: 45, south: 35 });
    expect(j.issues[0].alternatives[0]).toEqual({ id: "stay", label: "Norland's troops stay", when: "-withdraw" });
    expect(j.packages[0]).toMatchObject({ gains: { north: 22, south: 25 }, state: 44, nash: true, kalaiSmorodinsky: true, stableUnder: ["nash", "gmr", "smr", "seq"] });
    const unstable = j.packages.find((p: { state: number }) => p.state === 42);
    expect(unstable.unstableFor).toEqual({ nash: ["south"] });
    expect(unstable.needs.nash.pulls[0]).toMatch(/^Sudria would drop "Recognise the 1990 line as the border"/);
    expect(j.fairAndStable).toEqual({ nash: 1, gmr: 6, smr: 6, seq: 4 });
    expect(j.adjustedWinner.split.issue).toBe("fishing");
    expect(j.sensitivity.parameters.map((p: { path: unknown[] }) => p.path)).toEqual([
      ["settlement", "valuations", "north", "utilities", "border", "recognised"],
      ["settlement", "valuations", "south", "utilities", "fishing", "shared"],
    ]);
  });

  it("on the seed: lists the package the model rules out apart, and searches for changes only with --mediation", async () => {
    const seed = "scenarios/armenia-azerbaijan-2023.yaml";
    const plain = await concord("settle", seed);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain("Ruled out by the model (not candidates: they are not outcomes the model allows)\n  Armenia 10, Azerbaijan 60 (both would gain): Where the treaty is signed: in Brussels (EU); Transit to Nakhchivan: an extraterritorial corridor;");
    expect(plain.out).toContain('The model rules it out: "(venue = brussels | venue = washington) & (transit = monitored | transit = extraterritorial)" (a modeller\'s estimate).');
    expect(plain.out).toContain("(with --mediation: the smallest changes that would make the Nash and Kalai–Smorodinsky packages hold)");
    const nashNeeds = (out: string) => JSON.parse(out).value.packages.find((p: { nash: boolean }) => p.nash).needs.nash;
    // The Nash package fails only the Nash concept there, and no single change makes it hold.
    expect(nashNeeds((await concord("settle", seed, "--json", "--mediation")).out)).toMatchObject({ searched: true, found: false, changes: [] });
  });

  it("checks only the concepts asked for", async () => {
    const j = JSON.parse((await concord("settle", LAKE, "--concepts", "seq", "--json")).out).value;
    expect(j.concepts).toEqual(["seq"]);
    expect(j.fairAndStable).toEqual({ seq: 4 });
  });

  it("refuses a scenario without a settlement section, in one line, exit code 2", async () => {
    const r = await concord("settle", "scenarios/prisoners-dilemma.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^scenarios\/prisoners-dilemma\.yaml: the scenario has no settlement section; expected "settlement:"/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("refuses a bad settlement section with every problem at its line and column", async () => {
    const r = await concord("settle", "test/bad-files/settlement-infeasible.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toContain("settlement-infeasible.yaml:43:15: settlement.proposals[0].choice: the proposal \"draft\" is not a feasible state of the model");
    expect(r.out).toBe("");
  });
});
