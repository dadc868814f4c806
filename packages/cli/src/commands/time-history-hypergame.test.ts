// `concord time`, `history` and `hypergame`, run in this process on the fictional harbour
// dispute (deadlines tied to options, observed states) and the misreading example.
import { describe, expect, it } from "vitest";
import { concord as run, concordJson, type Run } from "../../../../test/fixtures/concord.js";

const HARBOUR = "scenarios/examples/harbour.yaml";
const MISREADING = "scenarios/examples/misreading.yaml";

const concord = (...args: string[]): Promise<Run> => run(args);
const json = (...args: string[]): Promise<ReturnType<typeof JSON.parse>> => concordJson(args);

describe("concord time", () => {
  it("walks the deadlines tied to options in date order, with the state each leaves if nobody acts", async () => {
    const j = await json("time", HARBOUR);
    expect(j.asOf).toBe("2030-02-01");
    expect(j.deadlines.map((d: { date: string; commitment: { id: string }; at: string }) => [d.date, d.commitment.id, d.at])).toEqual([
      ["2030-06-30", "lease", "expiry"],
      ["2030-10-01", "monitors", "notice"],
    ]);
    // Options expel, build, lease_ends, protest: the lease's end sets lease_ends whatever anyone does.
    expect(j.deadlines[0].before.yn).toBe("NNNN");
    expect(j.deadlines[0].after.yn).toBe("NNYN");
    expect(j.passed).toEqual([{ commitment: "old-truce", options: ["protest"], date: "2029-12-31" }]);
    const r = await concord("time", HARBOUR);
    expect(r.out).toMatch(/^As of 2030-02-01\n/);
    expect(r.out).toContain("If nobody acts, the status quo becomes state 5.");
    expect(r.out).toContain('unless North takes "North gives the monitors notice" by 2030-10-01');
  });

  it("counts from the day given: after the lease has ended only the monitors' notice is ahead", async () => {
    const j = await json("time", HARBOUR, "--as-of", "2030-08-01");
    expect(j.deadlines.map((d: { commitment: { id: string } }) => d.commitment.id)).toEqual(["monitors"]);
    expect(j.passed.map((p: { commitment: string }) => p.commitment).sort()).toEqual(["lease", "old-truce"]);
    const bad = await concord("time", HARBOUR, "--as-of", "August");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`--as-of: expected a date as YYYY, YYYY-MM or YYYY-MM-DD`);
  });
});

describe("concord time on the seed", () => {
  it("finds the peacekeepers' notice deadline of the 2020 statement and that Baku wants to give notice before it", { timeout: 120_000 }, async () => {
    const j = await json("time", "scenarios/armenia-azerbaijan-2023.yaml");
    expect(j.asOf).toBe("2023-12-07");
    expect(j.deadlines.map((d: { date: string; at: string; daysLeft: number }) => [d.date, d.at, d.daysLeft])).toEqual([["2025-05-10", "notice", 520]]);
    const [o] = j.deadlines[0].options;
    expect(o).toMatchObject({ option: "az_peacekeepers_out", dm: "Azerbaijan", ifNoAction: "keep", before: false, after: false, avoidable: true });
    expect(o.avoid).toMatchObject({ legal: true, improvement: true, reachable: true });
    expect(j.deadlines[0].before.state).toBe(1227);
  });
});

describe("concord history", () => {
  it("checks each prediction from an observed state against the later observations", async () => {
    const j = await json("history", HARBOUR);
    expect(j.observations.map((o: { date: string }) => o.date)).toEqual(["2031-01", "2031-06", "2032"]);
    expect(j.steps.map((s: { from: number; to: number }) => [s.from, s.to])).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect([j.held, j.failed, j.open]).toEqual([24, 0, 4]);
    // North's move from nothing to notice and a base was one it wanted.
    const move = j.steps[0].predictions.find((p: { kind: string }) => p.kind === "move");
    expect(move).toMatchObject({ dm: "north", held: true });
    const r = await concord("history", HARBOUR);
    expect(r.out).toMatch(/^24 predictions held, 0 failed, 4 could not be decided, over 3 observations\./);
    expect(r.out).toContain("From 2031-01 (taken: none) to 2031-06 (taken: expel, build):");
  });

  it("says two observations are needed when the model has none", async () => {
    const r = await concord("history", "scenarios/examples/ceasefire.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toContain("no observed state; at least two");
  });
});

describe("concord hypergame", () => {
  it("names the equilibrium that holds only because one side misreads another", async () => {
    const j = await json("hypergame", MISREADING);
    expect(j.games).toEqual([{ viewer: "upstream", misreads: ["downstream"], expects: { nash: [4], gmr: [1, 4], smr: [1, 4], seq: [1, 4] } }]);
    expect(j.equilibria.truth.seq).toEqual([2]);
    expect(j.onlyByMisreading.seq.map((e: { state: number }) => e.state)).toEqual([1]);
    expect(j.onlyByMisreading.nash ?? []).toEqual([]);
    const r = await concord("hypergame", MISREADING);
    expect(r.out).toContain("State 1 holds only because Upstream misreads Downstream.");
    const bad = await concord("hypergame", MISREADING, "--concepts", "nash,xyz");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("xyz");
  });
});
