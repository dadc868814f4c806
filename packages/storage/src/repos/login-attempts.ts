/**
 * Login attempts, for rate limiting. The server picks the key (an e-mail address,
 * a client address, or both as two keys) and the policy; storage counts failures
 * since the last success within a window, across every server process.
 */
import { randomUUID } from "node:crypto";
import { isoNow, toCount, type Context } from "../context.js";

export interface RateLimit {
  /** Failures allowed within the window. */
  readonly maxFailures: number;
  readonly windowMs: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Failures counted in the window (since the last success). */
  readonly failures: number;
  /** When not allowed: how long until the oldest counted failure leaves the window. */
  readonly retryAfterMs: number;
}

export class LoginAttempts {
  constructor(private readonly ctx: Context) {}

  async record(key: string, succeeded: boolean): Promise<void> {
    await this.ctx.db.insertInto("login_attempts").values({ id: randomUUID(), key, at: isoNow(this.ctx), succeeded: succeeded ? 1 : 0 }).execute();
  }

  /** Whether another attempt for `key` is allowed now. */
  async check(key: string, limit: RateLimit): Promise<RateDecision> {
    const now = this.ctx.now().getTime();
    const windowStart = new Date(now - limit.windowMs).toISOString();
    const lastSuccess = await this.ctx.db
      .selectFrom("login_attempts")
      .select((eb) => eb.fn.max("at").as("at"))
      .where("key", "=", key)
      .where("succeeded", "=", 1)
      .where("at", ">=", windowStart)
      .executeTakeFirst();
    const since = lastSuccess?.at && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
    const row = await this.ctx.db
      .selectFrom("login_attempts")
      .select((eb) => [eb.fn.countAll<string | number>().as("n"), eb.fn.min("at").as("oldest")])
      .where("key", "=", key)
      .where("succeeded", "=", 0)
      .where("at", ">", since)
      .executeTakeFirst();
    const failures = toCount(row?.n);
    if (failures < limit.maxFailures || !row?.oldest) return { allowed: true, failures, retryAfterMs: 0 };
    return { allowed: false, failures, retryAfterMs: Math.max(0, Date.parse(row.oldest) + limit.windowMs - now) };
  }

  /** Deletes attempts older than `before`. Returns how many. */
  async prune(before: Date): Promise<number> {
    const res = await this.ctx.db.deleteFrom("login_attempts").where("at", "<", before.toISOString()).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
