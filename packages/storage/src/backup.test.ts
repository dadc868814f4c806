import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { backupSqlite, restoreSqlite } from "./backup.js";
import { migrations } from "./migrations/index.js";
import { openStorage } from "./open.js";
import { describeEngines } from "./testing/engines.js";
import { LOCAL, seedScenario, value } from "./testing/fixtures.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), "concord-backup-"));
  dirs.push(d);
  return d;
};

describeEngines("backup and restore", (engine) => {
  if (engine.name === "sqlite") {
    it("copies a live database with the online backup API and restores it", async () => {
      const { file } = await engine.fresh();
      const s = await openStorage({ file });
      try {
        const { workspace, scenario } = await seedScenario(s, "v1");
        value(await s.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "v2" }, LOCAL));
        const copy = join(tempDir(), "backup.db");
        // The server keeps writing while the backup runs and after it.
        const [report] = await Promise.all([backupSqlite(file!, copy), s.scenarios.save(workspace.id, scenario.id, { expected: 2, text: "v3" }, LOCAL)]);
        expect(report).toMatchObject({ file: copy, migrations: Object.keys(migrations("sqlite")), scenarios: 1 });
        expect([2, 3]).toContain(report.revisions);
        expect(existsSync(`${copy}.partial`)).toBe(false);
        await expect(backupSqlite(file!, copy)).rejects.toThrow(/exists already/);

        value(await s.scenarios.save(workspace.id, scenario.id, { expected: 3, text: "after the backup" }, LOCAL));
        await s.close();
        const restored = await restoreSqlite(copy, file!);
        expect(restored.revisions).toBe(report.revisions);
        const back = await openStorage({ file });
        try {
          const head = value(await back.scenarios.revision(workspace.id, scenario.id, "head"));
          expect(head.number).toBe(report.revisions);
          expect(value(await back.scenarios.revision(workspace.id, scenario.id, 2)).text).toBe("v2");
        } finally {
          await back.close();
        }
      } finally {
        await s.close().catch(() => {});
      }
    });

    it("refuses to back up or restore from a file that is not a sound Concord database", async () => {
      const dir = tempDir();
      const junk = join(dir, "junk.db");
      writeFileSync(junk, "this is not a database at all, not even close".repeat(200));
      await expect(restoreSqlite(junk, join(dir, "target.db"))).rejects.toThrow();
      expect(existsSync(join(dir, "target.db"))).toBe(false);
      await expect(backupSqlite(join(dir, "missing.db"), join(dir, "b.db"))).rejects.toThrow(/no database/);
    });
  } else {
    // PostgreSQL is backed up with pg_dump: the commands docs/server.md gives, run for real.
    it("round-trips through pg_dump and pg_restore as docs/server.md describes", async () => {
      const { databaseUrl } = await engine.fresh();
      const s = await openStorage({ databaseUrl });
      let target = "";
      try {
        const { workspace, scenario } = await seedScenario(s, "v1");
        value(await s.scenarios.save(workspace.id, scenario.id, { expected: 1, text: "v2" }, LOCAL));
        const dump = join(tempDir(), "concord.dump");
        execFileSync(pgTool("pg_dump"), ["--format=custom", `--file=${dump}`, databaseUrl!]);
        const url = new URL(databaseUrl!);
        url.pathname = `/concord_restore_${randomBytes(4).toString("hex")}`;
        target = url.toString();
        await admin(databaseUrl!, `create database ${url.pathname.slice(1)}`);
        execFileSync(pgTool("pg_restore"), ["--no-owner", `--dbname=${target}`, dump]);
        const restored = await openStorage({ databaseUrl: target });
        try {
          expect(value(await restored.scenarios.revision(workspace.id, scenario.id, "head"))).toMatchObject({ number: 2, text: "v2" });
          // The append-only triggers came along.
          await expect(restored.db.deleteFrom("revisions").execute()).rejects.toThrow(/append-only/);
          value(await restored.scenarios.save(workspace.id, scenario.id, { expected: 2, text: "v3" }, LOCAL));
        } finally {
          await restored.close();
        }
      } finally {
        await s.close();
        if (target) await admin(databaseUrl!, `drop database if exists ${new URL(target).pathname.slice(1)} with (force)`);
      }
    });
  }
});

/** pg_dump and pg_restore from the server's own version (Debian keeps them per version). */
function pgTool(name: string): string {
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = execFileSync("ls", [debian], { encoding: "utf8" }).split("\n").filter(Boolean).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(debian, v, "bin", name))) return join(debian, v, "bin", name);
  }
  return name;
}

async function admin(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
