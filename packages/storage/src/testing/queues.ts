/** Job queues with short timings, for tests: both kinds on PostgreSQL, the in-process one on SQLite. */
import { InProcessJobQueue } from "../jobs/in-process-queue.js";
import { PgBossJobQueue } from "../jobs/pg-boss-queue.js";
import type { JobQueue } from "../jobs/queue.js";
import type { Storage } from "../storage.js";
import type { Engine } from "../types.js";

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
