/** People who can log in (team mode). Passwords are stored only as scrypt hashes (crypto/passwords.ts). */
import { randomUUID } from "node:crypto";
import { sql, type AliasedRawBuilder } from "kysely";
import { atomically, isoNow, writeAudit, type Context } from "../context.js";
import { DEFAULT_SCRYPT_COST, hashPassword, needsRehash, verifyPassword, type ScryptCost } from "../crypto/passwords.js";
import { duplicate, notFound, ok, type StoreResult } from "../result.js";
import type { UsersTable } from "../schema.js";
import type { Actor, User } from "../types.js";
import { checkEmail, checkName, checkPassword } from "../validate.js";

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  /** Omit for a user who cannot log in with a password (API tokens only). */
  readonly password?: string;
  /** An administrator of the server (default false). */
  readonly admin?: boolean;
}

export class Users {
  /** A hash to verify against when the e-mail is unknown, so a wrong address costs as long as a wrong password. */
  #decoy: Promise<string> | undefined;

  constructor(
    private readonly ctx: Context,
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
  ) {}

  async create(input: NewUser, by: Actor): Promise<StoreResult<User>> {
    const email = checkEmail(input.email);
    if (!email.ok) return email;
    const displayName = checkName("displayName", input.displayName);
    if (!displayName.ok) return displayName;
    let passwordHash: string | null = null;
    if (input.password !== undefined) {
      const password = checkPassword(input.password);
      if (!password.ok) return password;
      passwordHash = await hashPassword(password.value, this.cost);
    }
    return atomically(this.ctx, async (db) => {
      if (await db.selectFrom("users").select("id").where("email", "=", email.value).executeTakeFirst()) return emailTaken();
      const row: UsersTable = { id: randomUUID(), email: email.value, display_name: displayName.value, password_hash: passwordHash, created_at: isoNow(this.ctx), disabled_at: null, admin: input.admin ? 1 : 0 };
      try {
        await db.insertInto("users").values(row).execute();
      } catch (e) {
        // Two sign-ups with one address at once on PostgreSQL: the loser lands here.
        if (this.ctx.isUniqueViolation(e)) return emailTaken();
        throw e;
      }
      await writeAudit(this.ctx, db, by, { workspaceId: null, action: "user.create", objectType: "user", objectId: row.id, details: { email: row.email, ...(input.admin ? { admin: true } : {}) } });
      return ok(toUser(row));
    });
  }

  async get(id: string): Promise<StoreResult<User>> {
    const row = await this.ctx.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? ok(toUser(row)) : notFound("user", id);
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = await this.ctx.db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async list(): Promise<User[]> {
    return (await this.ctx.db.selectFrom("users").selectAll().orderBy("email").execute()).map(toUser);
  }

  /**
   * The user with this e-mail and password, or null — for an unknown address, a
   * wrong password, a user without a password and a disabled user alike (the
   * caller cannot tell which, nor by timing). A hash made with an older cost is
   * upgraded on success.
   */
  async verifyCredentials(email: string, password: string): Promise<User | null> {
    const row = await this.ctx.db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
    if (!row || row.password_hash === null) {
      await verifyPassword(password, await this.decoy());
      return null;
    }
    if (!(await verifyPassword(password, row.password_hash)) || row.disabled_at !== null) return null;
    if (needsRehash(row.password_hash, this.cost)) {
      await this.ctx.db.updateTable("users").set({ password_hash: await hashPassword(password, this.cost) }).where("id", "=", row.id).execute();
    }
    return toUser(row);
  }

  /** Whether `password` is this user's (false for a user without one, or disabled). Costs one scrypt either way. */
  async checkPassword(userId: string, password: string): Promise<boolean> {
    const row = await this.ctx.db.selectFrom("users").select(["password_hash", "disabled_at"]).where("id", "=", userId).executeTakeFirst();
    if (!row || row.password_hash === null) {
      await verifyPassword(password, await this.decoy());
      return false;
    }
    return (await verifyPassword(password, row.password_hash)) && row.disabled_at === null;
  }

  /**
   * A new password, and every live session of the user ended (except `keepSession`,
   * the session of a user who changes their own) in the same transaction, so a
   * session opened with the old password cannot outlive it. API tokens stay: they
   * do not come from the password, and their owner sees and revokes them.
   */
  async setPassword(userId: string, password: string, by: Actor, options: { readonly keepSession?: string; readonly action?: "user.set-password" | "user.change-password" | "user.reset-password" } = {}): Promise<StoreResult<{ user: User; sessionsEnded: number }>> {
    const checked = checkPassword(password);
    if (!checked.ok) return checked;
    const hash = await hashPassword(checked.value, this.cost);
    return atomically(this.ctx, async (db) => {
      const row = await db.updateTable("users").set({ password_hash: hash }).where("id", "=", userId).returningAll().executeTakeFirst();
      if (!row) return notFound("user", userId);
      const now = isoNow(this.ctx);
      let ended = db.updateTable("sessions").set({ revoked_at: now }).where("user_id", "=", userId).where("revoked_at", "is", null).where("expires_at", ">", now);
      if (options.keepSession !== undefined) ended = ended.where("id", "!=", options.keepSession);
      const sessionsEnded = Number((await ended.executeTakeFirst()).numUpdatedRows);
      await writeAudit(this.ctx, db, by, { workspaceId: null, action: options.action ?? "user.set-password", objectType: "user", objectId: userId, details: { sessionsEnded } });
      return ok({ user: toUser(row), sessionsEnded });
    });
  }

  /** A disabled user can no longer log in; their sessions and tokens stop working. */
  disable(userId: string, by: Actor): Promise<StoreResult<User>> {
    return atomically(this.ctx, async (db) => {
      const row = await db.updateTable("users").set({ disabled_at: isoNow(this.ctx) }).where("id", "=", userId).where("disabled_at", "is", null).returningAll().executeTakeFirst();
      if (!row) return this.get(userId);
      await writeAudit(this.ctx, db, by, { workspaceId: null, action: "user.disable", objectType: "user", objectId: userId });
      return ok(toUser(row));
    });
  }

  private decoy(): Promise<string> {
    this.#decoy ??= hashPassword("decoy password, never matches", this.cost);
    return this.#decoy;
  }
}

const emailTaken = <T>(): StoreResult<T> => duplicate("user", "email", "email: a user with this address exists already");

export const toUser = (r: UsersTable): User => ({ id: r.id, email: r.email, displayName: r.display_name, createdAt: r.created_at, disabledAt: r.disabled_at, admin: Number(r.admin) === 1 });

/** The user's columns when joined to a session or token row (whose own `user_id` is the user's id). */
export const JOINED_USER_COLUMNS = ["users.email", "users.display_name", "users.created_at as user_created_at", "users.disabled_at", "users.admin"] as const;

export const joinedUser = (r: { user_id: string; email: string; display_name: string; user_created_at: string; disabled_at: string | null; admin: number }): User => ({
  id: r.user_id,
  email: r.email,
  displayName: r.display_name,
  createdAt: r.user_created_at,
  disabledAt: r.disabled_at,
  admin: Number(r.admin) === 1,
});

/** The role of the row's user in `workspaceId` as a `workspace_role` column (null: not a member, or no workspace asked about). */
export function roleInWorkspace(userIdColumn: "sessions.user_id" | "api_tokens.user_id", workspaceId: string | undefined): AliasedRawBuilder<string | null, "workspace_role"> {
  if (workspaceId === undefined) return sql<string | null>`null`.as("workspace_role");
  return sql<string | null>`(select memberships.role from memberships where memberships.workspace_id = ${workspaceId} and memberships.user_id = ${sql.ref(userIdColumn)})`.as("workspace_role");
}
