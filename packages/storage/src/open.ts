/** Opening storage: choose the engine, connect, and bring the schema up to date. */
import { Kysely } from "kysely";
import { DEFAULT_LIMITS, type Context, type Limits } from "./context.js";
import type { ScryptCost } from "./crypto/passwords.js";
import { isPostgresUniqueViolation, postgresDialect, postgresPool } from "./engines/postgres.js";
import { isSqliteUniqueViolation, openSqliteFile, sqliteDialect } from "./engines/sqlite.js";
import { migrate } from "./migrations/index.js";
import type { Schema } from "./schema.js";
import { Storage, type Location } from "./storage.js";

export interface StorageOptions {
  /** A PostgreSQL URL (`postgres://user:password@host:5432/db`): when given, PostgreSQL is used. */
  readonly databaseUrl?: string;
  /** The SQLite file, created if missing, when no `databaseUrl` is given. Default `concord.db`. */
  readonly file?: string;
  /** The clock (tests move it). */
  readonly now?: () => Date;
  readonly limits?: Partial<Limits>;
  /** scrypt cost for new password hashes (default: crypto/passwords.ts). */
  readonly passwordCost?: ScryptCost;
  /** PostgreSQL connections in this process's pool. Default 10. */
  readonly poolSize?: number;
  /** SQLite: how long a write waits for another process's lock, in ms. Default 5000. */
  readonly busyTimeoutMs?: number;
}

/** Opens the database and applies any migrations not yet applied. */
export async function openStorage(options: StorageOptions = {}): Promise<Storage> {
  const location: Location = options.databaseUrl ? { engine: "postgres", url: options.databaseUrl } : { engine: "sqlite", file: options.file ?? "concord.db" };
  let db: Kysely<Schema>;
  let isUniqueViolation: (e: unknown) => boolean;
  if (location.engine === "postgres") {
    db = new Kysely<Schema>({ dialect: postgresDialect(postgresPool(location.url, { poolSize: options.poolSize })) });
    isUniqueViolation = isPostgresUniqueViolation;
  } else {
    db = new Kysely<Schema>({ dialect: sqliteDialect(openSqliteFile(location.file, { busyTimeoutMs: options.busyTimeoutMs })) });
    isUniqueViolation = isSqliteUniqueViolation;
  }
  try {
    await migrate(db as Kysely<unknown>, location.engine);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  const ctx: Context = {
    db,
    engine: location.engine,
    now: options.now ?? (() => new Date()),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    isUniqueViolation,
  };
  return new Storage(ctx, location, options.passwordCost, () => db.destroy());
}
