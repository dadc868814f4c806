/**
 * A worker process for the job tests and benchmarks: takes jobs from the queue and
 * prints `{"started":"<job id>"}` for each; with `hang` it then never finishes (the
 * test kills it), otherwise it returns `{"pid":…}` as the result. With `split`, it
 * splits each job into that many parts (TEST_SPLITTER) and prints
 * `{"started":"<job id>","part":k}` for each part it starts, hanging there with `hang`.
 *
 *   node --import tsx worker-process.ts '{"location":{…},"kind":"pg-boss","hang":true,"split":3}'
 */
import { writeSync } from "node:fs";
import { openStorage, type StorageOptions } from "../open.js";
import { openTestQueue, testSplitter, type QueueKind } from "./queues.js";

const orders = JSON.parse(process.argv[2]!) as { location: Pick<StorageOptions, "file" | "databaseUrl">; kind: QueueKind; hang: boolean; split?: number };
const say = (o: object): void => void writeSync(1, `${JSON.stringify(o)}\n`);

const storage = await openStorage(orders.location);
const queue = await openTestQueue(storage, orders.kind);
const split = orders.split;
await queue.work(
  async (job) => {
    say({ started: job.id });
    if (orders.hang) await new Promise(() => {});
    return { pid: process.pid };
  },
  split === undefined
    ? {}
    : {
        split: testSplitter(split, async (job, part) => {
          say({ started: job.id, part: part.index });
          if (orders.hang) await new Promise(() => {});
        }),
      },
);
say({ ready: true });
