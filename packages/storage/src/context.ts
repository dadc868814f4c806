/** What every repository works with: a query executor (the database or a transaction), the engine and the clock. */
import type { Kysely } from "kysely";
import { err, type StoreError, type StoreResult } from "./result.js";
import type { Schema } from "./schema.js";
import type { Actor, Engine } from "./types.js";

export interface Limits {
  /** Largest scenario text, in UTF-8 bytes. */
  readonly maxTextBytes: number;
  /** Largest analysis result, in UTF-8 bytes. */
  readonly maxResultBytes: number;
}

export const DEFAULT_LIMITS: Limits = { maxTextBytes: 16 * 1024 * 1024, maxResultBytes: 256 * 1024 * 1024 };

export interface Context {
  readonly db: Kysely<Schema>;
  readonly engine: Engine;
  readonly now: () => Date;
  readonly limits: Limits;
  readonly isUniqueViolation: (e: unknown) => boolean;
}

export const isoNow = (ctx: Context): string => ctx.now().toISOString();

/** Thrown inside a transaction to roll it back with an error result; caught by `atomically`. */
class Rollback extends Error {
  constructor(readonly error: StoreError) {
    super(error.message);
  }
}

/**
 * Runs `fn` in a transaction: committed when it returns ok, rolled back when it
 * returns an error or throws. Inside a caller's transaction it joins that one, so
 * a caller can group several writes; every repository function therefore checks
 * everything it can fail on before its first write.
 */
export async function atomically<T>(ctx: Context, fn: (db: Kysely<Schema>) => Promise<StoreResult<T>>): Promise<StoreResult<T>> {
  if (ctx.db.isTransaction) return fn(ctx.db);
  try {
    return await ctx.db.transaction().execute(async (tx) => {
      const r = await fn(tx);
      if (!r.ok) throw new Rollback(r.error);
      return r;
    });
  } catch (e) {
    if (e instanceof Rollback) return err(e.error);
    throw e;
  }
}

export interface AuditFacts {
  readonly workspaceId: string | null;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Appends one audit entry with `db` — pass the transaction of the change it records. */
export async function writeAudit(ctx: Context, db: Kysely<Schema>, actor: Actor, facts: AuditFacts): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: isoNow(ctx),
      actor_id: actor.userId,
      via: actor.via ?? null,
      workspace_id: facts.workspaceId,
      action: facts.action,
      object_type: facts.objectType,
      object_id: facts.objectId,
      details: JSON.stringify(facts.details ?? {}),
    })
    .execute();
}

/** A count from the database: PostgreSQL returns bigints as strings. */
export const toCount = (v: string | number | bigint | null | undefined): number => Number(v ?? 0);
