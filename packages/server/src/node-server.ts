/**
 * The app on a socket: opens storage (running migrations) and the job queue,
 * listens, logs one JSON line per request, and on close stops taking connections,
 * lets requests in flight finish, lets running jobs finish within a grace period
 * (the rest go back to the queue), then closes the database.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { workerRunner } from "@concord/node";
import { openJobQueue, openStorage, type JobQueue, type JobWorker, type Storage } from "@concord/storage";
import type { PartPolicy } from "@concord/app";
import { analysisJobHandler, inThisThread, runAnalysis, type RunJobAnalysis } from "./analysis.js";
import { analysisSplitter } from "./job-split.js";
import { jobThreads, onJobThread } from "./job-thread.js";
import { createApp } from "./app.js";
import type { ServerDeps } from "./context.js";
import { jsonLines, type LogSink } from "./log.js";
import type { Settings } from "./settings.js";
import { folderFiles } from "./web-files.js";

/** How long running jobs get to finish when the server or a worker stops. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface StartOptions {
  readonly settings: Settings;
  /** Where log lines go (default: standard error). */
  readonly write?: (line: string) => void;
  /** An opened storage to use instead of opening the settings' database (tests). */
  readonly storage?: Storage;
  /** How analyses run (default: the Node runner); given, jobs also run with it in this thread instead of one thread per job. */
  readonly runner?: ServerDeps["runner"];
  /** A job queue to use instead of the engine's own (tests pass one with short timings). */
  readonly queue?: JobQueue;
  /** The folder of the web workbench's build (packages/web/dist), served outside /api. */
  readonly web?: string;
  /** Local mode: a scenario to import when the database has no workspace yet (the seed, so that the workbench opens on it). */
  readonly seed?: { readonly name: string; readonly text: string };
}

export interface RunningServer {
  /** `http://host:port` */
  readonly url: string;
  readonly storage: Storage;
  /** Stops listening, waits for requests in flight and running jobs, closes the database. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { settings } = options;
  const log = logSink(settings, options.write);
  const storage = options.storage ?? (await openStorage({ databaseUrl: settings.databaseUrl, file: settings.db }));
  const runner = options.runner ?? workerRunner();
  const queue = options.queue ?? (await openJobQueue(storage));
  const jobs = settings.jobs === "auto" ? (storage.engine === "sqlite" ? 1 : 0) : settings.jobs;
  const worker = jobs > 0 ? await takeJobs(storage, queue, options.runner ? inThisThread(options.runner) : onJobThread, jobs) : undefined;
  const deps: ServerDeps = {
    storage,
    jobs: queue,
    mode: settings.team ? "team" : "local",
    runner,
    limits: { maxBodyBytes: settings.maxBodyBytes },
    loginLimit: { maxFailures: settings.loginMaxFailures, windowMs: settings.loginWindowMinutes * 60_000 },
    sessionTtlMs: settings.sessionHours * 3600_000,
    secureCookies: settings.secureCookies,
    ...(options.web !== undefined ? { web: folderFiles(options.web) } : {}),
  };
  if (options.seed && deps.mode === "local") await seedFirstWorkspace(storage, options.seed, runner, log);
  const app = createApp(deps, log);
  // Plain HTTP/1.1 (no createServer option given), so an http.Server.
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: settings.host, port: settings.port }, () => resolve(s as Server)) as Server;
    s.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log({ msg: "listening", url, mode: deps.mode, database: storage.describe(), jobs: `${jobs} at once (${queue.kind} queue)` });
  let closing: Promise<void> | undefined;
  return {
    url,
    storage,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive connections (and event streams) would hold close() open: end idle ones now.
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
        });
        await stopWorker(worker, queue, options.queue === undefined);
        if (!options.storage) await storage.close();
        log({ msg: "stopped" });
      })()),
  };
}

export interface RunningWorker {
  readonly id: string;
  close(): Promise<void>;
}

export interface WorkerOptions {
  readonly settings: Settings;
  readonly concurrency: number;
  /** Threads each job may use, its own included (default: every free core); for several workers on one machine. */
  readonly threads?: number;
  readonly write?: (line: string) => void;
  /** Runs jobs with this runner in this thread instead of one thread per job (tests). */
  readonly runner?: ServerDeps["runner"];
  /** A job queue to use instead of the engine's own (tests pass one with short timings). */
  readonly queue?: JobQueue;
  /** How robustness jobs are split into parts (default: the application layer's policy). */
  readonly parts?: PartPolicy;
}

/** `concord worker`: takes analysis jobs (and parts of split jobs) from the queue of the settings' database until closed. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = logSink(options.settings, options.write);
  const storage = await openStorage({ databaseUrl: options.settings.databaseUrl, file: options.settings.db });
  const queue = options.queue ?? (await openJobQueue(storage));
  const run = options.runner ? inThisThread(options.runner) : jobThreads(options.threads !== undefined ? { threads: options.threads } : {});
  const worker = await takeJobs(storage, queue, run, options.concurrency, options.parts);
  log({ msg: "worker started", worker: worker.id, database: storage.describe(), queue: queue.kind, concurrency: options.concurrency, ...(options.threads !== undefined ? { threads: options.threads } : {}) });
  return {
    id: worker.id,
    close: async () => {
      await stopWorker(worker, queue, options.queue === undefined);
      await storage.close();
      log({ msg: "worker stopped", worker: worker.id });
    },
  };
}

/**
 * A first workspace with the given scenario in it, when the database has none (a fresh
 * local install), and its brief worked out and stored before the server listens: the
 * workbench opens on that brief, which would otherwise take seconds on the first visit.
 */
async function seedFirstWorkspace(storage: Storage, seed: { readonly name: string; readonly text: string }, runner: ServerDeps["runner"], log: LogSink): Promise<void> {
  if ((await storage.workspaces.list(null)).length > 0) return;
  const actor = { userId: null, via: "local" };
  const workspace = await storage.workspaces.create("My workspace", actor);
  if (!workspace.ok) throw new Error(`could not create the first workspace: ${workspace.error.message}`);
  const created = await storage.scenarios.create(workspace.value.id, { name: seed.name, text: seed.text, format: "yaml", message: "The embedded default scenario" }, actor);
  if (!created.ok) throw new Error(`could not import ${seed.name}: ${created.error.message}`);
  const { scenario, revision } = created.value;
  const full = await storage.scenarios.revision(workspace.value.id, scenario.id, revision.number);
  if (!full.ok) return;
  // The same key as the analyses route stores a brief without options under.
  const brief = await runAnalysis({ kind: "brief" }, full.value, runner);
  if (!brief.ok) return log({ level: "error", msg: "the seed's brief could not be worked out", error: brief.problems.map((p) => p.message).join("; ") });
  await storage.analyses.store(workspace.value.id, scenario.id, revision.number, { kind: "brief", options: {} }, JSON.stringify(brief.value));
}

/** Runs analysis jobs from `queue`; on the PostgreSQL queue, robustness jobs are split into parts that every worker shares. */
function takeJobs(storage: Storage, queue: JobQueue, run: RunJobAnalysis, concurrency: number, parts?: PartPolicy): Promise<JobWorker> {
  return queue.work(analysisJobHandler(storage, run), { concurrency, split: analysisSplitter(storage, run, parts) });
}

async function stopWorker(worker: JobWorker | undefined, queue: JobQueue, ownQueue: boolean): Promise<void> {
  await worker?.stop({ graceMs: SHUTDOWN_GRACE_MS });
  if (ownQueue) await queue.close();
}

function logSink(settings: Settings, write?: (line: string) => void): LogSink {
  return settings.log === "json" ? jsonLines(write ?? batchedStderr()) : () => {};
}

/**
 * Lines to standard error, written together once per turn of the event loop: under
 * load one system call carries many requests' lines (a write to a pipe or file is
 * synchronous in Node). Whatever is pending is written when the process exits.
 */
function batchedStderr(): (line: string) => void {
  let pending = "";
  const flush = (): void => {
    if (pending === "") return;
    const text = pending;
    pending = "";
    process.stderr.write(text);
  };
  process.once("exit", flush);
  return (line) => {
    if (pending === "") setImmediate(flush);
    pending += line;
  };
}
