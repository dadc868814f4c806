/**
 * Coalition analysis on shipped scenarios:
 * - a published case: the Prisoner's Dilemma, whose one Nash equilibrium (mutual
 *   defection) both prisoners together can leave for mutual cooperation, which both
 *   prefer — the dilemma itself. Source: the payoffs of Axelrod (1984, p. 8) as read in
 *   Table 1 of doi:10.1007/s12052-012-0434-x (source `eeo-table` of
 *   scenarios/prisoners-dilemma.yaml): mutual cooperation pays "3, 3", mutual defection
 *   "1, 1". The scenario numbers mutual defection 1 and mutual cooperation 4.
 * - the seed's earlier model (a frozen copy): "can Armenia and the West together move the status quo?",
 *   checked against the literal definitions (coalition/oracle.ts), and why not;
 * - what docs/coalitions.md and docs/misperceptions.md say about these and the example.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  analyze,
  analyzeCoalitions,
  asDmIndex,
  asStateIndex,
  analyzeHypergame,
  analyzePartition,
  coalitionAnalysisJson,
  hypergameJson,
  jointMoveReport,
  loadScenario,
  parseCoalition,
  parsePartition,
  partitionAnalysisJson,
  type Analysis,
  type Coalition,
  type JointMoveReport,
} from "@concord/core";
import { CoalitionOracle, Oracle } from "@concord/core/oracles";
import { value } from "./fixtures/result.js";

const ROOT = resolve(import.meta.dirname, "..");

function analysisOf(file: string): Analysis {
  const r = loadScenario(readFileSync(join(ROOT, file), "utf8"), { file });
  if (!r.ok) throw new Error(`${file} does not load`);
  return analyze(r.value.space!);
}

describe("the Prisoner's Dilemma (published payoffs)", () => {
  it("mutual defection is the only Nash equilibrium, and both prisoners together leave it for mutual cooperation", () => {
    const a = analysisOf("scenarios/prisoners-dilemma.yaml");
    expect(a.equilibria.nash).toEqual([0]);
    const r = analyzeCoalitions(a);
    if (!r.ok) throw new Error("refused");
    for (const c of a.concepts) {
      const fell = r.value.fallen[c]!.find((f) => f.state === 0);
      expect(fell?.coalitions, c).toEqual([[0, 1]]);
    }
    const report = value(jointMoveReport(a, [0, 1].map(asDmIndex), asStateIndex(0)));
    expect(report.jointImprovements).toEqual([4]);
    // Mutual cooperation holds against the pair: nothing the two can reach pays both more than 3.
    expect(r.value.coalitions[0]!.flags.nash![3]).toBe(1);
  });
});

// The seed's earlier four-decision-maker model (a frozen copy, 1,536 states): the current seed
// (six decision makers, 18,432 states) is too large for the slow coalition oracle in a test.
describe("the earlier seed model: can Armenia and the West together move the status quo?", () => {
  const a = analysisOf("test/fixtures/armenia-azerbaijan-2023-estimates.yaml");
  const model = a.space.model;
  const sq = a.space.statusQuo!;
  const oracle = new CoalitionOracle(new Oracle(a.space, a.payoffs.map((p) => p.payoff)));
  const coalition = (ids: string[]): Coalition => {
    const r = parseCoalition(model, ids);
    if (!r.ok) throw new Error(ids.join());
    return r.value;
  };

  it("no: nothing the two can reach by their own moves is better for both", () => {
    const H = coalition(["Armenia", "West"]);
    const r = value(jointMoveReport(a, H, sq));
    expect(oracle.improvements(H, sq)).toEqual([]);
    expect(r.jointImprovements).toEqual([]);
    expect(r.answer).toMatch(/^No\. From state 793, Armenia \+ United States and EU can reach 31 other states by their own moves, but none that all of them prefer to it: Armenia prefers 4 of them, United States and EU prefers none of them\./);
    // Why: every treaty option is Azerbaijan's, so the two cannot reach a signed treaty.
    const signs = ["sign_west", "sign_russia", "sign_direct"].map((id) => model.options.find((o) => o.id === id)!);
    expect(signs.every((o) => o.dm === model.decisionMakers.findIndex((d) => d.id === "Azerbaijan"))).toBe(true);
    for (const t of oracle.oracle.reach(H, sq, false)) for (const o of signs) expect(a.space.taken(asStateIndex(t), o.index)).toBe(false);
    // Their joint moves open no state that the decision makers' own improvements do not reach.
    expect(r.statusQuo.reachable.every((x) => x.reachableAlone)).toBe(true);
  });

  it("gives results that are plain data: states from 1, decision makers by id", () => {
    const H = coalition(["Armenia", "West"]);
    const all = analyzeCoalitions(a);
    const partition = parsePartition(model, [["Armenia", "West"]]);
    if (!all.ok || !partition.ok) throw new Error("refused");
    const results = [value(jointMoveReport(a, H, sq)), coalitionAnalysisJson(all.value), partitionAnalysisJson(analyzePartition(a, partition.value)), hypergameJson(analyzeHypergame(a))];
    for (const x of results) expect(JSON.parse(JSON.stringify(x))).toEqual(x);
    const report = results[0] as JointMoveReport;
    expect(report.members).toEqual(["Armenia", "West"]);
    expect(report.from).toBe(sq + 1);
    expect(coalitionAnalysisJson(all.value).coalitions.map((c) => c.members.join("+"))).toContain("Armenia+West");
  });

  it("Azerbaijan and the West together can, and the others cannot deter it", () => {
    const H = coalition(["Azerbaijan", "West"]);
    const r = value(jointMoveReport(a, H, sq));
    expect(r.jointImprovements.length).toBeGreaterThan(0);
    expect([...r.jointImprovements].sort((x, y) => x - y)).toEqual(oracle.improvements(H, sq).map((t) => t + 1));
    const others = [coalition(["Armenia"]), coalition(["Russia"])];
    for (const c of a.concepts) expect(r.stability[c]!.stable, c).toBe(oracle.stable(H, sq, c, others));
  });
});

describe("the misperceptions example of the docs", () => {
  it("holds state 1 only because Upstream misreads Downstream (docs/misperceptions.md)", () => {
    const a = analysisOf("scenarios/examples/misreading.yaml");
    expect(a.equilibria.seq).toEqual([1]);
    const h = hypergameJson(analyzeHypergame(a));
    expect(h.equilibria.truth.seq).toEqual([2]);
    expect(h.onlyByMisreading.seq).toEqual([{ state: 1, because: [{ viewer: "upstream", misreads: ["downstream"] }], text: "State 1 holds only because Upstream misreads Downstream." }]);
    expect(h.games[0]!.expects.seq).toEqual([1, 4]);
    for (const c of ["nash", "gmr", "smr"] as const) expect(h.onlyByMisreading[c]!.length + h.brokenByMisreading[c]!.length).toBe(0);
  });
});
