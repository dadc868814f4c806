import { spawn } from "node:child_process";
import { once } from "node:events";
import { expect, it } from "vitest";
import { openStorage } from "../open.js";
import { describeEngines } from "../testing/engines.js";
import { LOCAL, seedScenario, value } from "../testing/fixtures.js";
import { migrations } from "./index.js";

const TABLES = ["analyses", "api_tokens", "audit_log", "invitations", "job_parts", "jobs", "login_attempts", "memberships", "revisions", "scenarios", "sessions", "users", "workspaces"];

describeEngines("migrations", (engine) => {
  it("creates every table on first open and records the migrations applied", async () => {
    const s = await engine.open();
    const tables = (await s.db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith("kysely_") && !n.startsWith("sqlite_"));
    expect(tables.sort()).toEqual(TABLES);
    const applied = await s.db.selectFrom("kysely_migration" as never).select("name" as never).execute();
    expect(applied.map((r) => (r as { name: string }).name)).toEqual(Object.keys(migrations(engine.name)));
  });

  it("opens an existing database again without changing its data", async () => {
    const where = await engine.fresh();
    const first = await openStorage(where);
    const { workspace, scenario } = await seedScenario(first, "kept");
    await first.close();
    const again = await openStorage(where);
    try {
      expect(value(await again.scenarios.revision(workspace.id, scenario.id, "head")).text).toBe("kept");
      value(await again.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "more" }, LOCAL));
    } finally {
      await again.close();
    }
  });

  it("migrates once when several processes open a new database at the same moment", async () => {
    const where = await engine.fresh();
    const code = `import { openStorage } from ${JSON.stringify(new URL("../open.ts", import.meta.url).pathname)};
      const s = await openStorage(${JSON.stringify(where)}); await s.close(); console.log("opened");`;
    const children = Array.from({ length: 4 }, () => spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "pipe"] }));
    const outputs = await Promise.all(
      children.map(async (c) => {
        let out = "";
        c.stdout.on("data", (d: Buffer) => (out += d.toString()));
        c.stderr.on("data", (d: Buffer) => (out += d.toString()));
        const [exitCode] = (await once(c, "exit")) as [number];
        return { exitCode, out };
      }),
    );
    for (const o of outputs) expect(o).toMatchObject({ exitCode: 0, out: expect.stringContaining("opened") });
    const s = await openStorage(where);
    try {
      const applied = await s.db.selectFrom("kysely_migration" as never).select("name" as never).execute();
      expect(applied).toHaveLength(Object.keys(migrations(engine.name)).length);
    } finally {
      await s.close();
    }
  });
});
