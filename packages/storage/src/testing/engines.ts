/**
 * Every storage test runs on both engines: `describeEngines` declares its suite
 * once for SQLite (a fresh file in a temporary folder) and once for PostgreSQL (a
 * fresh database on the server postgres-setup.ts provides). Without PostgreSQL
 * the PostgreSQL suites fail in CI (process.env.CI set) and are skipped, loudly,
 * elsewhere.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, inject } from "vitest";
import { openStorage, type StorageOptions } from "../open.js";
import type { Storage } from "../storage.js";
import type { Engine } from "../types.js";

/** A cheap scrypt cost for tests (the default cost is tested once, in passwords.test.ts). */
export const TEST_PASSWORD_COST = { ln: 10, r: 8, p: 1 };

export interface TestEngine {
  readonly name: Engine;
  /** A fresh, empty, migrated database. Closed and removed after the suite. */
  open(options?: Omit<StorageOptions, "databaseUrl" | "file">): Promise<Storage>;
  /** Where a fresh database is, without opening it (for tests that open it in another process). */
  fresh(): Promise<Pick<StorageOptions, "databaseUrl" | "file">>;
}

let warned = false;

/** Declares the suite once per engine (both by default; a suite that needs one engine's features names it). */
export function describeEngines(title: string, body: (engine: TestEngine) => void, engines: readonly Engine[] = ["sqlite", "postgres"]): void {
  for (const name of engines) {
    const unavailable = name === "postgres" ? inject("postgresUnavailable") : null;
    if (unavailable !== null && !process.env.CI) {
      if (!warned) {
        warned = true;
        console.warn(`\n*** PostgreSQL unavailable — the storage tests ran on SQLite only: ${unavailable} ***\n`);
      }
      describe.skip(`${title} [${name}]`, () => body(engineFor(name, [])));
      continue;
    }
    describe(`${title} [${name}]`, () => {
      const cleanups: (() => Promise<void>)[] = [];
      afterAll(async () => {
        for (const c of cleanups.reverse()) await c();
      });
      body(engineFor(name, cleanups));
    });
  }
}

function engineFor(name: Engine, cleanups: (() => Promise<void>)[]): TestEngine {
  const fresh = async (): Promise<Pick<StorageOptions, "databaseUrl" | "file">> => {
    if (name === "sqlite") {
      const dir = mkdtempSync(join(tmpdir(), "concord-storage-"));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      return { file: join(dir, "concord.db") };
    }
    const admin = inject("postgresUrl");
    // In CI a missing server must fail the suite, never skip it.
    if (admin === null) throw new Error(`PostgreSQL is unavailable: ${inject("postgresUnavailable")}`);
    const database = `concord_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(admin, `create database ${database}`);
    cleanups.push(() => adminQuery(admin, `drop database if exists ${database} with (force)`));
    const url = new URL(admin);
    url.pathname = `/${database}`;
    return { databaseUrl: url.toString() };
  };
  return {
    name,
    fresh,
    async open(options = {}) {
      const storage = await openStorage({ passwordCost: TEST_PASSWORD_COST, ...options, ...(await fresh()) });
      // Cleanups run in reverse: the storage closes before its database is removed.
      cleanups.push(() => storage.close());
      return storage;
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
