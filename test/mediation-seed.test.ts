/**
 * The mediation analyses on the seed's earlier, smaller model (four decision makers, 1,536
 * states), frozen with its 11 "modeller's estimate" statements marked `estimate: true`
 * (test/fixtures/armenia-azerbaijan-2023-estimates.yaml): the current seed (18,432 states)
 * is too large for a change search in a test; its own estimates are checked in
 * test/seed-scenario.test.ts.
 * The answers below are Concord's own computed results, pinned so that a change is
 * noticed; nobody else has computed them. Each analysis is checked against its
 * definition on random models in packages/core/src/mediation/*.test.ts.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, deadlineAnalysis, loadScenario, resolveTarget, sensitivity, stabilize, viewDay, type Analysis, type Scenario } from "@concord/core";
import { value } from "./fixtures/result.js";

const ROOT = resolve(import.meta.dirname, "..");
const FIXTURE = "test/fixtures/armenia-azerbaijan-2023-estimates.yaml";

function load(): { a: Analysis; scenario: Scenario } {
  const r = loadScenario(readFileSync(join(ROOT, FIXTURE), "utf8"), { file: FIXTURE });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return { a: analyze(r.value.space!), scenario: r.value.scenario };
}

describe("the earlier seed model's estimates, marked", () => {
  it("marks exactly the statements whose notes call them the modeller's estimate", () => {
    const { a } = load();
    const marked = a.space.model.decisionMakers.flatMap((dm) =>
      dm.preference.kind === "priorities" ? dm.preference.statements.filter((st) => st.estimate).map((st) => `${dm.id}: ${st.text}`) : [],
    );
    const byNote = a.space.model.decisionMakers.flatMap((dm) =>
      dm.preference.kind === "priorities" ? dm.preference.statements.filter((st) => /modeller's estimate/i.test(st.note ?? "")).map((st) => `${dm.id}: ${st.text}`) : [],
    );
    expect(marked).toEqual(byNote);
    expect(marked).toHaveLength(11);
  });
});

describe("what would make a bilateral treaty stable and reachable (computed, pinned)", () => {
  const { a, scenario } = load();
  const target = resolveTarget(a.space.model, "treaty-direct");
  if (!target.ok) throw new Error("no target");
  const res = stabilize(a, target.value);

  it("is not reachable today: Azerbaijan's estimated statement 3 blocks its signature", () => {
    expect(res.reach!.reachable).toBe(false);
    const blocked = res.reach!.blocked!.steps.filter((s) => !s.improvement);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.move.by).toBe("Azerbaijan");
    expect(blocked[0]!.decision!.statement).toMatchObject({ dm: "Azerbaijan", position: 3, estimate: true, text: "-sign_direct & -sign_russia IF -am_corridor" });
  });

  it("becomes a Nash equilibrium reachable from the status quo if Azerbaijan no longer holds that estimate", () => {
    expect(res.changes.goalMet).toBe(true);
    expect(res.changes.coverage.pairs.searched).toBe(false);
    const first = res.changes.changes[0]!;
    expect(first.parts).toEqual([expect.objectContaining({ kind: "preference", change: { kind: "drop", dm: "Azerbaijan", position: 3 } })]);
    expect(first).toMatchObject({ size: 1, concepts: ["nash", "gmr", "smr", "seq"], revisesEstimate: true, state: { state: 545 } });
    expect(first.path.map((m) => m.by)).toEqual(["Azerbaijan", "United States and EU", "Russia"]);
    // A third party's offer valued above that statement works too.
    expect(res.changes.changes.some((c) => c.parts[0]!.kind === "third-party" && c.parts[0]!.option.by === "West" && c.parts[0]!.option.to === "Azerbaijan")).toBe(true);
  });

  it("rests on that estimate alone: dropping or flipping it is the only change of an estimate that makes the treaty reachable", () => {
    const s = sensitivity(a);
    const reach = s.conclusions.find((c) => c.id === "target-reachable:treaty-direct")!;
    expect(reach.answer).toBe(false);
    expect(reach.changedBy.map((c) => c.variations.map((v) => `${s.estimates[v.item]!.words} / ${v.kind}`))).toEqual([
      ['Azerbaijan\'s statement 3, "-sign_direct & -sign_russia IF -am_corridor" / drop'],
      ['Azerbaijan\'s statement 3, "-sign_direct & -sign_russia IF -am_corridor" / flip'],
    ]);
  });

  it("has one deadline tied to an option: Azerbaijan's notice on the peacekeepers, due 10 May 2025 (the record's arithmetic)", () => {
    const d = deadlineAnalysis(scenario.record, a, value(viewDay(scenario))!.day);
    if (!d.ok) throw new Error("no deadlines");
    expect(d.value.deadlines.map((x) => [x.date, x.commitment.id, x.options.map((o) => [o.option, o.avoidable])])).toEqual([
      ["2025-05-10", "peacekeepers", [["az_peacekeepers_out", true]]],
    ]);
    expect(JSON.parse(JSON.stringify(d.value))).toEqual(d.value);
  });

  it("gives results that are plain data", () => {
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
    const s = sensitivity(a, { pairs: false });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
