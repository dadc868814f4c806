/**
 * Server tests run the app in process (no socket) on both storage engines, through
 * the storage tests' `describeEngines`: a fresh SQLite file and a fresh PostgreSQL
 * database per suite.
 */
import { readFileSync } from "node:fs";
import { generateModel, inlineRunner } from "@concord/app";
import type { JobQueue, Storage } from "@concord/storage";
import { describeEngines, type TestEngine } from "../../../storage/src/testing/engines.js";
import { createApp } from "../app.js";
import type { Mode, ServerDeps } from "../context.js";

export { describeEngines, type TestEngine };

export const scenarioText = (name: string): string => readFileSync(new URL(`../../../../scenarios/${name}`, import.meta.url), "utf8");

/** A fictional model of 384 states whose 15 priorities are all modeller's estimates: robustness has millions of variants to draw from. */
export function estimatesModel(): string {
  const doc = generateModel({ decisionMakers: 3, options: [3, 3, 3], statements: 5, conditions: 1, oneWay: 0.2, seed: 7 });
  for (const dm of doc.model!.decisionMakers) dm.preferences = dm.preferences!.map((p) => ({ statement: typeof p === "string" ? p : p.statement, estimate: true }));
  return JSON.stringify(doc);
}

export interface TestServer {
  readonly storage: Storage;
  readonly deps: ServerDeps;
  readonly logs: Record<string, unknown>[];
  /** A request to the app; `json` is sent as the JSON body. */
  call(method: string, path: string, init?: { json?: unknown; body?: string; headers?: Record<string, string>; signal?: AbortSignal }): Promise<Response>;
}

export async function openTestServer(engine: TestEngine, mode: Mode, overrides: Partial<ServerDeps> = {}, queue?: (storage: Storage) => Promise<JobQueue>): Promise<TestServer> {
  const storage = await engine.open();
  const jobs = queue ? await queue(storage) : undefined;
  const deps: ServerDeps = {
    storage,
    mode,
    runner: inlineRunner,
    limits: { maxBodyBytes: 1024 * 1024 },
    loginLimit: { maxFailures: 5, windowMs: 15 * 60_000 },
    sessionTtlMs: 3600_000,
    secureCookies: false,
    ...(jobs ? { jobs } : {}),
    ...overrides,
  };
  const logs: Record<string, unknown>[] = [];
  const app = createApp(deps, (e) => void logs.push({ ...e }));
  return {
    storage,
    deps,
    logs,
    call: (method, path, init = {}) => {
      const headers: Record<string, string> = { ...init.headers };
      let body: string | undefined = init.body;
      if (init.json !== undefined) {
        body = JSON.stringify(init.json);
        headers["content-type"] ??= "application/json";
      }
      return Promise.resolve(app.request(`http://127.0.0.1:4317${path}`, { method, headers, ...(body !== undefined ? { body } : {}), ...(init.signal ? { signal: init.signal } : {}) }));
    },
  };
}

/** The body of a problem answer, after checking it is one. */
export async function problemOf(res: Response): Promise<{ type: string; title: string; status: number; detail: string; [k: string]: unknown }> {
  if (res.headers.get("content-type") !== "application/problem+json") throw new Error(`expected a problem document, got ${res.status} ${res.headers.get("content-type")}: ${await res.text()}`);
  const body = (await res.json()) as { type: string; title: string; status: number; detail: string };
  if (body.status !== res.status) throw new Error(`problem status ${body.status} differs from the answer's ${res.status}`);
  return body;
}
