/**
 * Vitest global setup for the storage tests: a PostgreSQL server for every
 * storage test to run on. DATABASE_URL, if set, names a server to use (the tests
 * create and drop their own databases on it); otherwise a throwaway server is
 * started for the run and removed after it.
 */
import type { TestProject } from "vitest/node";
import { startThrowawayPostgres } from "./throwaway-postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** An administrative URL of the PostgreSQL server, or null. */
    postgresUrl: string | null;
    /** Why there is no server, when there is none. */
    postgresUnavailable: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide("postgresUrl", given);
    project.provide("postgresUnavailable", null);
    return undefined;
  }
  const pg = await startThrowawayPostgres({ fast: true });
  if ("unavailable" in pg) {
    project.provide("postgresUrl", null);
    project.provide("postgresUnavailable", pg.unavailable);
    return undefined;
  }
  project.provide("postgresUrl", pg.url);
  project.provide("postgresUnavailable", null);
  return () => pg.stop();
}
