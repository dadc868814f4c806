/** The job queue that fits the storage's engine: in-process on SQLite, pg-boss on PostgreSQL. */
import type { Storage } from "../storage.js";
import { InProcessJobQueue, type InProcessQueueOptions } from "./in-process-queue.js";
import { PgBossJobQueue, type PgBossQueueOptions } from "./pg-boss-queue.js";
import type { JobQueue } from "./queue.js";

export function openJobQueue(storage: Storage, options: InProcessQueueOptions & PgBossQueueOptions = {}): Promise<JobQueue> {
  return storage.location.engine === "postgres" ? PgBossJobQueue.open(storage, storage.location.url, options) : Promise.resolve(new InProcessJobQueue(storage, options));
}
