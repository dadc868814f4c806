/**
 * Versioned migrations, run in order when storage opens (Kysely's migrator keeps
 * the applied names in `kysely_migration` and takes a lock, so several processes
 * opening one database at once apply each migration once). Never edit a released
 * migration: add the next one.
 */
import { Migrator, type Kysely, type Migration } from "kysely";
import type { Engine } from "../types.js";
import { initial } from "./0001-initial.js";
import { invitationsAndAdmins } from "./0002-invitations-admins.js";
import { jobParts } from "./0003-job-parts.js";

export function migrations(engine: Engine): Record<string, Migration> {
  return {
    "0001-initial": initial(engine),
    "0002-invitations-admins": invitationsAndAdmins(),
    "0003-job-parts": jobParts(),
  };
}

/** Applies every migration not yet applied; throws if one fails (its transaction is rolled back). */
export async function migrate(db: Kysely<unknown>, engine: Engine): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(engine) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
