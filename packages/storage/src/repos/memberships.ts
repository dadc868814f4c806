/**
 * Who may do what in a workspace. `authorize` is the one check every workspace route
 * makes: a non-member gets the same not-found answer as for a workspace that does
 * not exist (so workspace ids never leak); a member whose role is too weak gets
 * forbidden.
 */
import { atomically, isoNow, writeAudit, type Context } from "../context.js";
import { err, invalid, notFound, ok, type StoreResult } from "../result.js";
import type { Kysely } from "kysely";
import type { MembershipsTable, Schema } from "../schema.js";
import type { Actor, Membership, Role } from "../types.js";
import { checkRole, roleAllows } from "../validate.js";

export interface Member extends Membership {
  readonly email: string;
  readonly displayName: string;
}

export class Memberships {
  constructor(private readonly ctx: Context) {}

  /** The role `userId` has in the workspace, if at least `need`. */
  async authorize(workspaceId: string, userId: string, need: Role): Promise<StoreResult<Role>> {
    return decideAccess(workspaceId, await this.roleOf(workspaceId, userId), need);
  }

  roleOf(workspaceId: string, userId: string): Promise<Role | null> {
    return roleIn(this.ctx.db, workspaceId, userId);
  }

  async list(workspaceId: string): Promise<Member[]> {
    const rows = await this.ctx.db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["memberships.workspace_id", "memberships.user_id", "memberships.role", "memberships.created_at", "users.email", "users.display_name"])
      .where("memberships.workspace_id", "=", workspaceId)
      .orderBy("users.email")
      .execute();
    return rows.map((r) => ({ ...toMembership(r), email: r.email, displayName: r.display_name }));
  }

  /** Makes `userId` a member with `role`, or changes the role of a member. A workspace keeps at least one owner. */
  grant(workspaceId: string, userId: string, role: Role, by: Actor): Promise<StoreResult<Membership>> {
    const checked = checkRole(role);
    if (!checked.ok) return Promise.resolve(checked);
    return atomically(this.ctx, async (db) => {
      if (!(await db.selectFrom("workspaces").select("id").where("id", "=", workspaceId).executeTakeFirst())) return notFound("workspace", workspaceId);
      if (!(await db.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst())) return notFound("user", userId);
      const before = await roleIn(db, workspaceId, userId);
      if (before === "owner" && role !== "owner" && (await this.ownerCount(db, workspaceId)) === 1) return lastOwner();
      const created_at = isoNow(this.ctx);
      const row: MembershipsTable = { workspace_id: workspaceId, user_id: userId, role, created_at };
      if (before === null) await db.insertInto("memberships").values(row).execute();
      else await db.updateTable("memberships").set({ role }).where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
      await writeAudit(this.ctx, db, by, { workspaceId, action: "membership.grant", objectType: "membership", objectId: userId, details: { role, previousRole: before } });
      const stored = await db.selectFrom("memberships").selectAll().where("workspace_id", "=", workspaceId).where("user_id", "=", userId).executeTakeFirstOrThrow();
      return ok(toMembership(stored));
    });
  }

  /** Removes a member. A workspace keeps at least one owner. */
  revoke(workspaceId: string, userId: string, by: Actor): Promise<StoreResult<Membership>> {
    return atomically(this.ctx, async (db) => {
      const row = await db.selectFrom("memberships").selectAll().where("workspace_id", "=", workspaceId).where("user_id", "=", userId).executeTakeFirst();
      if (!row) return notFound("membership", userId);
      if (row.role === "owner" && (await this.ownerCount(db, workspaceId)) === 1) return lastOwner();
      await db.deleteFrom("memberships").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
      await writeAudit(this.ctx, db, by, { workspaceId, action: "membership.revoke", objectType: "membership", objectId: userId, details: { previousRole: row.role } });
      return ok(toMembership(row));
    });
  }

  /**
   * Owners of the workspace. On PostgreSQL the owners' rows are locked, so two
   * owners demoting each other at once cannot leave the workspace without one.
   */
  private async ownerCount(db: Kysely<Schema>, workspaceId: string): Promise<number> {
    let q = db.selectFrom("memberships").select("user_id").where("workspace_id", "=", workspaceId).where("role", "=", "owner");
    if (this.ctx.engine === "postgres") q = q.forUpdate();
    return (await q.execute()).length;
  }
}

/** The answer of `authorize` for a role already read (null: not a member): the role if it is at least `need`. */
export function decideAccess(workspaceId: string, have: Role | null, need: Role): StoreResult<Role> {
  if (have === null) return notFound("workspace", workspaceId);
  if (!roleAllows(have, need)) {
    return err({ code: "forbidden", workspaceId, need, have, message: `this needs the ${need} role in the workspace; you are ${have === "viewer" ? "a" : "an"} ${have}` });
  }
  return ok(have);
}

async function roleIn(db: Kysely<Schema>, workspaceId: string, userId: string): Promise<Role | null> {
  const row = await db.selectFrom("memberships").select("role").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).executeTakeFirst();
  return (row?.role as Role | undefined) ?? null;
}

const lastOwner = <T>(): StoreResult<T> => invalid("role", "a workspace keeps at least one owner: make someone else owner first");

const toMembership = (r: Pick<MembershipsTable, "workspace_id" | "user_id" | "role" | "created_at">): Membership => ({
  workspaceId: r.workspace_id,
  userId: r.user_id,
  role: r.role as Role,
  createdAt: r.created_at,
});
