/** Job queues with short timings, for tests: both kinds on PostgreSQL, the in-process one on SQLite. */
import { InProcessJobQueue } from "../jobs/in-process-queue.js";
import { PgBossJobQueue } from "../jobs/pg-boss-queue.js";
import type { JobContext, JobPart, JobQueue, JobSplitter } from "../jobs/queue.js";
import type { Storage } from "../storage.js";
import type { Engine, Job } from "../types.js";

export type QueueKind = JobQueue["kind"];

export const queueKinds = (engine: Engine): QueueKind[] => (engine === "postgres" ? ["in-process", "pg-boss"] : ["in-process"]);

/** Leases and expiries of about a second, so dead workers are noticed quickly. */
export const FAST = { leaseMs: 900, pollMs: 50, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, expireInSeconds: 2, retryDelaySeconds: 0 };

/** `overrides` change FAST's timings (a test whose jobs run longer than pg-boss's expiry raises it). */
export function openTestQueue(storage: Storage, kind: QueueKind, overrides: Partial<typeof FAST> = {}): Promise<JobQueue> {
  if (kind === "in-process") return Promise.resolve(new InProcessJobQueue(storage, { ...FAST, ...overrides }));
  if (storage.location.engine !== "postgres") throw new Error("pg-boss needs PostgreSQL");
  return PgBossJobQueue.open(storage, storage.location.url, { ...FAST, ...overrides, onError: () => {} });
}

/**
 * A splitter for tests: every job in `parts` parts; part k's result is k × 10 (after
 * `before`, which a test uses to wait or to see who ran it), and the merge lists the
 * parts' results in order, as `{ merged: [...] }`.
 */
export function testSplitter(parts: number, before: (job: Job, part: JobPart, context: JobContext) => Promise<void> = async () => {}): JobSplitter {
  return {
    split: async () => ({ parts: Array.from({ length: parts }, (_, k) => ({ spec: { k }, size: 10 })), unit: "items" }),
    runPart: async (job, part, context) => {
      await before(job, part, context);
      context.progress(1);
      return (part.spec as { k: number }).k * 10;
    },
    merge: async (_job, results) => ({ merged: results }),
  };
}
