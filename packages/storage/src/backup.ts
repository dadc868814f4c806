/**
 * Backup and restore of an SQLite database file with SQLite's online backup API
 * (better-sqlite3's `backup`): a consistent copy page by page while the server
 * keeps running, then checked with `PRAGMA integrity_check`. The copy is written
 * to `<destination>.partial` and renamed, so a failed backup leaves no half file.
 * PostgreSQL is backed up with pg_dump (docs/server.md, "Storage").
 */
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import Database from "better-sqlite3";

export interface BackupReport {
  readonly file: string;
  readonly bytes: number;
  /** Migrations applied in the copied database, in order. */
  readonly migrations: readonly string[];
  readonly scenarios: number;
  readonly revisions: number;
}

/** Copies the live database `source` to `destination` (which must not exist unless `overwrite`). */
export async function backupSqlite(source: string, destination: string, options: { overwrite?: boolean } = {}): Promise<BackupReport> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(destination) && !options.overwrite) throw new Error(`${destination} exists already; choose another name`);
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial);
  } finally {
    db.close();
  }
  const report = check(partial);
  renameSync(partial, destination);
  return { ...report, file: destination };
}

/**
 * Replaces the database at `target` with the backup's content, through SQLite (so
 * the target's write-ahead log is handled). Stop the server first: it would keep
 * serving what it had cached.
 */
export async function restoreSqlite(backup: string, target: string): Promise<BackupReport> {
  check(backup);
  const db = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return { ...check(target), file: target };
}

/** Opens a copy, checks it page by page, and says what is in it; throws if it is damaged or not Concord's. */
function check(file: string): BackupReport {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${file} is damaged: ${String(integrity)}`);
    const hasMigrations = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (!hasMigrations) throw new Error(`${file} is not a Concord database (no migration table)`);
    const migrations = (db.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map((r) => r.name);
    const count = (table: string): number => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { file, bytes: statSync(file).size, migrations, scenarios: count("scenarios"), revisions: count("revisions") };
  } finally {
    db.close();
  }
}
