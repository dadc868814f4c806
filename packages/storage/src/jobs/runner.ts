/**
 * Runs one claimed job: calls the handler with an abort signal and a progress
 * callback, keeps the job's lease alive with heartbeats (which also carry progress
 * and bring back cancellation requests), and records how it ended.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Job } from "../types.js";
import type { JobStore } from "./job-store.js";
import type { JobHandler } from "./queue.js";

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

/** Runs `job` to its end. `stop` aborts it from outside (worker shutdown): the job goes back to the queue. */
export async function runJob(store: JobStore, job: Job, handler: JobHandler, settings: RunSettings, stop: AbortSignal): Promise<RunOutcome> {
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
      const r = await store.heartbeat(job.id, settings.worker, settings.leaseMs, progress).catch(() => ({ owned: true, cancelRequested: false }));
      if (!r.owned) abort("lost");
      else if (r.cancelRequested) abort("cancelled");
    });
  };
  const timer = setInterval(beat, settings.heartbeatMs ?? Math.max(50, Math.floor(settings.leaseMs / 3)));

  try {
    let result: unknown;
    try {
      result = await Promise.race([
        handler(job, {
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
      if (why === "stopping") return (await store.finish(job.id, settings.worker, { state: "queued" })) ? "requeued" : "lost";
      if (why === "cancelled") return (await store.finish(job.id, settings.worker, { state: "cancelled" })) ? "cancelled" : "lost";
      const message = e instanceof Error ? e.message : String(e);
      return (await store.finish(job.id, settings.worker, { state: "failed", error: message })) ? "failed" : "lost";
    }
    clearInterval(timer);
    await beating;
    let text: string;
    try {
      text = JSON.stringify(result ?? null);
    } catch (e) {
      await store.finish(job.id, settings.worker, { state: "failed", error: `the result is not JSON-serialisable: ${(e as Error).message}` });
      return "failed";
    }
    const done = await store.succeed(job.id, text);
    if (!done.ok) {
      await store.finish(job.id, settings.worker, { state: "failed", error: done.error.message });
      return "failed";
    }
    return done.value.state === "succeeded" ? "succeeded" : "lost";
  } finally {
    clearInterval(timer);
    stop.removeEventListener("abort", onStop);
  }
}
