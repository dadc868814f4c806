import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeEngines } from "../testing/engines.js";
import { error, LOCAL, seedScenario, value } from "../testing/fixtures.js";

describeEngines("analysis results", (engine) => {
  it("stores one result per revision, kind and options; a second write returns the first", async () => {
    const s = await engine.open();
    const { workspace, scenario } = await seedScenario(s);
    const key = { kind: "stability", options: { concepts: ["nash", "gmr"], horizon: 2 } };
    const first = value(await s.analyses.store(workspace.id, scenario.id, 1, key, '{"equilibria":[1]}'));
    expect(first).toMatchObject({ stored: true, analysis: { revision: 1, kind: "stability", result: '{"equilibria":[1]}' } });
    // Same options in another key order: the same analysis.
    const again = value(await s.analyses.store(workspace.id, scenario.id, "head", { kind: "stability", options: { horizon: 2, concepts: ["nash", "gmr"] } }, '{"equilibria":[2]}'));
    expect(again).toEqual({ stored: false, analysis: first.analysis });
    const other = value(await s.analyses.store(workspace.id, scenario.id, 1, { kind: "stability", options: { concepts: ["nash"] } }, "{}"));
    expect(other.stored).toBe(true);
    expect(value(await s.analyses.get(workspace.id, scenario.id, 1, key)).result).toBe('{"equilibria":[1]}');
    expect(await s.db.selectFrom("analyses").select("id").execute()).toHaveLength(2);
  });

  it("stores exactly one result when many writers store the same analysis at once", async () => {
    const s = await engine.open();
    const { workspace, scenario } = await seedScenario(s);
    const key = { kind: "robustness", options: { samples: 100 } };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => s.analyses.store(workspace.id, scenario.id, 1, key, JSON.stringify({ by: i }))));
    const stored = results.map(value).filter((r) => r.stored);
    expect(stored).toHaveLength(1);
    expect(new Set(results.map((r) => value(r).analysis.id)).size).toBe(1);
    expect(await s.db.selectFrom("analyses").select("id").execute()).toHaveLength(1);
  });

  it("finds the latest result of a kind: the newest revision that has one", async () => {
    const s = await engine.open();
    const { workspace, scenario } = await seedScenario(s);
    value(await s.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "r2" }, LOCAL));
    value(await s.scenarios.save(workspace.id, scenario.id, { expected: 2, text: "r3" }, LOCAL));
    expect(error(await s.analyses.latest(workspace.id, scenario.id, "stability")).code).toBe("not-found");
    value(await s.analyses.store(workspace.id, scenario.id, 2, { kind: "stability", options: {} }, '"r2"'));
    value(await s.analyses.store(workspace.id, scenario.id, 1, { kind: "stability", options: {} }, '"r1"'));
    value(await s.analyses.store(workspace.id, scenario.id, 3, { kind: "report", options: {} }, '"r3"'));
    expect(value(await s.analyses.latest(workspace.id, scenario.id, "stability"))).toMatchObject({ revision: 2, result: '"r2"' });
  });

  it("refuses results that are not JSON, and scopes reads to the workspace", async () => {
    const s = await engine.open();
    const mine = await seedScenario(s);
    const theirs = await seedScenario(s);
    expect(error(await s.analyses.store(mine.workspace.id, mine.scenario.id, 1, { kind: "x", options: {} }, "not json"))).toMatchObject({ code: "validation", field: "result" });
    value(await s.analyses.store(theirs.workspace.id, theirs.scenario.id, 1, { kind: "x", options: {} }, "1"));
    expect(error(await s.analyses.get(mine.workspace.id, theirs.scenario.id, 1, { kind: "x", options: {} }))).toMatchObject({ code: "not-found", resource: "scenario" });
    expect(error(await s.analyses.latest(mine.workspace.id, theirs.scenario.id, "x"))).toMatchObject({ code: "not-found", resource: "scenario" });
    expect(error(await s.analyses.latest(mine.workspace.id, randomUUID(), "x"))).toMatchObject({ code: "not-found", resource: "scenario" });
  });
});
