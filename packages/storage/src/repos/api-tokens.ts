/**
 * API tokens for scripts: a named secret per user, revocable, optionally expiring,
 * with the time it was last used. Stored as SHA-256 only; the token itself is
 * shown once, at creation.
 */
import { randomUUID } from "node:crypto";
import { atomically, isoNow, writeAudit, type Context } from "../context.js";
import { hashSecret, newSecret } from "../crypto/hash.js";
import type { Kysely } from "kysely";
import { Prepared } from "../prepared.js";
import { invalid, notFound, ok, type StoreResult } from "../result.js";
import type { ApiTokensTable, Schema } from "../schema.js";
import type { Actor, ApiToken, Role } from "../types.js";
import { checkName } from "../validate.js";
import type { Authenticated } from "./sessions.js";
import { JOINED_USER_COLUMNS, joinedUser, roleInWorkspace } from "./users.js";

/** `lastUsedAt` is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

export class ApiTokens {
  constructor(private readonly ctx: Context) {}

  create(userId: string, name: string, by: Actor, expiresAt?: Date): Promise<StoreResult<{ token: string; apiToken: ApiToken }>> {
    const checked = checkName("name", name);
    if (!checked.ok) return Promise.resolve(checked);
    if (expiresAt !== undefined && !(expiresAt.getTime() > this.ctx.now().getTime())) return Promise.resolve(invalid("expiresAt", "expiresAt: expected a time in the future"));
    return atomically(this.ctx, async (db) => {
      if (!(await db.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst())) return notFound("user", userId);
      const token = newSecret("ct");
      const row: ApiTokensTable = {
        id: randomUUID(),
        user_id: userId,
        name: checked.value,
        token_hash: hashSecret(token),
        created_at: isoNow(this.ctx),
        expires_at: expiresAt?.toISOString() ?? null,
        last_used_at: null,
        revoked_at: null,
      };
      await db.insertInto("api_tokens").values(row).execute();
      await writeAudit(this.ctx, db, by, { workspaceId: null, action: "api-token.create", objectType: "api-token", objectId: row.id, details: { name: row.name, userId } });
      return ok({ token, apiToken: toApiToken(row) });
    });
  }

  /** The token's record and user, or null if unknown, revoked, expired, or its user disabled. Records the use. With `workspaceId`, also the role there, as for sessions. */
  async authenticate(token: string, workspaceId?: string): Promise<({ apiToken: ApiToken } & Authenticated) | null> {
    const hash = hashSecret(token);
    const row = await (workspaceId === undefined ? BY_TOKEN.first(this.ctx, hash) : BY_TOKEN_IN.first(this.ctx, hash, workspaceId));
    const now = this.ctx.now();
    if (!row || row.revoked_at !== null || row.disabled_at !== null || (row.expires_at !== null && row.expires_at <= now.toISOString())) return null;
    let lastUsed = row.last_used_at;
    if (lastUsed === null || now.getTime() - Date.parse(lastUsed) >= TOUCH_EVERY_MS) {
      lastUsed = now.toISOString();
      await this.ctx.db.updateTable("api_tokens").set({ last_used_at: lastUsed }).where("id", "=", row.id).execute();
    }
    const { workspace_role, ...apiToken } = row;
    return { apiToken: toApiToken({ ...apiToken, last_used_at: lastUsed }), user: joinedUser(row), ...(workspaceId !== undefined ? { role: { workspaceId, role: (workspace_role as Role | null) ?? null } } : {}) };
  }

  /** The user's tokens (without secrets), newest first. */
  async list(userId: string): Promise<ApiToken[]> {
    return (await this.ctx.db.selectFrom("api_tokens").selectAll().where("user_id", "=", userId).orderBy("created_at", "desc").orderBy("id").execute()).map(toApiToken);
  }

  /** Revokes one of the user's tokens; another user's token id gets not-found. */
  revoke(userId: string, tokenId: string, by: Actor): Promise<StoreResult<ApiToken>> {
    return atomically(this.ctx, async (db) => {
      const row = await db.selectFrom("api_tokens").selectAll().where("id", "=", tokenId).where("user_id", "=", userId).executeTakeFirst();
      if (!row) return notFound("api-token", tokenId);
      if (row.revoked_at !== null) return ok(toApiToken(row));
      const revoked = { ...row, revoked_at: isoNow(this.ctx) };
      await db.updateTable("api_tokens").set({ revoked_at: revoked.revoked_at }).where("id", "=", tokenId).execute();
      await writeAudit(this.ctx, db, by, { workspaceId: null, action: "api-token.revoke", objectType: "api-token", objectId: tokenId, details: { userId } });
      return ok(toApiToken(revoked));
    });
  }
}

const byToken = (db: Kysely<Schema>, hash: string, workspaceId: string | undefined) =>
  db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .selectAll("api_tokens")
    .select(JOINED_USER_COLUMNS)
    .select(roleInWorkspace("api_tokens.user_id", workspaceId))
    .where("api_tokens.token_hash", "=", hash);
const BY_TOKEN = new Prepared(1, (db, [hash]) => byToken(db, hash!, undefined));
const BY_TOKEN_IN = new Prepared(2, (db, [hash, workspaceId]) => byToken(db, hash!, workspaceId!));

const toApiToken = (r: ApiTokensTable): ApiToken => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});
