/**
 * The first schema: every table of storage. Types are kept to what both engines
 * share (text, integer, real); the few engine-specific parts — the audit log's
 * sequence and the triggers that make revisions and the audit log append-only —
 * are chosen by `engine`.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "../types.js";

/** Tables whose rows may be added but never changed or removed. */
const APPEND_ONLY = ["revisions", "audit_log"] as const;

export function initial(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("password_hash", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("disabled_at", "text")
        .execute();

      await db.schema
        .createTable("workspaces")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("users.id"))
        .execute();

      await db.schema
        .createTable("scenarios")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("head_revision", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("users.id"))
        .execute();
      await db.schema.createIndex("scenarios_workspace").on("scenarios").columns(["workspace_id", "updated_at"]).execute();

      await db.schema
        .createTable("revisions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("scenario_id", "text", (c) => c.notNull().references("scenarios.id"))
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("format", "text", (c) => c.notNull())
        .addColumn("author_id", "text", (c) => c.references("users.id"))
        .addColumn("message", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("restored_from", "integer")
        .addUniqueConstraint("revisions_scenario_number", ["scenario_id", "number"])
        .addCheckConstraint("revisions_format", sql`format in ('yaml', 'json', 'gmcr')`)
        .addCheckConstraint("revisions_number", sql`number >= 1`)
        .execute();

      await db.schema
        .createTable("memberships")
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("memberships_pk", ["workspace_id", "user_id"])
        .addCheckConstraint("memberships_role", sql`role in ('viewer', 'editor', 'owner')`)
        .execute();
      await db.schema.createIndex("memberships_user").on("memberships").column("user_id").execute();

      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

      await db.schema
        .createTable("api_tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text")
        .addColumn("last_used_at", "text")
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema.createIndex("api_tokens_user").on("api_tokens").column("user_id").execute();

      await db.schema
        .createTable("login_attempts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("succeeded", "integer", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("login_attempts_key").on("login_attempts").columns(["key", "at"]).execute();

      await db.schema
        .createTable("audit_log")
        .addColumn("seq", "integer", (c) => (engine === "postgres" ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_id", "text")
        .addColumn("via", "text")
        .addColumn("workspace_id", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("object_type", "text", (c) => c.notNull())
        .addColumn("object_id", "text", (c) => c.notNull())
        .addColumn("details", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("audit_log_workspace").on("audit_log").columns(["workspace_id", "seq"]).execute();

      await db.schema
        .createTable("analyses")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
        .addColumn("scenario_id", "text", (c) => c.notNull().references("scenarios.id"))
        .addColumn("revision_id", "text", (c) => c.notNull().references("revisions.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("options_hash", "text", (c) => c.notNull())
        .addColumn("result", "text", (c) => c.notNull())
        .addColumn("job_id", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        // One result per revision, kind and options: a second worker's write is a no-op.
        .addUniqueConstraint("analyses_once", ["revision_id", "kind", "options_hash"])
        .execute();
      await db.schema.createIndex("analyses_scenario").on("analyses").columns(["scenario_id", "kind", "created_at"]).execute();

      await db.schema
        .createTable("jobs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
        .addColumn("scenario_id", "text", (c) => c.notNull().references("scenarios.id"))
        .addColumn("revision_id", "text", (c) => c.notNull().references("revisions.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("options", "text", (c) => c.notNull())
        .addColumn("options_hash", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("progress", "real", (c) => c.notNull())
        .addColumn("progress_message", "text")
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("max_attempts", "integer", (c) => c.notNull())
        .addColumn("error", "text")
        .addColumn("cancel_requested_at", "text")
        .addColumn("worker", "text")
        .addColumn("lease_until", "text")
        .addColumn("analysis_id", "text", (c) => c.references("analyses.id"))
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("started_at", "text")
        .addColumn("finished_at", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addCheckConstraint("jobs_state", sql`state in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`)
        .execute();
      await db.schema.createIndex("jobs_claim").on("jobs").columns(["state", "created_at"]).execute();
      await db.schema.createIndex("jobs_workspace").on("jobs").columns(["workspace_id", "created_at"]).execute();
      // At most one live job per analysis: enqueueing the same analysis twice finds the first.
      await db.schema
        .createIndex("jobs_one_live")
        .on("jobs")
        .columns(["revision_id", "kind", "options_hash"])
        .unique()
        .where(sql.ref("state"), "in", ["queued", "running", "succeeded"])
        .execute();

      for (const table of APPEND_ONLY) await appendOnly(db, engine, table);
    },
  };
}

async function appendOnly(db: Kysely<unknown>, engine: Engine, table: string): Promise<void> {
  const name = sql.raw(table);
  if (engine === "postgres") {
    await sql`create or replace function concord_append_only() returns trigger language plpgsql as $$
      begin raise exception '% is append-only', TG_TABLE_NAME; end $$`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${name}
      for each row execute function concord_append_only()`.execute(db);
  } else {
    for (const op of ["update", "delete"]) {
      await sql`create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)} on ${name}
        begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
    }
  }
}
