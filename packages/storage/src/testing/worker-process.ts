/**
 * A worker process for the job tests and benchmarks: takes jobs from the queue and
 * prints `{"started":"<job id>"}` for each; with `hang` it then never finishes (the
 * test kills it), otherwise it returns `{"pid":…}` as the result.
 *
 *   node --import tsx worker-process.ts '{"location":{…},"kind":"pg-boss","hang":true}'
 */
import { writeSync } from "node:fs";
import { openStorage, type StorageOptions } from "../open.js";
import { openTestQueue, type QueueKind } from "./queues.js";

const orders = JSON.parse(process.argv[2]!) as { location: Pick<StorageOptions, "file" | "databaseUrl">; kind: QueueKind; hang: boolean };
const say = (o: object): void => void writeSync(1, `${JSON.stringify(o)}\n`);

const storage = await openStorage(orders.location);
const queue = await openTestQueue(storage, orders.kind);
await queue.work(async (job) => {
  say({ started: job.id });
  if (orders.hang) await new Promise(() => {});
  return { pid: process.pid };
});
say({ ready: true });
