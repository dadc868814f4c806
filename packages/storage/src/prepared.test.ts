import { sql } from "kysely";
import { expect, it } from "vitest";
import { Prepared } from "./prepared.js";
import { describeEngines } from "./testing/engines.js";
import { LOCAL, value } from "./testing/fixtures.js";

describeEngines("prepared queries", (engine) => {
  it("answer as the builder's own query does, for each call's values, and refuse a value written into the SQL", async () => {
    const s = await engine.open();
    const a = value(await s.workspaces.create("Alpha", LOCAL));
    const b = value(await s.workspaces.create("Beta", LOCAL));
    const byIdAndName = new Prepared(2, (db, [id, name]) => db.selectFrom("workspaces").select(["id", "name"]).where("id", "=", id!).where("name", "=", name!).limit(1));
    const ctx = (s as unknown as { ctx: Parameters<typeof byIdAndName.first>[0] }).ctx;
    expect(await byIdAndName.first(ctx, a.id, "Alpha")).toEqual({ id: a.id, name: "Alpha" });
    expect(await byIdAndName.first(ctx, b.id, "Beta")).toEqual({ id: b.id, name: "Beta" });
    expect(await byIdAndName.first(ctx, a.id, "Beta")).toBeUndefined();
    await expect(byIdAndName.first(ctx, a.id)).rejects.toThrow(/expected 2 values, got 1/);
    const inlined = new Prepared(1, (db, [id]) => db.selectFrom("workspaces").select("id").where(sql<boolean>`id = ${sql.lit(id!)}`));
    await expect(inlined.first(ctx, a.id)).rejects.toThrow(/not a parameter/);
  });
});
