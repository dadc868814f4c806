import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { describeEngines } from "../testing/engines.js";
import { error, LOCAL, seedScenario, value } from "../testing/fixtures.js";
import { openTestQueue, queueKinds } from "../testing/queues.js";
import type { Job } from "../types.js";
import type { JobQueue, JobWorker } from "./queue.js";

const STABILITY = { kind: "stability", options: { concepts: ["nash"] } };

/** Polls until `check` holds (jobs move in the background). */
async function until<T>(what: string, read: () => Promise<T>, check: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await sleep(50);
  }
}

/** A promise with its resolve function, for handlers that wait for the test. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

describeEngines("analysis jobs", (engine) => {
  for (const kind of queueKinds(engine.name)) {
    describe(`${kind} queue`, () => {
      const closing: (JobQueue | JobWorker)[] = [];
      afterEach(async () => {
        for (const c of closing.splice(0).reverse()) await ("close" in c ? c.close() : c.stop());
      });
      async function setup() {
        const storage = await engine.open();
        const queue = await openTestQueue(storage, kind);
        closing.push(queue);
        const seeded = await seedScenario(storage);
        const work = async (...args: Parameters<JobQueue["work"]>) => {
          const w = await queue.work(...args);
          closing.push(w);
          return w;
        };
        const job = (id: string) => queue.get(seeded.workspace.id, id).then(value);
        return { storage, queue, work, job, ...seeded };
      }

      it("runs a job once and stores its result as the revision's analysis", async () => {
        const { storage, queue, work, job, workspace, scenario } = await setup();
        const calls: Job[] = [];
        const { job: queued, reused } = value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: "head", ...STABILITY }, { userId: null, via: "local" }));
        expect(reused).toBe(false);
        expect(queued).toMatchObject({ state: "queued", revision: 1, attempts: 0, options: { concepts: ["nash"] } });
        await work(async (j) => {
          calls.push(j);
          return { equilibria: [3] };
        });
        const done = await until("success", () => job(queued.id), (j) => j.state === "succeeded");
        expect(done).toMatchObject({ attempts: 1, progress: 1, error: null });
        expect(calls.map((c) => c.id)).toEqual([queued.id]);
        const analysis = value(await storage.analyses.get(workspace.id, scenario.id, 1, STABILITY));
        expect(analysis).toMatchObject({ id: done.analysisId, jobId: queued.id, result: '{"equilibria":[3]}' });
        expect((await storage.audit.list({ workspaceId: workspace.id, limit: 1 }))[0]).toMatchObject({ action: "job.create", objectId: queued.id });
      });

      it("returns the queued, running or finished job for the same analysis instead of queueing it again", async () => {
        const { storage, queue, work, job, workspace, scenario } = await setup();
        const request = { scenarioId: scenario.id, revision: 1, ...STABILITY };
        const first = value(await queue.enqueue(workspace.id, request, LOCAL)).job;
        // Options in another key order are the same options.
        expect(value(await queue.enqueue(workspace.id, { ...request, options: { concepts: ["nash"] } }, LOCAL))).toMatchObject({ reused: true, job: { id: first.id } });
        let runs = 0;
        await work(async () => ++runs);
        await until("success", () => job(first.id), (j) => j.state === "succeeded");
        expect(value(await queue.enqueue(workspace.id, request, LOCAL))).toMatchObject({ reused: true, job: { id: first.id, state: "succeeded" } });
        // A result computed inline, without a job, also counts.
        value(await storage.analyses.store(workspace.id, scenario.id, 1, { kind: "report", options: {} }, '"inline"'));
        const inline = value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, kind: "report" }, LOCAL));
        expect(inline).toMatchObject({ reused: true, job: { state: "succeeded" } });
        await sleep(300);
        expect(runs).toBe(1);
      });

      it("reports progress while running, and the watch sees it", async () => {
        const { queue, work, workspace, scenario } = await setup();
        const seen = gate();
        const queued = value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, ...STABILITY }, LOCAL)).job;
        await work(async (_j, ctx) => {
          ctx.progress(0.5, "half the states");
          await seen.promise;
          return "done";
        });
        const states: string[] = [];
        for await (const j of queue.watch(workspace.id, queued.id, { intervalMs: 25 })) {
          states.push(`${j.state} ${j.progress}${j.progressMessage ? ` ${j.progressMessage}` : ""}`);
          if (j.progress === 0.5) seen.open();
        }
        expect(states).toContain("running 0.5 half the states");
        expect(states.at(-1)).toBe("succeeded 1 half the states");
      });

      it("cancels a queued job before any worker takes it", async () => {
        const { queue, work, job, workspace, scenario } = await setup();
        const queued = value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, ...STABILITY }, LOCAL)).job;
        expect(value(await queue.cancel(workspace.id, queued.id, LOCAL))).toMatchObject({ state: "cancelled", cancelRequested: true });
        let runs = 0;
        await work(async () => ++runs);
        const other = value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, kind: "other" }, LOCAL)).job;
        await until("the other job", () => job(other.id), (j) => j.state === "succeeded");
        expect(runs).toBe(1);
        expect((await job(queued.id)).state).toBe("cancelled");
        // A cancelled analysis can be queued again.
        expect(value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, ...STABILITY }, LOCAL)).reused).toBe(false);
      });

      it("cancels a running job through its abort signal; no result is stored", async () => {
        const { storage, queue, work, job, workspace, scenario } = await setup();
        const started = gate();
        let aborted = false;
        await work(async (_j, ctx) => {
          started.open();
          await new Promise<void>((resolve) => ctx.signal.addEventListener("abort", () => resolve()));
          aborted = true;
          return "too late";
        });
        const queued = value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, ...STABILITY }, LOCAL)).job;
        await started.promise;
        expect(value(await queue.cancel(workspace.id, queued.id, LOCAL))).toMatchObject({ state: "running", cancelRequested: true });
        expect(await until("cancel", () => job(queued.id), (j) => j.state === "cancelled")).toMatchObject({ analysisId: null });
        expect(aborted).toBe(true);
        expect(error(await storage.analyses.get(workspace.id, scenario.id, 1, STABILITY)).code).toBe("not-found");
      });

      it("fails a job whose handler throws, with the message, without retrying it", async () => {
        const { queue, work, job, workspace, scenario } = await setup();
        let runs = 0;
        await work(async () => {
          runs++;
          throw new Error("model too large: 2^40 states");
        });
        const queued = value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, ...STABILITY }, LOCAL)).job;
        expect(await until("failure", () => job(queued.id), (j) => j.state === "failed")).toMatchObject({ error: "model too large: 2^40 states", attempts: 1 });
        await sleep(300);
        expect(runs).toBe(1);
      });

      it("puts running jobs back in the queue when a worker stops, for another worker to finish", async () => {
        const { queue, work, job, workspace, scenario } = await setup();
        const started = gate();
        const first = await work(async (_j, ctx) => {
          started.open();
          await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve));
          throw new Error("stopped");
        });
        const queued = value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, ...STABILITY }, LOCAL)).job;
        await started.promise;
        await first.stop({ graceMs: 50 });
        const back = await job(queued.id);
        expect(back.state === "queued" || back.state === "running").toBe(true);
        expect(back.error).toBeNull();
        await work(async () => "second worker");
        expect(await until("success", () => job(queued.id), (j) => j.state === "succeeded")).toMatchObject({ attempts: 1 });
      });

      it("shares many jobs between workers, running each exactly once", async () => {
        const { queue, work, job, workspace, scenario } = await setup();
        const runs = new Map<string, number>();
        const handler = async (j: Job) => {
          runs.set(j.id, (runs.get(j.id) ?? 0) + 1);
          await sleep(10);
          return j.kind;
        };
        await work(handler, { concurrency: 2 });
        await work(handler, { concurrency: 2 });
        const ids = [];
        for (let i = 0; i < 12; i++) ids.push(value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, kind: `k${i}` }, LOCAL)).job.id);
        for (const id of ids) await until(`job ${id}`, () => job(id), (j) => j.state === "succeeded");
        expect([...runs.values()]).toEqual(ids.map(() => 1));
        expect(new Set((await queue.list(workspace.id, { states: ["succeeded"] })).map((j) => j.worker)).size).toBeGreaterThanOrEqual(1);
      });

      it("answers a job id from another workspace as not found", async () => {
        const { storage, queue, workspace, scenario } = await setup();
        const other = value(await storage.workspaces.create("Other", LOCAL));
        const queued = value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, ...STABILITY }, LOCAL)).job;
        expect(error(await queue.get(other.id, queued.id))).toMatchObject({ code: "not-found", resource: "job" });
        expect(error(await queue.cancel(other.id, queued.id, LOCAL))).toMatchObject({ code: "not-found", resource: "job" });
        expect(await queue.list(other.id)).toEqual([]);
        expect(error(await queue.enqueue(other.id, { scenarioId: scenario.id, revision: 1, ...STABILITY }, LOCAL))).toMatchObject({ code: "not-found", resource: "scenario" });
        expect(error(await queue.get(workspace.id, randomUUID())).code).toBe("not-found");
      });

      it("retries a job whose worker process was killed mid-job, elsewhere, and stores its result once", async () => {
        const { storage, queue, work, job, workspace, scenario } = await setup();
        const queued = value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, ...STABILITY }, LOCAL)).job;
        await killWorkerMidJob(storage.location, kind, queued.id);
        await work(async () => ({ by: "survivor" }));
        const done = await until("retry", () => job(queued.id), (j) => j.state === "succeeded", 30_000);
        expect(done.attempts).toBe(2);
        expect(value(await storage.analyses.get(workspace.id, scenario.id, 1, STABILITY)).result).toBe('{"by":"survivor"}');
        expect(await storage.db.selectFrom("analyses").select("id").execute()).toHaveLength(1);
      });

      it("gives a job up when its workers keep dying, after its allowed attempts", async () => {
        const { storage, queue, work, job, workspace, scenario } = await setup();
        const queued = value(await queue.enqueue(workspace.id, { scenarioId: scenario.id, revision: 1, ...STABILITY, maxAttempts: 1 }, LOCAL)).job;
        await killWorkerMidJob(storage.location, kind, queued.id);
        let runs = 0;
        await work(async () => ++runs);
        expect(await until("give-up", () => job(queued.id), (j) => j.state === "failed", 30_000)).toMatchObject({ attempts: 1, error: expect.stringMatching(/^given up after 1 attempt/) });
        expect(runs).toBe(0);
      });
    });
  }
});

const WORKER = fileURLToPath(new URL("../testing/worker-process.ts", import.meta.url));

/** Starts a worker process, waits until it has started `jobId`, and kills it with SIGKILL. */
async function killWorkerMidJob(location: { engine: string; file?: string; url?: string }, kind: string, jobId: string): Promise<void> {
  const where = location.engine === "postgres" ? { databaseUrl: location.url } : { file: location.file };
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify({ location: where, kind, hang: true })], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.setEncoding("utf8");
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      if (out.includes(`"started":"${jobId}"`)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before starting the job: ${out}`)));
  });
  child.kill("SIGKILL");
  await once(child, "exit");
}
