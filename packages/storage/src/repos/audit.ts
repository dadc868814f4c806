/**
 * The audit log: who changed what, when, and which object. Every write in storage
 * appends its entry in the same transaction as the change; the server appends the
 * events storage does not see (logins, failed logins). The database refuses updates
 * and deletes of entries.
 */
import { writeAudit, type AuditFacts, type Context } from "../context.js";
import type { AuditLogTable } from "../schema.js";
import type { Actor, AuditEntry } from "../types.js";
import type { Selectable } from "kysely";

export interface AuditQuery {
  /** Only this workspace's entries; `null` for entries outside any workspace (users, tokens, logins). */
  readonly workspaceId: string | null;
  /** Only entries about this object. */
  readonly objectId?: string;
  /** At most this many, newest first. Default 100, at most 1000. */
  readonly limit?: number;
  /** Only entries older than this `seq` (for paging). */
  readonly before?: number;
}

export class AuditLog {
  constructor(private readonly ctx: Context) {}

  async append(by: Actor, facts: AuditFacts): Promise<void> {
    await writeAudit(this.ctx, this.ctx.db, by, facts);
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    return this.select(query);
  }

  /** Every entry, of every workspace and outside any (for the server's administrators); `workspaceId` narrows it. */
  async listAll(query: Partial<AuditQuery> = {}): Promise<AuditEntry[]> {
    return this.select(query);
  }

  private async select(query: Partial<AuditQuery>): Promise<AuditEntry[]> {
    let q = this.ctx.db.selectFrom("audit_log").selectAll();
    if (query.workspaceId !== undefined) q = query.workspaceId === null ? q.where("workspace_id", "is", null) : q.where("workspace_id", "=", query.workspaceId);
    if (query.objectId !== undefined) q = q.where("object_id", "=", query.objectId);
    if (query.before !== undefined) q = q.where("seq", "<", query.before);
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), 1000);
    const rows = await q.orderBy("seq", "desc").limit(limit).execute();
    return rows.map(toEntry);
  }
}

const toEntry = (r: Selectable<AuditLogTable>): AuditEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actor_id,
  via: r.via,
  workspaceId: r.workspace_id,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  details: JSON.parse(r.details) as Record<string, unknown>,
});
