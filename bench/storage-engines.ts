/**
 * Where the storage benchmarks run: a fresh SQLite file, and a fresh PostgreSQL
 * database — on DATABASE_URL's server if set, otherwise on a throwaway server
 * started here (with fsync on, as in production).
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { StorageOptions } from "@concord/storage";
import { startThrowawayPostgres } from "@concord/storage/testing";

export type BenchEngine = "sqlite" | "postgres";
export type Where = Pick<StorageOptions, "file" | "databaseUrl">;

export interface BenchLocation {
  readonly engine: BenchEngine;
  readonly where: Where;
  dispose(): Promise<void>;
}

/** A revision's content hash, computed here rather than by the storage whose writes are being checked. */
export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

export function enginesFrom(arg: string | undefined): BenchEngine[] {
  if (arg === undefined || arg === "both") return ["sqlite", "postgres"];
  if (arg === "sqlite" || arg === "postgres") return [arg];
  throw new Error(`--engine: expected sqlite, postgres or both, found ${arg}`);
}

export async function freshLocation(engine: BenchEngine): Promise<BenchLocation> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "concord-bench-"));
    return { engine, where: { file: join(dir, "concord.db") }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  let admin = process.env.DATABASE_URL;
  let stop = (): void => {};
  if (!admin) {
    const server = await startThrowawayPostgres();
    if ("unavailable" in server) throw new Error(`PostgreSQL: ${server.unavailable}`);
    admin = server.url;
    stop = server.stop;
  }
  const name = `concord_bench_${randomBytes(5).toString("hex")}`;
  await query(admin, `create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const adminUrl = admin;
  return {
    engine,
    where: { databaseUrl: url.toString() },
    dispose: async () => {
      await query(adminUrl, `drop database if exists ${name} with (force)`);
      stop();
    },
  };
}

async function query(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
