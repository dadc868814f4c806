/**
 * Runs one claimed job (or part of one): calls the handler with an abort signal and a progress
 * callback, keeps the job's lease alive with heartbeats (which also carry progress
 * and bring back cancellation requests), and records how it ended.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { ok, type StoreResult } from "../result.js";
import type { Job } from "../types.js";
import type { JobStore } from "./job-store.js";
import type { JobContext, JobHandler } from "./queue.js";

export type RunOutcome = "succeeded" | "failed" | "cancelled" | "requeued" | "lost";

export interface RunSettings {
  readonly worker: string;
  /** How long a job stays claimed without a heartbeat. */
  readonly leaseMs: number;
  /** How often to send a heartbeat (default: a third of the lease). */
  readonly heartbeatMs?: number;
  /** Progress is stored at once when the last heartbeat is at least this old (default 500 ms), else with the next one. */
  readonly progressMs?: number;
}

/** Why a run was aborted, as the signal's reason. */
export class StopReason extends Error {
  constructor(readonly why: "cancelled" | "stopping" | "lost") {
    super(why === "cancelled" ? "the job was cancelled" : why === "stopping" ? "the worker is stopping" : "the job was taken over by another worker");
  }
}

export const defaultWorkerId = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

/** What a run holds while it works: a job, or a part of one (job-parts.ts). */
export interface Lease {
  /** Extends the lease, storing progress if given; says whether to stop. */
  heartbeat(progress?: { fraction: number; message: string | null }): Promise<{ owned: boolean; cancelRequested: boolean }>;
  /** Stores the work's result as JSON text; ok(false) when the run no longer owned it. */
  complete(result: string): Promise<StoreResult<boolean>>;
  /** Ends the run otherwise; false when the run no longer owned it. */
  finish(outcome: { state: "failed"; error: string } | { state: "cancelled" } | { state: "queued" }): Promise<boolean>;
}

/** A whole job's lease in the jobs table. */
export function jobLease(store: JobStore, jobId: string, worker: string, leaseMs: number): Lease {
  return {
    heartbeat: (progress) => store.heartbeat(jobId, worker, leaseMs, progress),
    complete: async (text) => {
      const done = await store.succeed(jobId, text);
      return done.ok ? ok(done.value.state === "succeeded") : done;
    },
    finish: (outcome) => store.finish(jobId, worker, outcome),
  };
}

/** Runs `job` to its end. `stop` aborts it from outside (worker shutdown): the job goes back to the queue. */
export function runJob(store: JobStore, job: Job, handler: JobHandler, settings: RunSettings, stop: AbortSignal): Promise<RunOutcome> {
  return runLeased(jobLease(store, job.id, settings.worker, settings.leaseMs), (context) => handler(job, context), settings, stop);
}

/** Runs `work` under `lease` to its end: heartbeats carry progress and bring back cancellation; `stop` aborts it from outside (the run goes back to the queue). */
export async function runLeased(lease: Lease, work: (context: JobContext) => Promise<unknown>, settings: RunSettings, stop: AbortSignal): Promise<RunOutcome> {
  const controller = new AbortController();
  const abort = (why: StopReason["why"]): void => {
    if (!controller.signal.aborted) controller.abort(new StopReason(why));
  };
  const onStop = (): void => abort("stopping");
  if (stop.aborted) onStop();
  stop.addEventListener("abort", onStop, { once: true });

  let pending: { fraction: number; message: string | null } | undefined;
  let beating = Promise.resolve();
  let lastBeat = Date.now();
  const beat = (): void => {
    lastBeat = Date.now();
    beating = beating.then(async () => {
      if (controller.signal.aborted) return;
      const progress = pending;
      pending = undefined;
      const r = await lease.heartbeat(progress).catch(() => ({ owned: true, cancelRequested: false }));
      if (!r.owned) abort("lost");
      else if (r.cancelRequested) abort("cancelled");
    });
  };
  const timer = setInterval(beat, settings.heartbeatMs ?? Math.max(50, Math.floor(settings.leaseMs / 3)));

  try {
    let result: unknown;
    try {
      result = await Promise.race([
        work({
          signal: controller.signal,
          progress: (fraction, message) => {
            pending = { fraction, message: message ?? null };
            if (Date.now() - lastBeat >= (settings.progressMs ?? 500)) beat();
          },
        }),
        new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(controller.signal.reason as Error), { once: true })),
      ]);
    } catch (e) {
      clearInterval(timer);
      await beating;
      const why = controller.signal.aborted ? (controller.signal.reason as StopReason).why : undefined;
      if (why === "lost") return "lost";
      if (why === "stopping") return (await lease.finish({ state: "queued" })) ? "requeued" : "lost";
      if (why === "cancelled") return (await lease.finish({ state: "cancelled" })) ? "cancelled" : "lost";
      const message = e instanceof Error ? e.message : String(e);
      return (await lease.finish({ state: "failed", error: message })) ? "failed" : "lost";
    }
    clearInterval(timer);
    await beating;
    let text: string;
    try {
      text = JSON.stringify(result ?? null);
    } catch (e) {
      await lease.finish({ state: "failed", error: `the result is not JSON-serialisable: ${(e as Error).message}` });
      return "failed";
    }
    const done = await lease.complete(text);
    if (!done.ok) {
      await lease.finish({ state: "failed", error: done.error.message });
      return "failed";
    }
    return done.value ? "succeeded" : "lost";
  } finally {
    clearInterval(timer);
    stop.removeEventListener("abort", onStop);
  }
}
