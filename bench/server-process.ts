/**
 * The server as the benchmarks run it: `concord serve` (the built CLI) in a child
 * process on a free port, on an SQLite file or a PostgreSQL database, with a small
 * HTTP client for the seeding calls. Run `npx tsc -b` first (npm run bench does).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Where } from "./storage-engines.js";

const CLI = new URL("../packages/cli/bin/concord.js", import.meta.url).pathname;

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGTERM (graceful) and wait for the exit. */
  stop(): Promise<void>;
}

/** Starts `concord serve --port 0` (and any `args`) on `where`; resolves when it listens. */
export function spawnServer(where: Where, args: readonly string[] = []): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, CONCORD_LOG: "off" };
  delete env.DATABASE_URL;
  if (where.databaseUrl) env.DATABASE_URL = where.databaseUrl;
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0", ...(where.file ? ["--db", where.file] : []), ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => void (err += d.toString()));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = / on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, child, stop: () => stopChild(child) });
    });
    child.once("exit", (code, signal) => reject(new Error(`concord serve ended (${code ?? signal}) before listening: ${err.trim()}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export async function call<T>(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; etag: string | null }> {
  const res = await fetch(`${url}${path}`, { method, headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, etag: res.headers.get("etag") };
}

export const scenario = (name: string): string => readFileSync(new URL(`../scenarios/${name}`, import.meta.url), "utf8");

/** A workspace with one scenario in it; returns the scenario's path. */
export async function seed(url: string, text: string): Promise<string> {
  const ws = await call<{ workspace: { id: string } }>(url, "POST", "/api/workspaces", { name: "Bench" });
  const sc = await call<{ scenario: { id: string } }>(url, "POST", `/api/workspaces/${ws.body.workspace.id}/scenarios`, { name: "Bench", text });
  if (sc.status !== 201) throw new Error(`seeding failed: ${sc.status} ${JSON.stringify(sc.body)}`);
  return `/api/workspaces/${ws.body.workspace.id}/scenarios/${sc.body.scenario.id}`;
}

/** The p-th percentile (0..100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
