import type { Command } from "commander";
import { resolve } from "node:path";
import type { CliIo } from "../io.js";
import { CliFailure, printJson } from "../output.js";

export function registerBackup(program: Command, io: CliIo): void {
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
