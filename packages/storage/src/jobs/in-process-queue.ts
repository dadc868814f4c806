/**
 * The in-process queue (the SQLite default): jobs wait in the jobs table and
 * workers in this process claim them — the oldest first — under a lease renewed by
 * heartbeats. A job whose lease runs out (the process died) is claimed again on the
 * next start; after `maxAttempts` starts it is failed. The handler decides where the
 * work runs (the server hands it to a worker thread). Works on either engine.
 */
import { EventEmitter, once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import type { Storage } from "../storage.js";
import type { Actor } from "../types.js";
import { ok } from "../result.js";
import type { JobFilter, JobRequest, WatchOptions } from "./job-store.js";
import type { JobHandler, JobQueue, JobWorker, StopOptions, WorkOptions } from "./queue.js";
import { defaultWorkerId, runJob } from "./runner.js";

export interface InProcessQueueOptions {
  /** How long a claimed job stays claimed without a heartbeat, in ms. Default 30 000. */
  readonly leaseMs?: number;
  /** How often idle workers look for jobs queued by other processes, in ms. Default 1000. */
  readonly pollMs?: number;
}

export class InProcessJobQueue implements JobQueue {
  readonly kind = "in-process";
  readonly #wake = new EventEmitter();
  readonly #workers = new Set<JobWorker>();
  readonly #leaseMs: number;
  readonly #pollMs: number;

  constructor(
    private readonly storage: Storage,
    options: InProcessQueueOptions = {},
  ) {
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#pollMs = options.pollMs ?? 1000;
    this.#wake.setMaxListeners(0);
  }

  async enqueue(workspaceId: string, request: JobRequest, by: Actor) {
    const r = await this.storage.jobs.create(workspaceId, request, by);
    if (r.ok && !r.value.reused) this.#wake.emit("job");
    return r;
  }

  get(workspaceId: string, jobId: string) {
    return this.storage.jobs.get(workspaceId, jobId);
  }

  list(workspaceId: string, filter?: JobFilter) {
    return this.storage.jobs.list(workspaceId, filter);
  }

  async cancel(workspaceId: string, jobId: string, by: Actor) {
    const r = await this.storage.jobs.cancel(workspaceId, jobId, by);
    return r.ok ? ok(r.value.job) : r;
  }

  watch(workspaceId: string, jobId: string, options?: WatchOptions) {
    return this.storage.jobs.watch(workspaceId, jobId, options);
  }

  async work(handler: JobHandler, options: WorkOptions = {}): Promise<JobWorker> {
    const id = options.workerId ?? defaultWorkerId();
    const draining = new AbortController(); // no new jobs
    const stopping = new AbortController(); // running jobs back to the queue
    const settings = { worker: id, leaseMs: this.#leaseMs };
    const loop = async (): Promise<void> => {
      while (!draining.signal.aborted) {
        const job = await this.storage.jobs.claimNext(id, this.#leaseMs);
        if (job) {
          await runJob(this.storage.jobs, job, handler, settings, stopping.signal);
          continue;
        }
        // Nothing to do: wait for a job queued here, or poll for one queued by another process.
        const waited = new AbortController();
        const signal = AbortSignal.any([draining.signal, waited.signal]);
        await Promise.race([once(this.#wake, "job", { signal }), sleep(this.#pollMs, undefined, { signal })]).catch(() => {});
        waited.abort(); // drop the loser's listener or timer
      }
    };
    const finished = Promise.allSettled(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, loop));
    const worker: JobWorker = {
      id,
      stop: async ({ graceMs = 0 }: StopOptions = {}) => {
        this.#workers.delete(worker);
        draining.abort();
        await Promise.race([finished, sleep(graceMs)]);
        stopping.abort();
        await finished;
      },
    };
    this.#workers.add(worker);
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#workers].map((w) => w.stop()));
  }
}
