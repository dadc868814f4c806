import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEngines } from "../testing/engines.js";
import { error, LOCAL, seedScenario, value } from "../testing/fixtures.js";
import { ok } from "../result.js";

describeEngines("audit log and transactions", (engine) => {
  it("records who did what to which object, newest first, in the workspace's log", async () => {
    const s = await engine.open();
    const ana = value(await s.users.create({ email: "ana@example.org", displayName: "Ana" }, LOCAL));
    const ben = value(await s.users.create({ email: "ben@example.org", displayName: "Ben" }, LOCAL));
    const byAna = { userId: ana.id, via: "session" };
    const ws = value(await s.workspaces.create("Talks", byAna));
    value(await s.memberships.grant(ws.id, ben.id, "editor", byAna));
    const { scenario } = value(await s.scenarios.create(ws.id, { name: "Seed", text: "a", format: "yaml" }, byAna));
    value(await s.scenarios.save(ws.id, scenario.id, { expected: 1, text: "b" }, { userId: ben.id, via: "token" }));
    value(await s.scenarios.restore(ws.id, scenario.id, 1, 2, byAna));
    value(await s.scenarios.rename(ws.id, scenario.id, "Seed, revised", byAna));
    const log = await s.audit.list({ workspaceId: ws.id });
    expect(log.map((e) => [e.action, e.actorId === ana.id ? "ana" : e.actorId === ben.id ? "ben" : e.actorId, e.via, e.objectId === scenario.id ? "scenario" : e.objectType])).toEqual([
      ["scenario.rename", "ana", "session", "scenario"],
      ["revision.restore", "ana", "session", "scenario"],
      ["revision.save", "ben", "token", "scenario"],
      ["scenario.create", "ana", "session", "scenario"],
      ["membership.grant", "ana", "session", "membership"],
      ["workspace.create", "ana", "session", "workspace"],
    ]);
    expect(log[1]!.details).toEqual({ revision: 3, restoredFrom: 1 });
    expect(log[4]!.details).toEqual({ role: "editor", previousRole: null });
    expect(log.map((e) => e.seq)).toEqual([...log.map((e) => e.seq)].sort((a, b) => b - a));
    // User-level events are outside any workspace.
    expect((await s.audit.list({ workspaceId: null })).map((e) => e.action)).toEqual(["user.create", "user.create"]);
    expect((await s.audit.list({ workspaceId: ws.id, objectId: scenario.id, limit: 2 })).map((e) => e.action)).toEqual(["scenario.rename", "revision.restore"]);
    expect((await s.audit.list({ workspaceId: ws.id, before: log[3]!.seq })).map((e) => e.action)).toEqual(["membership.grant", "workspace.create"]);
  });

  it("has the database refuse to change or delete an entry", async () => {
    const s = await engine.open();
    const { workspace } = await seedScenario(s);
    const before = await s.audit.list({ workspaceId: workspace.id });
    await expect(sql`update audit_log set action = 'nothing'`.execute(s.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(s.db)).rejects.toThrow(/append-only/);
    expect(before.map((e) => e.action)).toEqual(["scenario.create", "workspace.create"]);
    expect(await s.audit.list({ workspaceId: workspace.id })).toEqual(before);
  });

  it("groups calls in one transaction: all take effect, or none when one returns an error", async () => {
    const s = await engine.open();
    const { workspace, scenario } = await seedScenario(s, "v1");
    const failed = await s.transaction(async (tx) => {
      value(await tx.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "v2" }, LOCAL));
      value(await tx.scenarios.rename(workspace.id, scenario.id, "Renamed", LOCAL));
      return tx.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "stale" }, LOCAL); // a conflict
    });
    expect(error(failed).code).toBe("conflict");
    expect(value(await s.scenarios.get(workspace.id, scenario.id))).toMatchObject({ name: "Demo", headRevision: 1 });
    expect((await s.audit.list({ workspaceId: workspace.id })).map((e) => e.action)).toEqual(["scenario.create", "workspace.create"]);

    await expect(
      s.transaction(async (tx) => {
        value(await tx.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "v2" }, LOCAL));
        throw new Error("the server fell over");
      }),
    ).rejects.toThrow("the server fell over");
    expect(value(await s.scenarios.get(workspace.id, scenario.id)).headRevision).toBe(1);

    const done = await s.transaction(async (tx) => {
      const r = value(await tx.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "v2" }, LOCAL));
      await tx.audit.append(LOCAL, { workspaceId: workspace.id, action: "scenario.import", objectType: "scenario", objectId: scenario.id, details: { from: "file.gmcr" } });
      return ok(r.number);
    });
    expect(value(done)).toBe(2);
    expect((await s.audit.list({ workspaceId: workspace.id, limit: 2 })).map((e) => e.action)).toEqual(["scenario.import", "revision.save"]);
  });
});
