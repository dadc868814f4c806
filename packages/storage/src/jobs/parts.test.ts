// Jobs split into parts that several workers share (the pg-boss queue on PostgreSQL).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { describeEngines } from "../testing/engines.js";
import { LOCAL, seedScenario, value } from "../testing/fixtures.js";
import { openTestQueue, testSplitter } from "../testing/queues.js";
import type { Job } from "../types.js";
import type { JobQueue, JobWorker } from "./queue.js";

const REQUEST = { kind: "robustness", options: { variants: 60 } };

async function until<T>(what: string, read: () => Promise<T>, check: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await sleep(50);
  }
}

describeEngines(
  "jobs split into parts",
  (engine) => {
    const closing: (JobQueue | JobWorker)[] = [];
    afterEach(async () => {
      for (const c of closing.splice(0).reverse()) await ("close" in c ? c.close() : c.stop());
    });
    async function setup(overrides: { expireInSeconds?: number } = {}) {
      const storage = await engine.open();
      const queue = await openTestQueue(storage, "pg-boss", { expireInSeconds: 30, ...overrides });
      closing.push(queue);
      const seeded = await seedScenario(storage);
      const work = async (...args: Parameters<JobQueue["work"]>) => {
        const w = await queue.work(...args);
        closing.push(w);
        return w;
      };
      const job = (id: string) => queue.get(seeded.workspace.id, id).then(value);
      const enqueue = async () => value(await queue.enqueue(seeded.workspace.id, { scenarioId: seeded.scenario.id, revision: 1, ...REQUEST }, LOCAL)).job;
      return { storage, queue, work, job, enqueue, ...seeded };
    }
    const wholeJob = async (): Promise<never> => {
      throw new Error("a split job must not run whole");
    };

    it("shares the parts between two workers, runs each once, and merges their results in order once", async () => {
      const { storage, work, job, enqueue, workspace, scenario } = await setup();
      const ran: string[] = [];
      let merges = 0;
      const splitter = (name: string) => {
        const base = testSplitter(6, async (_j, part) => {
          ran.push(`${name}:${part.index}`);
          await sleep(300);
        });
        return { ...base, merge: async (j: Job, results: readonly unknown[], c: Parameters<typeof base.merge>[2]) => (merges++, base.merge(j, results, c)) };
      };
      const a = await work(wholeJob, { split: splitter("a") });
      const b = await work(wholeJob, { split: splitter("b") });
      const queued = await enqueue();
      const done = await until("success", () => job(queued.id), (j) => j.state === "succeeded" || j.state === "failed");
      expect(done).toMatchObject({ state: "succeeded", parts: 6, progress: 1, error: null });
      expect(value(await storage.analyses.get(workspace.id, scenario.id, 1, REQUEST)).result).toBe('{"merged":[0,10,20,30,40,50]}');
      expect(merges).toBe(1);
      expect(ran.map((r) => Number(r.split(":")[1])).sort()).toEqual([0, 1, 2, 3, 4, 5]);
      const parts = await storage.jobs.parts.list(queued.id);
      expect(parts.map((p) => `${p.state} ${p.attempts}`)).toEqual(Array(6).fill("done 1"));
      expect(new Set(parts.map((p) => p.worker))).toEqual(new Set([a.id, b.id]));
    });

    it("reports the job's progress as the sum over its parts", async () => {
      const { storage, work, job, enqueue } = await setup();
      const release: (() => void)[] = [];
      await work(wholeJob, {
        concurrency: 2,
        split: testSplitter(4, async (_j, part, context) => {
          context.progress(0.5);
          if (part.index === 0) await new Promise<void>((r) => release.push(r));
        }),
      });
      const queued = await enqueue();
      // Parts 2–4 done (30 items), part 1 half way (5): 35 of 40.
      const seen = await until("progress", () => job(queued.id), (j) => j.progress >= 0.875);
      expect(seen).toMatchObject({ state: "running", progress: 0.875, progressMessage: "35 of 40 items analysed" });
      expect((await storage.jobs.parts.list(queued.id)).map((p) => p.state)).toEqual(["running", "done", "done", "done"]);
      release[0]!();
      expect(await until("success", () => job(queued.id), (j) => j.state === "succeeded")).toMatchObject({ progress: 1 });
    });

    it("cancelling the job stops its running parts and starts no others; nothing is stored", async () => {
      const { storage, queue, work, job, enqueue, workspace } = await setup();
      const stopped: number[] = [];
      const started: number[] = [];
      await work(wholeJob, {
        split: testSplitter(5, async (_j, part, context) => {
          started.push(part.index);
          await new Promise((resolve) => context.signal.addEventListener("abort", resolve));
          stopped.push(part.index);
        }),
      });
      const queued = await enqueue();
      await until("a part running", async () => started.length, (n) => n > 0);
      expect(value(await queue.cancel(workspace.id, queued.id, LOCAL))).toMatchObject({ state: "cancelled", cancelRequested: true });
      await until("the part stopped", async () => stopped.length, (n) => n === started.length);
      await sleep(1500);
      expect(started).toEqual(stopped);
      expect(started.length).toBeLessThan(5);
      expect((await job(queued.id)).state).toBe("cancelled");
      expect(await storage.db.selectFrom("analyses").select("id").execute()).toEqual([]);
    });

    it("fails the job when a part fails, naming the part", async () => {
      const { work, job, enqueue } = await setup();
      await work(wholeJob, {
        split: testSplitter(3, async (_j, part) => {
          if (part.index === 1) throw new Error("no feasible state left");
        }),
      });
      const queued = await enqueue();
      expect(await until("failure", () => job(queued.id), (j) => j.state === "failed")).toMatchObject({ error: "part 2 of 3: no feasible state left" });
    });

    it("stores a part's result once when two workers finish it, and queues the merge once", async () => {
      const { storage, work, enqueue } = await setup();
      // Split by a worker that runs no parts: its parts wait in the queue.
      const splitting = await work(wholeJob, { split: { ...testSplitter(2), runPart: () => new Promise(() => {}) } });
      const queued = await enqueue();
      await until("the split", () => storage.jobs.parts.list(queued.id), (p) => p.length === 2 && p.some((x) => x.state === "running"));
      await splitting.stop();
      closing.splice(closing.indexOf(splitting), 1);
      const parts = storage.jobs.parts;
      let merges = 0;
      const onLast = async () => void merges++;
      for (const index of [0, 1]) {
        // Worker x took the part, was presumed dead, and worker y took it over; both finish.
        expect(await parts.start(queued.id, index, "x", 60_000)).toMatchObject({ outcome: "taken" });
        expect(await parts.start(queued.id, index, "y", 60_000)).toMatchObject({ outcome: "taken" });
        expect(value(await parts.complete(queued.id, index, `${index}`, onLast))).toBe(index === 0 ? "stored" : "last");
        expect(value(await parts.complete(queued.id, index, `${index + 100}`, onLast))).toBe("duplicate");
      }
      expect(merges).toBe(1);
      expect(await parts.results(queued.id)).toEqual([0, 1]);
      expect((await parts.list(queued.id)).map((p) => p.attempts)).toEqual([2, 2]);
    });

    it("retries a part whose worker process was killed mid-part, elsewhere, and counts it once", async () => {
      const { storage, work, job, enqueue, workspace, scenario } = await setup({ expireInSeconds: 2 });
      const queued = await enqueue();
      // The killed process split the job and took a part.
      const killed = await killWorkerMidPart(storage.location, queued.id);
      const ran: number[] = [];
      await work(wholeJob, { split: testSplitter(3, async (_j, part) => void ran.push(part.index)) });
      const done = await until("success", () => job(queued.id), (j) => j.state === "succeeded");
      expect(done.parts).toBe(3);
      expect(value(await storage.analyses.get(workspace.id, scenario.id, 1, REQUEST)).result).toBe('{"merged":[0,10,20]}');
      expect(ran.sort()).toEqual([0, 1, 2]);
      const parts = await storage.jobs.parts.list(queued.id);
      expect(parts[killed]!.attempts).toBe(2);
      expect(parts.filter((_, i) => i !== killed).map((p) => p.attempts)).toEqual([1, 1]);
    });
  },
  ["postgres"], // only the pg-boss queue splits jobs
);

const WORKER = fileURLToPath(new URL("../testing/worker-process.ts", import.meta.url));

/** Starts a worker process that splits jobs in 3 parts, waits until it has started a part of `jobId`, kills it; returns the part's index. */
async function killWorkerMidPart(location: { engine: string; file?: string; url?: string }, jobId: string): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify({ location: { databaseUrl: location.url }, kind: "pg-boss", hang: true, split: 3 })], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.setEncoding("utf8");
  const part = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      const m = new RegExp(`"started":"${jobId}","part":(\\d+)`).exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before starting a part: ${out}`)));
  });
  child.kill("SIGKILL");
  await once(child, "exit");
  return part;
}
