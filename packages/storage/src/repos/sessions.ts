/**
 * Login sessions. The session token goes to the browser (in an HttpOnly cookie);
 * the database keeps only its SHA-256, so a leaked database opens no sessions.
 */
import { randomUUID } from "node:crypto";
import { atomically, isoNow, writeAudit, type Context } from "../context.js";
import { hashSecret, newSecret } from "../crypto/hash.js";
import type { Kysely } from "kysely";
import { Prepared } from "../prepared.js";
import { notFound, ok, type StoreResult } from "../result.js";
import type { Schema, SessionsTable } from "../schema.js";
import type { Actor, Role, Session, User } from "../types.js";
import { JOINED_USER_COLUMNS, joinedUser, roleInWorkspace } from "./users.js";

/** Who a session or API token belongs to, and — when a workspace was named — their role there (null: not a member), read with the same query. */
export interface Authenticated {
  readonly user: User;
  readonly role?: { readonly workspaceId: string; readonly role: Role | null };
}

export interface SessionOptions {
  /** Lifetime from creation. Default 7 days. */
  readonly ttlMs?: number;
}

/** `lastSeenAt` is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export class Sessions {
  constructor(private readonly ctx: Context) {}

  /** A new session for the user; the token is returned once and never stored. */
  create(userId: string, options: SessionOptions = {}): Promise<StoreResult<{ token: string; session: Session }>> {
    return atomically(this.ctx, async (db) => {
      const user = await db.selectFrom("users").select(["id", "disabled_at"]).where("id", "=", userId).executeTakeFirst();
      if (!user || user.disabled_at !== null) return notFound("user", userId);
      const token = newSecret("cs");
      const now = this.ctx.now();
      const row: SessionsTable = {
        id: randomUUID(),
        user_id: userId,
        token_hash: hashSecret(token),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + (options.ttlMs ?? 7 * 24 * 3600_000)).toISOString(),
        last_seen_at: now.toISOString(),
        revoked_at: null,
      };
      await db.insertInto("sessions").values(row).execute();
      await writeAudit(this.ctx, db, { userId, via: "session" }, { workspaceId: null, action: "session.create", objectType: "session", objectId: row.id });
      return ok({ token, session: toSession(row) });
    });
  }

  /**
   * The session and its user for a token, or null if the token is unknown, expired, revoked, or its user disabled.
   * With `workspaceId`, also the user's role there, in the same query (a request's login and access check cost one round trip).
   */
  async authenticate(token: string, workspaceId?: string): Promise<({ session: Session } & Authenticated) | null> {
    const hash = hashSecret(token);
    const row = await (workspaceId === undefined ? BY_TOKEN.first(this.ctx, hash) : BY_TOKEN_IN.first(this.ctx, hash, workspaceId));
    const now = this.ctx.now();
    if (!row || row.revoked_at !== null || row.disabled_at !== null || row.expires_at <= now.toISOString()) return null;
    let lastSeen = row.last_seen_at;
    if (now.getTime() - Date.parse(lastSeen) >= TOUCH_EVERY_MS) {
      lastSeen = now.toISOString();
      await this.ctx.db.updateTable("sessions").set({ last_seen_at: lastSeen }).where("id", "=", row.id).execute();
    }
    const { workspace_role, ...session } = row;
    return { session: toSession({ ...session, last_seen_at: lastSeen }), user: joinedUser(row), ...(workspaceId !== undefined ? { role: { workspaceId, role: (workspace_role as Role | null) ?? null } } : {}) };
  }

  /** Ends the session of this token (logout). Unknown tokens are ignored. */
  async revoke(token: string): Promise<void> {
    await this.ctx.db.updateTable("sessions").set({ revoked_at: isoNow(this.ctx) }).where("token_hash", "=", hashSecret(token)).where("revoked_at", "is", null).execute();
  }

  /** Ends every live session of a user (after a password change, or by an administrator). Returns how many. */
  async revokeAll(userId: string, by: Actor): Promise<number> {
    const r = await atomically(this.ctx, async (db) => {
      const now = isoNow(this.ctx);
      const res = await db.updateTable("sessions").set({ revoked_at: now }).where("user_id", "=", userId).where("revoked_at", "is", null).where("expires_at", ">", now).executeTakeFirst();
      await writeAudit(this.ctx, db, by, { workspaceId: null, action: "session.revoke-all", objectType: "user", objectId: userId, details: { sessions: Number(res.numUpdatedRows) } });
      return ok(Number(res.numUpdatedRows));
    });
    return r.ok ? r.value : 0;
  }

  /** Deletes sessions that expired or were revoked before `before`. Returns how many. */
  async prune(before: Date): Promise<number> {
    const cut = before.toISOString();
    const res = await this.ctx.db
      .deleteFrom("sessions")
      .where((eb) => eb.or([eb("expires_at", "<", cut), eb("revoked_at", "<", cut)]))
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}

const byToken = (db: Kysely<Schema>, hash: string, workspaceId: string | undefined) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("sessions")
    .select(JOINED_USER_COLUMNS)
    .select(roleInWorkspace("sessions.user_id", workspaceId))
    .where("sessions.token_hash", "=", hash);
const BY_TOKEN = new Prepared(1, (db, [hash]) => byToken(db, hash!, undefined));
const BY_TOKEN_IN = new Prepared(2, (db, [hash, workspaceId]) => byToken(db, hash!, workspaceId!));

const toSession = (r: SessionsTable): Session => ({ id: r.id, userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at });
