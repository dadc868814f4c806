/**
 * Invitations to a workspace (a one-time secret, stored as its SHA-256, that lets
 * the person with that e-mail address join with a role — creating their user if
 * they have none) and administrators (who read the whole audit log and the users).
 */
import { sql, type Kysely, type Migration } from "kysely";

export function invitationsAndAdmins(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("users").addColumn("admin", "integer", (c) => c.notNull().defaultTo(0)).execute();
      await db.schema
        .createTable("invitations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("users.id"))
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("accepted_at", "text")
        .addColumn("accepted_by", "text", (c) => c.references("users.id"))
        .addColumn("revoked_at", "text")
        .addCheckConstraint("invitations_role", sql`role in ('viewer', 'editor', 'owner')`)
        .execute();
      await db.schema.createIndex("invitations_workspace").on("invitations").column("workspace_id").execute();
    },
  };
}
