/** The PostgreSQL engine: a pg connection pool behind Kysely's stock dialect. */
import pg from "pg";
import { PostgresDialect } from "kysely";

export interface PostgresOptions {
  /** Connections in the pool. Default 10. */
  readonly poolSize?: number;
}

export function postgresPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle connection that breaks (server restart) must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  return pool;
}

export const postgresDialect = (pool: pg.Pool): PostgresDialect => new PostgresDialect({ pool });

/** PostgreSQL's unique_violation (SQLSTATE 23505). */
export function isPostgresUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === "23505";
}
