/**
 * Invitations: an owner invites an e-mail address to a workspace with a role and
 * passes on the secret (shown once; only its SHA-256 is stored). Whoever holds it
 * joins: a new person by choosing a name and password (their user is created), a
 * person who already has a user by accepting while logged in as that user. An
 * invitation is used once, expires (7 days by default) and can be revoked.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { atomically, isoNow, writeAudit, type Context } from "../context.js";
import { hashSecret, newSecret } from "../crypto/hash.js";
import { DEFAULT_SCRYPT_COST, hashPassword, type ScryptCost } from "../crypto/passwords.js";
import { duplicate, invalid, notFound, ok, type StoreResult } from "../result.js";
import type { InvitationsTable, Schema, UsersTable } from "../schema.js";
import type { Actor, Invitation, Membership, Role, User } from "../types.js";
import { checkEmail, checkName, checkPassword, checkRole } from "../validate.js";
import { Memberships } from "./memberships.js";
import { toUser } from "./users.js";

export const DEFAULT_INVITATION_TTL_MS = 7 * 24 * 3600_000;

/** Who accepts: the logged-in user the invitation is addressed to, or a new person. */
export type Acceptance = { readonly userId: string } | { readonly displayName: string; readonly password: string };

export class Invitations {
  constructor(
    private readonly ctx: Context,
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
  ) {}

  create(workspaceId: string, input: { email: string; role: Role; ttlMs?: number }, by: Actor): Promise<StoreResult<{ token: string; invitation: Invitation }>> {
    const email = checkEmail(input.email);
    if (!email.ok) return Promise.resolve(email);
    const role = checkRole(input.role);
    if (!role.ok) return Promise.resolve(role);
    const ttl = input.ttlMs ?? DEFAULT_INVITATION_TTL_MS;
    if (!(ttl > 0)) return Promise.resolve(invalid("expiresInHours", "expiresInHours: expected a time in the future"));
    return atomically(this.ctx, async (db) => {
      if (!(await db.selectFrom("workspaces").select("id").where("id", "=", workspaceId).executeTakeFirst())) return notFound("workspace", workspaceId);
      const token = newSecret("ci");
      const now = this.ctx.now();
      const row: InvitationsTable = {
        id: randomUUID(),
        workspace_id: workspaceId,
        email: email.value,
        role: role.value,
        token_hash: hashSecret(token),
        created_at: now.toISOString(),
        created_by: by.userId,
        expires_at: new Date(now.getTime() + ttl).toISOString(),
        accepted_at: null,
        accepted_by: null,
        revoked_at: null,
      };
      await db.insertInto("invitations").values(row).execute();
      await writeAudit(this.ctx, db, by, { workspaceId, action: "invitation.create", objectType: "invitation", objectId: row.id, details: { email: row.email, role: row.role } });
      return ok({ token, invitation: toInvitation(row) });
    });
  }

  /** The workspace's invitations not yet accepted, revoked or expired, newest first. */
  async pending(workspaceId: string): Promise<Invitation[]> {
    const rows = await this.ctx.db
      .selectFrom("invitations")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", isoNow(this.ctx))
      .orderBy("created_at", "desc")
      .execute();
    return rows.map(toInvitation);
  }

  revoke(workspaceId: string, id: string, by: Actor): Promise<StoreResult<Invitation>> {
    return atomically(this.ctx, async (db) => {
      const row = await db.selectFrom("invitations").selectAll().where("id", "=", id).where("workspace_id", "=", workspaceId).executeTakeFirst();
      if (!row || row.accepted_at !== null || row.revoked_at !== null) return notFound("invitation", id);
      const revoked_at = isoNow(this.ctx);
      await db.updateTable("invitations").set({ revoked_at }).where("id", "=", id).execute();
      await writeAudit(this.ctx, db, by, { workspaceId, action: "invitation.revoke", objectType: "invitation", objectId: id, details: { email: row.email } });
      return ok(toInvitation({ ...row, revoked_at }));
    });
  }

  /**
   * Uses the invitation: the user (created for a new person) becomes a member with
   * the invitation's role, in one transaction. An unknown, used, revoked or expired
   * secret is not-found, all alike.
   */
  async accept(token: string, as: Acceptance): Promise<StoreResult<{ user: User; membership: Membership; invitation: Invitation }>> {
    let newUser: { displayName: string; passwordHash: string } | undefined;
    if (!("userId" in as)) {
      const name = checkName("displayName", as.displayName);
      if (!name.ok) return name;
      const password = checkPassword(as.password);
      if (!password.ok) return password;
      // Hashed before the transaction: it takes a second, and the write lock must not wait for it.
      newUser = { displayName: name.value, passwordHash: await hashPassword(password.value, this.cost) };
    }
    return atomically(this.ctx, async (db) => {
      const now = isoNow(this.ctx);
      const row = await db.selectFrom("invitations").selectAll().where("token_hash", "=", hashSecret(token)).executeTakeFirst();
      if (!row || row.accepted_at !== null || row.revoked_at !== null || row.expires_at <= now) return notFound("invitation", "this invitation");
      const existing = await db.selectFrom("users").selectAll().where("email", "=", row.email).executeTakeFirst();
      let user: UsersTable;
      if ("userId" in as) {
        if (!existing || existing.id !== as.userId) return invalid("token", `this invitation is for ${row.email}: log in as that user to accept it`);
        user = existing;
      } else {
        if (existing) return duplicate("user", "email", `a user with the address ${row.email} exists already: log in as them and accept the invitation then`);
        user = { id: randomUUID(), email: row.email, display_name: newUser!.displayName, password_hash: newUser!.passwordHash, created_at: now, disabled_at: null, admin: 0 };
        await insertUser(this.ctx, db, user);
        await writeAudit(this.ctx, db, { userId: user.id, via: "invitation" }, { workspaceId: null, action: "user.create", objectType: "user", objectId: user.id, details: { email: user.email, invitation: row.id } });
      }
      const actor: Actor = { userId: user.id, via: "invitation" };
      const granted = await new Memberships({ ...this.ctx, db }).grant(row.workspace_id, user.id, row.role as Role, actor);
      if (!granted.ok) return granted;
      await db.updateTable("invitations").set({ accepted_at: now, accepted_by: user.id }).where("id", "=", row.id).execute();
      await writeAudit(this.ctx, db, actor, { workspaceId: row.workspace_id, action: "invitation.accept", objectType: "invitation", objectId: row.id, details: { email: row.email, role: row.role } });
      return ok({ user: toUser(user), membership: granted.value, invitation: toInvitation({ ...row, accepted_at: now, accepted_by: user.id }) });
    });
  }
}

async function insertUser(ctx: Context, db: Kysely<Schema>, row: UsersTable): Promise<void> {
  try {
    await db.insertInto("users").values(row).execute();
  } catch (e) {
    if (ctx.isUniqueViolation(e)) throw new Error(`a user with the address ${row.email} was added at the same moment: accept the invitation again`, { cause: e });
    throw e;
  }
}

const toInvitation = (r: InvitationsTable): Invitation => ({
  id: r.id,
  workspaceId: r.workspace_id,
  email: r.email,
  role: r.role as Role,
  createdAt: r.created_at,
  createdBy: r.created_by,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  acceptedBy: r.accepted_by,
  revokedAt: r.revoked_at,
});
