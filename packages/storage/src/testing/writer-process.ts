/**
 * A process that edits one scenario with several concurrent writers, for the
 * concurrency tests and the reliability benchmarks. Each writer reads the head,
 * saves on top of it, and prints one JSON line per answer as soon as it has it:
 * `{"ack":N,"text":"..."}` for an accepted save (revision N is committed) and
 * `{"conflict":N}` for a rejected one. Ends with `{"done":true}`. With `waitForGo`
 * it first opens the database, prints `{"ready":true}` and waits for a line on stdin.
 *
 *   node --import tsx writer-process.ts '{"location":{"file":"x.db"},"workspaceId":"…","scenarioId":"…","writers":10,"saves":20}'
 */
import { writeSync } from "node:fs";
import { openStorage, type StorageOptions } from "../open.js";

interface Orders {
  readonly location: Pick<StorageOptions, "file" | "databaseUrl">;
  readonly workspaceId: string;
  readonly scenarioId: string;
  readonly writers: number;
  /** Saves per writer (attempts, accepted or not)… */
  readonly saves?: number;
  /** …or keep going for this long. */
  readonly durationMs?: number;
  /** A tag in every text, to tell processes apart. */
  readonly tag?: string;
  /** Start writing only when told (so several processes start together, after their start-up). */
  readonly waitForGo?: boolean;
}

const orders = JSON.parse(process.argv[2]!) as Orders;
// Written straight to the file descriptor: once printed, the parent has it, even if this process is killed right after.
const say = (o: object): void => void writeSync(1, `${JSON.stringify(o)}\n`);

const storage = await openStorage({ ...orders.location, poolSize: Math.min(orders.writers, 20) });
if (orders.waitForGo) {
  say({ ready: true });
  await new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdin.destroy();
}
const until = orders.durationMs === undefined ? Infinity : Date.now() + orders.durationMs;
let counter = 0;
await Promise.all(
  Array.from({ length: orders.writers }, async (_, w) => {
    for (let i = 0; (orders.saves === undefined || i < orders.saves) && Date.now() < until; i++) {
      const scenario = await storage.scenarios.get(orders.workspaceId, orders.scenarioId);
      if (!scenario.ok) throw new Error(scenario.error.message);
      const text = `${orders.tag ?? "p"} writer ${w} save ${i} #${counter++} on ${scenario.value.headRevision}\n`;
      const r = await storage.scenarios.save(orders.workspaceId, orders.scenarioId, { expected: scenario.value.headRevision, text }, { userId: null, via: "writer" });
      if (r.ok) say({ ack: r.value.number, text });
      else if (r.error.code === "conflict") say({ conflict: r.error.current.number });
      else throw new Error(r.error.message);
    }
  }),
);
await storage.close();
say({ done: true });
