import { describe, expect, it } from "vitest";
import type { ScenarioDocument } from "../format/schema.js";
import { asStateIndex, stateIndexOf, stateNumber } from "../numbering.js";
import { generateModel, rng } from "../scenario/generate.js";
import { loadScenario, validateDocument } from "../scenario/load.js";
import type { Scenario } from "../scenario/types.js";
import { viewDay, type ViewDayOptions } from "../scenario/view-day.js";
import type { StateSpace } from "../statespace/space.js";
import { analyze } from "../stability/analysis.js";
import { BASIC_CONCEPTS } from "../stability/concepts.js";
import { Oracle } from "../stability/oracle.js";
import { deadlineAnalysis } from "./deadlines.js";
import { historyCheck } from "./history.js";
import { oracleDistances, oraclePayoffs } from "./oracle.js";

/** A fictional harbour dispute: everything in it is invented, so its dates may lie anywhere. */
const HARBOUR = `
concord: 1
id: harbour
title: A fictional harbour dispute
asOf: 2030-02-01
sources:
  - { id: accord, title: An invented accord }
  - { id: report, title: An invented monitoring report }
actors:
  - { id: north, name: North }
  - { id: south, name: South }
commitments:
  - id: monitors
    what: Foreign monitors stay in the harbour
    bound: [north, south]
    from: 2030-01-01
    term: 1 year
    renewal: { kind: automatic, notice: 3 months, noticeBy: [north] }
    sources: [accord]
  - id: lease
    what: South leases the harbour to North
    bound: [south]
    from: 2029-07-01
    to: 2030-06-30
    sources: [accord]
  - id: old-truce
    what: Neither side protests publicly
    bound: [south]
    from: 2029-01-01
    to: 2029-12-31
    sources: [accord]
model:
  decisionMakers:
    - id: north
      name: North
      options:
        - id: expel
          label: North gives the monitors notice
          deadline: { commitment: monitors, ifNoAction: keep }
        - id: build
          label: North builds a naval base
      preferences: [expel IF build, build, -expel]
    - id: south
      name: South
      options:
        - id: lease_ends
          label: The lease has ended
          deadline: { commitment: lease, ifNoAction: "Y" }
        - id: protest
          label: South protests publicly
          deadline: { commitment: old-truce, ifNoAction: keep }
      preferences: [protest IF build, -protest IF -build, -lease_ends]
  statusQuo: []
  observed:
    - { date: 2031-01, taken: [], sources: [report] }
    - { date: 2031-06, taken: [expel, build], sources: [report] }
    - { date: 2032, pattern: build & protest, sources: [report] }
`;

function load(text: string): { doc: ScenarioDocument; scenario: Scenario; a: ReturnType<typeof analyze> } {
  const r = loadScenario(text, { file: "harbour.yaml" });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return { doc: r.value.scenario.document, scenario: r.value.scenario, a: analyze(r.value.space!) };
}

/** The deadlines counted from the scenario's view day (its asOf, else the day asked for, else the record's last date). */
function deadlinesOf(scenario: Scenario, a: ReturnType<typeof analyze>, options: ViewDayOptions = {}): ReturnType<typeof deadlineAnalysis> {
  const day = viewDay(scenario, options);
  if (!day.ok) return day;
  return deadlineAnalysis(scenario.record, a, day.value!.day);
}

describe("deadlines tied to options", () => {
  it("walks the deadlines in date order: the dates from the record, the default state, the move that avoids it and whether anyone wants it", () => {
    const { scenario, a } = load(HARBOUR);
    const r = deadlinesOf(scenario, a);
    if (!r.ok) throw new Error("no analysis");
    const d = r.value;
    expect(d.asOf).toBe("2030-02-01");
    // The truce ended before the day of the analysis.
    expect(d.passed).toEqual([{ commitment: "old-truce", options: ["protest"], date: "2029-12-31" }]);
    expect(d.deadlines.map((x) => [x.date, x.commitment.id, x.at, x.daysLeft])).toEqual([
      ["2030-06-30", "lease", "expiry", 149],
      ["2030-10-01", "monitors", "notice", 242],
    ]);
    const [lease, monitors] = d.deadlines;
    // Options in order expel, build, lease_ends, protest: the status quo is NNNN = state 1; the lease's end sets lease_ends.
    expect(lease!.before.yn).toBe("NNNN");
    expect(lease!.after!.yn).toBe("NNYN");
    expect(lease!.options[0]).toMatchObject({ option: "lease_ends", before: false, after: true, avoidable: false });
    expect(lease!.options[0]!.avoid).toBeUndefined();
    expect(lease!.settled).toEqual(["lease_ends"]);
    // The monitors' notice: unless North gives notice by 1 October, it stays not given.
    expect(monitors!.before.yn).toBe("NNYN");
    expect(monitors!.after!.yn).toBe("NNYN");
    const expel = monitors!.options[0]!;
    expect(expel).toMatchObject({ option: "expel", ifNoAction: "keep", before: false, after: false, avoidable: true });
    // North does not want to give notice on its own ("-expel", its statement 3), but giving notice
    // together with building the base is an improvement for it, so the conflict can get there.
    expect(expel.avoid).toMatchObject({ legal: true, improvement: false, reachable: true });
    expect(expel.avoid!.decision.statement).toMatchObject({ dm: "north", position: 3, text: "-expel" });
    expect(expel.avoid!.move).toMatchObject({ by: "North", from: lease!.after!.state, changes: [{ option: "expel", taken: true }] });
    expect(monitors!.settled).toEqual(["lease_ends", "expel"]);
    expect(monitors!.words).toContain("unless North takes \"North gives the monitors notice\" by 2030-10-01");
  });

  it("says where the conflict can go after each deadline, with the settled options fixed, as a re-analysis of the restricted document does", () => {
    const { doc, scenario, a } = load(HARBOUR);
    const r = deadlinesOf(scenario, a);
    if (!r.ok) throw new Error("no analysis");
    const fixes = [[{ infeasible: "-lease_ends" }], [{ infeasible: "-lease_ends" }, { infeasible: "expel" }]];
    r.value.deadlines.forEach((step, k) => {
      const { targets: _t, observed: _o, statusQuo: _s, ...model } = doc.model!;
      const v = validateDocument({ ...doc, model: { ...model, feasibility: fixes[k]! } });
      if (!v.ok) throw new Error("restricted document invalid");
      const space = v.value.space!;
      const oracle = new Oracle(space, oraclePayoffs(space));
      const dist = oracleDistances(oracle, space.indexOf(a.space.vector(stateIndexOf(step.after!.state)))!);
      for (const c of BASIC_CONCEPTS) {
        const want = Array.from({ length: space.size }, (_, s) => s)
          .filter((s) => dist[s]! >= 0 && space.model.decisionMakers.every((_, i) => oracle.stable(i, s, c)))
          .map((s) => stateNumber(a.space.indexOf(space.vector(asStateIndex(s)))!))
          .sort((x, y) => x - y);
        expect(step.reachableEquilibria![c], `deadline ${k + 1}, ${c}`).toEqual(want);
      }
    });
  });

  it("counts from the view day: the day asked for, else the scenario's date, else the record's last date", () => {
    const { scenario, a } = load(HARBOUR.replace("asOf: 2030-02-01\n", ""));
    // The record's last date: the monitors' start, 1 January 2030.
    const r = deadlinesOf(scenario, a);
    expect(r.ok && r.value.asOf).toBe("2030-01-01");
    expect(deadlinesOf(scenario, a, { asOf: "2030-13" }).ok).toBe(false);
    const later = deadlinesOf(scenario, a, { asOf: "2030-07" });
    expect(later.ok && later.value.deadlines.map((x) => x.commitment.id)).toEqual(["monitors"]);
  });

  it("needs a status quo to start from", () => {
    const { scenario, a } = load(HARBOUR.replace("  statusQuo: []\n", ""));
    expect(deadlinesOf(scenario, a)).toMatchObject({ ok: false, problems: [{ code: "missing", path: ["model", "statusQuo"] }] });
  });
});

describe("history check", () => {
  it("compares what was predicted from each observed state with what was observed later", () => {
    const { a } = load(HARBOUR);
    const h = historyCheck(a);
    expect(h.observations.map((o) => [o.date, o.states.length])).toEqual([["2031-01", 1], ["2031-06", 1], ["2032", 4]]);
    const first = h.steps.find((s) => s.from === 0 && s.to === 1)!;
    // North took expel and build together, an improvement for it (its statement 2, "build").
    const move = first.predictions.find((p) => p.kind === "move")!;
    expect(move).toMatchObject({ dm: "north", held: true });
    expect(move.decision!.statement).toMatchObject({ position: 2, text: "build" });
    expect(first.predictions.find((p) => p.kind === "reach")!.held).toBe(true);
    expect(h.held + h.failed + h.open).toBe(h.steps.reduce((n, s) => n + s.predictions.length, 0));
  });

  it("holds or fails each prediction as the definitions say (random models, random observed states)", { timeout: 120_000 }, () => {
    let checked = 0;
    let moves = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const base = randomObserved(seed);
      if (!base) continue;
      const { a, space } = base;
      const oracle = new Oracle(space, oraclePayoffs(space));
      const P = oracle.P;
      const h = historyCheck(a);
      const states = h.observations.map((o) => o.states.map((s) => s - 1));
      for (const step of h.steps) {
        const from = states[step.from]!;
        const to = states[step.to]!;
        const reach = new Set(from.flatMap((s) => oracleDistances(oracle, s).flatMap((d, t) => (d >= 0 ? [t] : []))));
        const eq = (c: (typeof BASIC_CONCEPTS)[number], s: number): boolean => space.model.decisionMakers.every((_, i) => oracle.stable(i, s, c));
        for (const p of step.predictions) {
          checked++;
          if (p.kind === "reach") expect(p.held).toBe(to.some((t) => reach.has(t)));
          if (p.kind === "stay") expect(from.every((s) => eq(p.concept!, s)) && p.held === to.some((t) => from.includes(t))).toBe(true);
          if (p.kind === "leave") expect(from.every((s) => !eq(p.concept!, s)) && p.held === !to.some((t) => from.includes(t))).toBe(true);
          if (p.kind === "settle") {
            const at = to.filter((t) => eq(p.concept!, t));
            expect(p.held).toBe(at.length === 0 ? "open" : at.some((t) => reach.has(t)));
          }
          if (p.kind === "move" && p.move) {
            const k = space.model.decisionMakers.findIndex((d) => d.id === p.dm);
            const legal = oracle.R(k, from[0]!).includes(p.move.to - 1);
            expect(p.held).toBe(legal && P[k]![p.move.to - 1]! > P[k]![from[0]!]!);
            moves++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(moves).toBeGreaterThan(20);
  });
});

/** A random model with three to five observed states (whole or patterns), dated in the fictional 2030s. */
function randomObserved(seed: number): { a: ReturnType<typeof analyze>; space: StateSpace } | null {
  const r = rng(seed * 31337);
  const doc = generateModel({ decisionMakers: 2 + (seed % 2), options: 2, statements: 3, conditions: seed % 3, oneWay: 0.2, seed });
  const v0 = validateDocument(doc);
  if (!v0.ok) return null;
  const s0 = v0.value.space!;
  const ids = s0.model.options.map((o) => o.id);
  const observed = Array.from({ length: 3 + (seed % 3) }, (_, k) => {
    const s = Math.floor(r() * s0.size);
    const date = `${2031 + k}-0${1 + Math.floor(r() * 9)}`;
    if (r() < 0.25) {
      const o = Math.floor(r() * ids.length);
      return { date, pattern: s0.taken(asStateIndex(s), o) ? ids[o]! : `-${ids[o]!}`, sources: ["report"] };
    }
    return { date, taken: ids.filter((_, o) => s0.taken(asStateIndex(s), o)), sources: ["report"] };
  });
  const v = validateDocument({ ...doc, sources: [{ id: "report", title: "An invented report" }], model: { ...doc.model!, observed } });
  if (!v.ok) return null;
  return { a: analyze(v.value.space!), space: v.value.space! };
}
