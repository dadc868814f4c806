import { createHash, randomUUID } from "node:crypto";
import { sql } from "kysely";
import { expect, it } from "vitest";
import type { StoreResult } from "../result.js";
import { describeEngines } from "../testing/engines.js";
import { error, LOCAL, seedScenario, value } from "../testing/fixtures.js";

describeEngines("scenarios and revisions", (engine) => {
  it("saves every edit as a new numbered revision and moves the head", async () => {
    const s = await engine.open();
    const { workspace, scenario } = await seedScenario(s, "a\n");
    const r2 = value(await s.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "a\nb\n", message: "add b" }, LOCAL));
    const r3 = value(await s.scenarios.save(workspace.id, scenario.id, { expected: 2, text: "b\n", format: "json" }, LOCAL));
    expect([r2.number, r3.number]).toEqual([2, 3]);
    expect(r2.format).toBe("yaml"); // inherited from the head
    expect(r3.format).toBe("json");
    expect(value(await s.scenarios.get(workspace.id, scenario.id)).headRevision).toBe(3);
    expect(value(await s.scenarios.revision(workspace.id, scenario.id, "head")).text).toBe("b\n");
    expect(value(await s.scenarios.revision(workspace.id, scenario.id, 1)).text).toBe("a\n");
    expect(value(await s.scenarios.revision(workspace.id, scenario.id, 2))).toMatchObject({ text: "a\nb\n", message: "add b", authorId: null });
  });

  it("records the SHA-256 and byte size of each text", async () => {
    const s = await engine.open();
    const { revision } = await seedScenario(s, "abc");
    // Published test vector (FIPS 180-2, appendix B.1).
    expect(revision.contentHash).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const { revision: r } = await seedScenario(s, "Ağdam — Ağdərə");
    expect(r.size).toBe(Buffer.byteLength("Ağdam — Ağdərə"));
    expect(r.contentHash).toBe(createHash("sha256").update("Ağdam — Ağdərə").digest("hex"));
  });

  it("refuses a stale save with a conflict carrying the current head, and writes nothing", async () => {
    const s = await engine.open();
    const { workspace, scenario } = await seedScenario(s, "v1");
    value(await s.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "alice's edit" }, LOCAL));
    const auditBefore = (await s.audit.list({ workspaceId: workspace.id })).length;
    const e = error(await s.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "bob's edit" }, LOCAL));
    expect(e).toMatchObject({ code: "conflict", expected: 1, current: { number: 2, scenarioId: scenario.id } });
    if (e.code === "conflict") expect(e.current.contentHash).toBe(createHash("sha256").update("alice's edit").digest("hex"));
    const history = value(await s.scenarios.history(workspace.id, scenario.id));
    expect(history.map((h) => h.number)).toEqual([2, 1]);
    expect(value(await s.scenarios.revision(workspace.id, scenario.id, "head")).text).toBe("alice's edit");
    expect((await s.audit.list({ workspaceId: workspace.id })).length).toBe(auditBefore);
  });

  it("treats a save based on a future revision as a conflict too", async () => {
    const s = await engine.open();
    const { workspace, scenario } = await seedScenario(s);
    expect(error(await s.scenarios.save(workspace.id, scenario.id, { expected: 7, text: "x" }, LOCAL))).toMatchObject({ code: "conflict", current: { number: 1 } });
  });

  it("lists history newest first without texts, and pages with `before`", async () => {
    const s = await engine.open();
    const { workspace, scenario } = await seedScenario(s, "0");
    for (let i = 1; i < 6; i++) value(await s.scenarios.save(workspace.id, scenario.id, { expected: i, text: String(i) }, LOCAL));
    const page1 = value(await s.scenarios.history(workspace.id, scenario.id, { limit: 4 }));
    expect(page1.map((r) => r.number)).toEqual([6, 5, 4, 3]);
    expect(page1[0]).not.toHaveProperty("text");
    const page2 = value(await s.scenarios.history(workspace.id, scenario.id, { limit: 4, before: 3 }));
    expect(page2.map((r) => r.number)).toEqual([2, 1]);
  });

  it("restores an old revision as a new one, leaving history intact", async () => {
    const s = await engine.open();
    const { workspace, scenario } = await seedScenario(s, "original");
    value(await s.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "mistake" }, LOCAL));
    const restored = value(await s.scenarios.restore(workspace.id, scenario.id, 1, 2, LOCAL));
    expect(restored).toMatchObject({ number: 3, text: "original", restoredFrom: 1, message: "Restore revision 1" });
    expect(value(await s.scenarios.revision(workspace.id, scenario.id, 2)).text).toBe("mistake");
    // A restore based on a stale head conflicts like any save.
    expect(error(await s.scenarios.restore(workspace.id, scenario.id, 2, 2, LOCAL)).code).toBe("conflict");
  });

  it("compares two revisions line by line and passes both to a semantic comparison", async () => {
    const s = await engine.open();
    const { workspace, scenario } = await seedScenario(s, "a\nb\nc\n");
    value(await s.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "a\nB\nc\nd\n" }, LOCAL));
    const c = value(
      await s.scenarios.compare(workspace.id, scenario.id, 1, "head", {
        semantic: (from, to) => ({ from: from.text.length, to: to.text.length }),
      }),
    );
    expect(c.from.number).toBe(1);
    expect(c.to.number).toBe(2);
    expect(c.text).toMatchObject({ identical: false, complete: true, added: 2, removed: 1 });
    expect(c.text.hunks).toEqual([{ oldStart: 1, oldLines: 3, newStart: 1, newLines: 4, lines: [" a", "-b", "+B", " c", "+d"] }]);
    expect(c.text.unified).toContain("@@ -1,3 +1,4 @@");
    expect(c.semantic).toEqual({ from: 6, to: 8 });
    const same = value(await s.scenarios.compare(workspace.id, scenario.id, 2, 2));
    expect(same.text).toMatchObject({ identical: true, hunks: [] });
    expect(same).not.toHaveProperty("semantic");
  });

  it("answers an id from another workspace exactly as an id that does not exist", async () => {
    const s = await engine.open();
    const mine = await seedScenario(s);
    const theirs = await seedScenario(s);
    const missing = randomUUID();
    const probe = async (scenarioId: string) => ({
      get: error(await s.scenarios.get(mine.workspace.id, scenarioId)),
      revision: error(await s.scenarios.revision(mine.workspace.id, scenarioId, 1)),
      history: error(await s.scenarios.history(mine.workspace.id, scenarioId)),
      save: error(await s.scenarios.save(mine.workspace.id, scenarioId, { expected: 1, text: "x", format: "yaml" }, LOCAL)),
      rename: error(await s.scenarios.rename(mine.workspace.id, scenarioId, "x", LOCAL)),
    });
    const foreign = await probe(theirs.scenario.id);
    const absent = await probe(missing);
    expect(foreign.get).toMatchObject({ code: "not-found", resource: "scenario" });
    // Same answer but for the id echoed back: nothing tells the other workspace's scenario exists.
    expect(JSON.parse(JSON.stringify(foreign).replaceAll(theirs.scenario.id, "ID"))).toEqual(JSON.parse(JSON.stringify(absent).replaceAll(missing, "ID")));
    expect(value(await s.scenarios.revision(theirs.workspace.id, theirs.scenario.id, 1)).number).toBe(1); // untouched
    expect(await s.scenarios.list(mine.workspace.id)).toHaveLength(1);
  });

  it("validates names, formats, messages, sizes and revision numbers, naming the field", async () => {
    const s = await engine.open({ limits: { maxTextBytes: 10 } });
    const { workspace, scenario } = await seedScenario(s, "ok");
    const bad = [
      await s.scenarios.create(workspace.id, { name: " ", text: "x", format: "yaml" }, LOCAL),
      await s.scenarios.create(workspace.id, { name: "n", text: "x", format: "xml" as "yaml" }, LOCAL),
      await s.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "more than ten bytes" }, LOCAL),
      await s.scenarios.save(workspace.id, scenario.id, { expected: 0, text: "x" }, LOCAL),
      await s.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "x", message: "m".repeat(2001) }, LOCAL),
      await s.scenarios.revision(workspace.id, scenario.id, 1.5),
    ].map((r: StoreResult<unknown>) => error(r));
    expect(bad.map((e) => (e.code === "validation" ? e.field : e.code))).toEqual(["name", "format", "text", "expected", "message", "revision"]);
    expect(value(await s.scenarios.history(workspace.id, scenario.id))).toHaveLength(1);
    expect(await s.scenarios.list(workspace.id)).toHaveLength(1);
  });

  it("has the database refuse to change or delete a revision", async () => {
    const s = await engine.open();
    const { revision } = await seedScenario(s, "kept");
    await expect(sql`update revisions set text = 'changed' where id = ${revision.id}`.execute(s.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from revisions where id = ${revision.id}`.execute(s.db)).rejects.toThrow(/append-only/);
    const row = await s.db.selectFrom("revisions").select("text").where("id", "=", revision.id).executeTakeFirstOrThrow();
    expect(row.text).toBe("kept");
  });

  it("keeps texts byte for byte, including a large one", async () => {
    const s = await engine.open();
    const big = Array.from({ length: 20_000 }, (_, i) => `- line ${i}: ‘quotes’, emoji 🕊️, NUL-free\r\n`).join("");
    const { workspace, scenario } = await seedScenario(s, big);
    expect(value(await s.scenarios.revision(workspace.id, scenario.id, 1)).text).toBe(big);
  });
});
