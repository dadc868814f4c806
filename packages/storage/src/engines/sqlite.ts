/**
 * The SQLite engine: one better-sqlite3 connection to a file, in WAL mode.
 *
 * Three choices differ from Kysely's stock SQLite dialect:
 * - write transactions start with `BEGIN IMMEDIATE`, so a transaction takes the
 *   file's write lock before it reads (waiting up to `busy_timeout` for another
 *   process) and can never fail halfway with SQLITE_BUSY;
 * - DDL runs in transactions (SQLite supports it), so a migration applies whole
 *   or not at all, and two processes opening a new file migrate it once;
 * - prepared statements are cached, as a server repeats the same few queries.
 */
import Database from "better-sqlite3";
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type SqliteDatabase,
  type SqliteStatement,
} from "kysely";

export interface SqliteOptions {
  /** How long a write waits for another process's write lock, in ms. Default 5000. */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the database file with the pragmas storage relies on:
 * WAL (readers never block the writer), synchronous=FULL (a committed write
 * survives a process kill and a power cut), foreign keys on.
 */
export function openSqliteFile(file: string, options: SqliteOptions = {}): Database.Database {
  const db = new Database(file);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  return db;
}

export function sqliteDialect(db: Database.Database): Dialect {
  const config = { database: withStatementCache(db) };
  return {
    createDriver: () => new ImmediateSqliteDriver(config),
    createAdapter: () => new TransactionalDdlAdapter(),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (kysely) => new SqliteIntrospector(kysely),
  };
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

const STATEMENT_CACHE_SIZE = 200;

/** The database as Kysely's driver sees it, with prepared statements reused per SQL text. */
function withStatementCache(db: Database.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sqlText: string): SqliteStatement {
      let stmt = cache.get(sqlText);
      if (stmt === undefined) {
        stmt = db.prepare(sqlText) as unknown as SqliteStatement;
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

/** SQLite's unique and primary-key violations. */
export function isSqliteUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
