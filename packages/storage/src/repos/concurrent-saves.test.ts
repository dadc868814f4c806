import { expect, it } from "vitest";
import { openStorage } from "../open.js";
import type { Storage } from "../storage.js";
import { describeEngines, TEST_PASSWORD_COST } from "../testing/engines.js";
import { startWriters } from "../testing/run-writers.js";
import { seedScenario, value } from "../testing/fixtures.js";

/**
 * Many writers, each reading the head and saving on top of it: every save either
 * lands as the next revision or gets a conflict, and nothing accepted is missing
 * afterwards. First in one process, then from three processes at once (separate
 * connections: SQLite's file lock, PostgreSQL's row locks).
 */
describeEngines("concurrent saves", (engine) => {
  async function check(s: Storage, workspaceId: string, scenarioId: string, accepted: readonly { number: number; text: string }[]): Promise<void> {
    const history = value(await s.scenarios.history(workspaceId, scenarioId, { limit: 1000 }));
    // Revisions 1..n without gaps or repeats: the first, then one per accepted save.
    expect(history.map((h) => h.number).sort((x, y) => x - y)).toEqual(Array.from({ length: accepted.length + 1 }, (_, i) => i + 1));
    expect(new Set(accepted.map((x) => x.number)).size).toBe(accepted.length);
    for (const { number, text } of accepted) {
      expect(value(await s.scenarios.revision(workspaceId, scenarioId, number)).text).toBe(text);
      // Each text names the head it was based on: an accepted save was based on the revision just before it.
      expect(text.trimEnd().endsWith(`on ${number - 1}`)).toBe(true);
    }
    expect(value(await s.scenarios.get(workspaceId, scenarioId)).headRevision).toBe(accepted.length + 1);
    const saves = (await s.audit.list({ workspaceId, limit: 1000 })).filter((e) => e.action === "revision.save");
    expect(saves).toHaveLength(accepted.length);
  }

  it("in one process: every accepted save is in the history, every rejected one got a conflict", async () => {
    const s = await engine.open();
    const { workspace, scenario } = await seedScenario(s, "start");
    const accepted: { number: number; text: string }[] = [];
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: 30 }, async (_, w) => {
        for (let i = 0; i < 6; i++) {
          const head = value(await s.scenarios.get(workspace.id, scenario.id)).headRevision;
          const text = `writer ${w}, edit ${i}, on ${head}`;
          const r = await s.scenarios.save(workspace.id, scenario.id, { expected: head, text }, { userId: null, via: `writer-${w}` });
          if (r.ok) accepted.push({ number: r.value.number, text });
          else if (r.error.code === "conflict") conflicts++;
          else expect.fail(`unexpected ${r.error.code}`);
        }
      }),
    );
    expect(accepted.length + conflicts).toBe(30 * 6);
    if (engine.name === "postgres") expect(conflicts).toBeGreaterThan(0); // the pool really ran saves side by side
    await check(s, workspace.id, scenario.id, accepted);
  });

  it("from three processes at once: the same", async () => {
    const location = await engine.fresh();
    const s = await openStorage({ ...location, passwordCost: TEST_PASSWORD_COST });
    try {
      const { workspace, scenario } = await seedScenario(s, "start");
      const runs = ["a", "b", "c"].map((tag) => startWriters({ location, workspaceId: workspace.id, scenarioId: scenario.id, writers: 8, saves: 5, tag }).report);
      const reports = await Promise.all(runs);
      for (const r of reports) expect(r, r.stderr).toMatchObject({ done: true, exitCode: 0 });
      const accepted = reports.flatMap((r) => r.acks);
      expect(accepted.length + reports.reduce((n, r) => n + r.conflicts, 0)).toBe(3 * 8 * 5);
      expect(reports.reduce((n, r) => n + r.conflicts, 0)).toBeGreaterThan(0);
      await check(s, workspace.id, scenario.id, accepted);
    } finally {
      await s.close();
    }
  });
});
