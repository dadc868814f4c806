/**
 * Jobs split into parts that several workers take (the PostgreSQL queue): the job
 * records how many parts it has and what they count in (`parts`, `part_unit`), and
 * each part has a row of its own with its lease, progress and result, keyed by the
 * job and the part's index so that a part's result is stored once.
 */
import { sql, type Kysely, type Migration } from "kysely";

export function jobParts(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("jobs").addColumn("parts", "integer").execute();
      await db.schema.alterTable("jobs").addColumn("part_unit", "text").execute();
      await db.schema
        .createTable("job_parts")
        .addColumn("job_id", "text", (c) => c.notNull().references("jobs.id"))
        .addColumn("part", "integer", (c) => c.notNull())
        .addColumn("spec", "text", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("progress", "real", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("worker", "text")
        .addColumn("lease_until", "text")
        .addColumn("result", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("job_parts_pk", ["job_id", "part"])
        .addCheckConstraint("job_parts_state", sql`state in ('queued', 'running', 'done')`)
        .execute();
    },
  };
}
