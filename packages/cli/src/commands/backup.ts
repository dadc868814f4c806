import type { Command } from "commander";
import { resolve } from "node:path";
import type { CliIo } from "../io.js";
import { CliFailure, printJson } from "../output.js";

export function registerBackup(program: Command, io: CliIo): void {
  registerRestore(program, io);
  program
    .command("backup")
    .description("copy the server's SQLite database, safely while it runs, and check the copy (PostgreSQL: use pg_dump, see docs/server.md)")
    .argument("<destination>", "the backup file to write (must not exist)")
    .option("--db <file>", "the SQLite file [env CONCORD_DB, default concord.db]")
    .option("--json", "print what was copied as JSON")
    .action(async (destination: string, opts: { db?: string; json?: boolean }) => {
      if (io.env.DATABASE_URL) throw new CliFailure([{ code: "usage", path: [], message: "DATABASE_URL is set: back PostgreSQL up with pg_dump (docs/server.md, \"Backup and restore\")" }]);
      const { backupSqlite } = await import("@concord/storage");
      const source = resolve(io.cwd, opts.db ?? io.env.CONCORD_DB ?? "concord.db");
      let report;
      try {
        report = await backupSqlite(source, resolve(io.cwd, destination));
      } catch (e) {
        throw new CliFailure([{ code: "io", path: [], message: (e as Error).message }]);
      }
      if (opts.json) return printJson(io, report);
      io.stdout.write(`Backed up ${source} to ${report.file}: ${report.scenarios} scenarios, ${report.revisions} revisions, ${report.bytes} bytes; the copy checked out.\n`);
    });
}

function registerRestore(program: Command, io: CliIo): void {
  program
    .command("restore")
    .description("put a backup made by concord backup in place of the server's SQLite database; stop the server first")
    .argument("<backup>", "the backup file")
    .option("--db <file>", "the SQLite file to replace [env CONCORD_DB, default concord.db]")
    .option("--json", "print what was restored as JSON")
    .action(async (backup: string, opts: { db?: string; json?: boolean }) => {
      if (io.env.DATABASE_URL) throw new CliFailure([{ code: "usage", path: [], message: "DATABASE_URL is set: restore PostgreSQL with pg_restore (docs/server.md, \"Backup and restore\")" }]);
      const { restoreSqlite } = await import("@concord/storage");
      const target = resolve(io.cwd, opts.db ?? io.env.CONCORD_DB ?? "concord.db");
      let report;
      try {
        report = await restoreSqlite(resolve(io.cwd, backup), target);
      } catch (e) {
        throw new CliFailure([{ code: "io", path: [], message: (e as Error).message }]);
      }
      if (opts.json) return printJson(io, report);
      io.stdout.write(`Restored ${target} from ${resolve(io.cwd, backup)}: ${report.scenarios} scenarios, ${report.revisions} revisions.\n`);
    });
}
