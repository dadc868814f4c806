// One robustness job shared by two workers on the PostgreSQL queue: split into ranges of
// variants, counted wherever, merged into exactly the result of the unsplit analysis.
import { robustness } from "@concord/app";
import type { Job, JobQueue, JobWorker, Storage } from "@concord/storage";
import { afterAll, beforeAll, expect, it } from "vitest";
import { LOCAL, value } from "../../storage/src/testing/fixtures.js";
import { openTestQueue } from "../../storage/src/testing/queues.js";
import { analysisJobHandler } from "./analysis.js";
import { analysisSplitter } from "./job-split.js";
import { liveJobThreads, onJobThread } from "./job-thread.js";
import { describeEngines, estimatesModel } from "./testing/harness.js";

describeEngines(
  "a robustness job split over workers",
  (engine) => {
    let storage: Storage;
    let queue: JobQueue;
    const workers: JobWorker[] = [];
    let workspaceId: string;
    let scenarioId: string;
    const text = estimatesModel();

    beforeAll(async () => {
      storage = await engine.open();
      // Parts of a few seconds on a loaded machine: well inside pg-boss's expiry, so none is handed out twice.
      queue = await openTestQueue(storage, "pg-boss", { expireInSeconds: 300 });
      // Each part on a thread of its own, as `concord worker` runs them; parts of at least 10 variants, at most 3.
      const split = analysisSplitter(storage, onJobThread, { minVariants: 10, maxParts: 3 });
      for (let i = 0; i < 2; i++) workers.push(await queue.work(analysisJobHandler(storage, onJobThread), { split }));
      workspaceId = value(await storage.workspaces.create("Split", LOCAL)).id;
      scenarioId = value(await storage.scenarios.create(workspaceId, { name: "Estimates", text, format: "json" }, LOCAL)).scenario.id;
    });
    afterAll(async () => {
      for (const w of workers) await w.stop();
      await queue.close();
    });

    async function finished(options: object): Promise<{ job: Job; result: unknown }> {
      const { job } = value(await queue.enqueue(workspaceId, { scenarioId, revision: 1, kind: "robustness", options }, LOCAL));
      for (const end = Date.now() + 240_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
        const now = value(await queue.get(workspaceId, job.id));
        if (now.state === "succeeded") return { job: now, result: JSON.parse(value(await storage.analyses.get(workspaceId, scenarioId, 1, { kind: "robustness", options })).result) as unknown };
        if (now.state === "failed" || now.state === "cancelled") throw new Error(`job ${now.state}: ${now.error}`);
      }
      throw new Error("the job did not finish in 4 minutes");
    }

    it("gives the unsplit analysis's result for the same seed and variants, from 3 parts", async () => {
      const options = { variants: 45, seed: 9 };
      const { job, result } = await finished(options);
      expect(job.parts).toBe(3);
      const parts = await storage.jobs.parts.list(job.id);
      expect(parts.map((p) => `${p.state} ${p.size}`)).toEqual(["done 15", "done 15", "done 15"]);
      const unsplit = await robustness({ text, format: "json", file: "revision 1" }, options);
      if (!unsplit.ok) throw new Error("the unsplit analysis failed");
      expect(result).toEqual(JSON.parse(JSON.stringify(unsplit.value)));
      // Not a trivial agreement: another seed gives other shares.
      const other = await robustness({ text, format: "json", file: "revision 1" }, { variants: 45, seed: 10 });
      expect(other.ok && other.value.detail.states).not.toEqual(unsplit.value.detail.states);
    });

    it("streams the job's progress summed over its running parts, and cancelling it ends their threads", async () => {
      // 300,000 variants in 3 parts: many minutes of work.
      const { job } = value(await queue.enqueue(workspaceId, { scenarioId, revision: 1, kind: "robustness", options: { variants: 300_000 } }, LOCAL));
      const seen: Job[] = [];
      // What …/jobs/{id}/events streams.
      for await (const j of queue.watch(workspaceId, job.id, { intervalMs: 100 })) {
        seen.push(j);
        if (j.state === "running" && j.parts === 3 && j.progress > 0 && liveJobThreads() === 2) break;
      }
      const running = seen.at(-1)!;
      expect(running.progressMessage).toMatch(/^\d+ of 300000 variants analysed$/);
      expect(running.progress).toBeLessThan(0.5);
      expect((await storage.jobs.parts.list(job.id)).filter((p) => p.state === "running")).toHaveLength(2);
      expect(value(await queue.cancel(workspaceId, job.id, LOCAL)).state).toBe("cancelled");
      // Both parts' threads end at their next heartbeat; the third part never starts.
      await expect.poll(liveJobThreads, { timeout: 10_000 }).toBe(0);
      await new Promise((r) => setTimeout(r, 1500));
      expect(liveJobThreads()).toBe(0);
      expect((await storage.jobs.parts.list(job.id)).map((p) => p.state)).toEqual(["queued", "queued", "queued"]);
      expect(value(await queue.get(workspaceId, job.id))).toMatchObject({ state: "cancelled", analysisId: null });
    });

    it("runs a job of too few variants to share whole", async () => {
      const options = { variants: 12, seed: 9 };
      const { job, result } = await finished(options);
      expect(job.parts).toBeNull();
      const unsplit = await robustness({ text, format: "json", file: "revision 1" }, options);
      expect(unsplit.ok && result).toEqual(JSON.parse(JSON.stringify(unsplit.ok ? unsplit.value : null)));
    });
  },
  ["postgres"], // only the pg-boss queue splits jobs
);
