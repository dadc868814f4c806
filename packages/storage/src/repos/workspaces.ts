/** Workspaces: the unit of sharing. Everything else (scenarios, members, jobs, audit) belongs to one. */
import { randomUUID } from "node:crypto";
import { atomically, isoNow, writeAudit, type Context } from "../context.js";
import { notFound, ok, type StoreResult } from "../result.js";
import type { WorkspacesTable } from "../schema.js";
import type { Actor, Workspace } from "../types.js";
import { checkName } from "../validate.js";

export class Workspaces {
  constructor(private readonly ctx: Context) {}

  /** A new workspace; its creator (if a user) becomes its owner. */
  create(name: string, by: Actor): Promise<StoreResult<Workspace>> {
    const checked = checkName("name", name);
    if (!checked.ok) return Promise.resolve(checked);
    return atomically(this.ctx, async (db) => {
      const row: WorkspacesTable = { id: randomUUID(), name: checked.value, created_at: isoNow(this.ctx), created_by: by.userId };
      await db.insertInto("workspaces").values(row).execute();
      if (by.userId !== null) {
        await db.insertInto("memberships").values({ workspace_id: row.id, user_id: by.userId, role: "owner", created_at: row.created_at }).execute();
      }
      await writeAudit(this.ctx, db, by, { workspaceId: row.id, action: "workspace.create", objectType: "workspace", objectId: row.id, details: { name: row.name } });
      return ok(toWorkspace(row));
    });
  }

  async get(id: string): Promise<StoreResult<Workspace>> {
    const row = await this.ctx.db.selectFrom("workspaces").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? ok(toWorkspace(row)) : notFound("workspace", id);
  }

  /** The workspaces `userId` is a member of, by name; every workspace when `userId` is null (local mode). */
  async list(userId: string | null): Promise<Workspace[]> {
    let q = this.ctx.db.selectFrom("workspaces").selectAll("workspaces");
    if (userId !== null) q = q.innerJoin("memberships", "memberships.workspace_id", "workspaces.id").where("memberships.user_id", "=", userId);
    const rows = await q.orderBy("workspaces.name").orderBy("workspaces.id").execute();
    return rows.map(toWorkspace);
  }

  rename(id: string, name: string, by: Actor): Promise<StoreResult<Workspace>> {
    const checked = checkName("name", name);
    if (!checked.ok) return Promise.resolve(checked);
    return atomically(this.ctx, async (db) => {
      const row = await db.updateTable("workspaces").set({ name: checked.value }).where("id", "=", id).returningAll().executeTakeFirst();
      if (!row) return notFound("workspace", id);
      await writeAudit(this.ctx, db, by, { workspaceId: id, action: "workspace.rename", objectType: "workspace", objectId: id, details: { name: row.name } });
      return ok(toWorkspace(row));
    });
  }
}

const toWorkspace = (r: WorkspacesTable): Workspace => ({ id: r.id, name: r.name, createdAt: r.created_at, createdBy: r.created_by });
