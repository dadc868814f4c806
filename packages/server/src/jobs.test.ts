import { analyze, robustness } from "@concord/app";
import { workerRunner } from "@concord/node";
import type { Job, JobQueue, JobWorker } from "@concord/storage";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestQueue } from "../../storage/src/testing/queues.js";
import { analysisJobHandler } from "./analysis.js";
import { liveJobThreads, onJobThread } from "./job-thread.js";
import { describeEngines, estimatesModel, openTestServer, problemOf, scenarioText, type TestServer } from "./testing/harness.js";

const PD = scenarioText("prisoners-dilemma.yaml");

/** Reads `job` events as they arrive until `until` says stop (or the stream ends); returns them. */
async function follow(res: Response, until: (job: Job) => boolean): Promise<Job[]> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const seen: Job[] = [];
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return seen;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split("\n").find((l) => l.startsWith("data: "));
      if (!block.includes("event: job") || !data) continue;
      const job = JSON.parse(data.slice(6)) as Job;
      seen.push(job);
      if (until(job)) {
        await reader.cancel();
        return seen;
      }
    }
  }
}

/** The `job` events of a server-sent event stream, read to its end. */
async function events(res: Response): Promise<Job[]> {
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const text = await res.text();
  return text
    .split("\n\n")
    .filter((block) => block.includes("event: job"))
    .map((block) => JSON.parse(block.split("\n").find((l) => l.startsWith("data: "))!.slice(6)) as Job);
}

describeEngines("analysis jobs", (engine) => {
  let s: TestServer;
  let idle: TestServer;
  let queue: JobQueue;
  let worker: JobWorker;
  let path: string;
  let idlePath: string;

  beforeAll(async () => {
    // On PostgreSQL the pg-boss queue, as `concord worker` uses; on SQLite the in-process one.
    s = await openTestServer(engine, "local", {}, async (storage) => (queue = await openTestQueue(storage, engine.name === "postgres" ? "pg-boss" : "in-process", { expireInSeconds: 120 })));
    // Each job on a thread of its own, as `concord serve` and `concord worker` run them.
    worker = await queue.work(analysisJobHandler(s.storage, onJobThread));
    const ws = ((await (await s.call("POST", "/api/workspaces", { json: { name: "Jobs" } })).json()) as { workspace: { id: string } }).workspace.id;
    const sc = ((await (await s.call("POST", `/api/workspaces/${ws}/scenarios`, { json: { name: "PD", text: PD } })).json()) as { scenario: { id: string } }).scenario.id;
    path = `/api/workspaces/${ws}/scenarios/${sc}`;
    // A server whose queue no worker takes from, to see jobs wait and be cancelled.
    idle = await openTestServer(engine, "local", {}, (storage) => openTestQueue(storage, "in-process"));
    const iws = ((await (await idle.call("POST", "/api/workspaces", { json: { name: "Idle" } })).json()) as { workspace: { id: string } }).workspace.id;
    const isc = ((await (await idle.call("POST", `/api/workspaces/${iws}/scenarios`, { json: { name: "PD", text: PD } })).json()) as { scenario: { id: string } }).scenario.id;
    idlePath = `/api/workspaces/${iws}/scenarios/${isc}`;
  });
  afterAll(async () => {
    await worker.stop();
    await queue.close();
  });

  it("runs a queued analysis, reports it over server-sent events, and stores the result once", async () => {
    const queued = await s.call("POST", `${path}/jobs`, { json: { kind: "analyze", options: { concepts: "nash,gmr" } } });
    expect(queued.status).toBe(202);
    const { job } = (await queued.json()) as { job: Job };
    const ws = path.split("/")[3];
    const seen = await events(await s.call("GET", `/api/workspaces/${ws}/jobs/${job.id}/events`));
    const last = seen.at(-1)!;
    expect(last.state).toBe("succeeded");
    expect(last.analysisId).not.toBeNull();
    const latest = (await (await s.call("GET", `${path}/analyses/analyze/latest`)).json()) as { analysis: { id: string; jobId: string }; result: unknown };
    expect(latest.analysis).toMatchObject({ id: last.analysisId, jobId: job.id });
    const direct = await analyze({ text: PD, format: "yaml" }, { concepts: "nash,gmr" });
    expect(direct.ok && latest.result).toEqual(direct.ok ? JSON.parse(JSON.stringify(direct.value)) : null);
    const again = await s.call("POST", `${path}/jobs`, { json: { kind: "analyze", options: { concepts: "nash,gmr" } } });
    expect(((await again.json()) as { reused: boolean; job: { id: string } })).toMatchObject({ reused: true, job: { id: job.id } });
  });

  it("runs a robustness job and reports its progress in variants, with the use case's result", async () => {
    const ws = path.split("/")[3];
    const text = estimatesModel();
    const sc = ((await (await s.call("POST", `/api/workspaces/${ws}/scenarios`, { json: { name: "Estimates", text } })).json()) as { scenario: { id: string } }).scenario.id;
    const { job } = (await (await s.call("POST", `/api/workspaces/${ws}/scenarios/${sc}/jobs`, { json: { kind: "robustness", options: { variants: 40, seed: 5 } } })).json()) as { job: Job };
    const last = (await events(await s.call("GET", `/api/workspaces/${ws}/jobs/${job.id}/events`))).at(-1)!;
    expect(last).toMatchObject({ state: "succeeded", progress: 1 });
    const stored = (await (await s.call("GET", `/api/workspaces/${ws}/scenarios/${sc}/analyses/robustness/latest`)).json()) as { result: { detail: { variants: number } } };
    const direct = await robustness({ text, format: "json", file: "revision 1" }, { variants: 40, seed: 5 });
    expect(direct.ok && stored.result).toEqual(direct.ok ? JSON.parse(JSON.stringify(direct.value)) : null);
    expect(stored.result.detail.variants).toBe(40);
  });

  it("streams a long job's progress, and cancelling it ends the computation, not only the waiting", async () => {
    const ws = path.split("/")[3];
    const sc = ((await (await s.call("POST", `/api/workspaces/${ws}/scenarios`, { json: { name: "Long", text: estimatesModel() } })).json()) as { scenario: { id: string } }).scenario.id;
    // 500,000 variants of ~7 ms each: many minutes of work on two threads.
    const { job } = (await (await s.call("POST", `/api/workspaces/${ws}/scenarios/${sc}/jobs`, { json: { kind: "robustness", options: { variants: 500_000 } } })).json()) as { job: Job };
    const seen = await follow(await s.call("GET", `/api/workspaces/${ws}/jobs/${job.id}/events`), (j) => j.state === "running" && j.progress > 0);
    const running = seen.at(-1)!;
    expect(running.progress).toBeGreaterThan(0);
    expect(running.progress).toBeLessThan(0.5);
    expect(running.progressMessage).toMatch(/^\d+ of 500000 variants analysed$/);
    expect(liveJobThreads()).toBe(1);
    const busy = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 1000));
    const busyCpu = process.cpuUsage(busy);

    const cancelled = await s.call("POST", `/api/workspaces/${ws}/jobs/${job.id}/cancel`);
    expect(cancelled.status).toBe(200);
    const end = (await events(await s.call("GET", `/api/workspaces/${ws}/jobs/${job.id}/events`))).at(-1)!;
    expect(end.state).toBe("cancelled");
    expect(end.progress).toBeLessThan(0.5);
    // The thread (and the robustness threads it started) ended: this process stops computing.
    await expect.poll(liveJobThreads, { timeout: 5000 }).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    const idleFrom = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 1000));
    const idleCpu = process.cpuUsage(idleFrom);
    expect(idleCpu.user + idleCpu.system).toBeLessThan((busyCpu.user + busyCpu.system) / 4);
    expect((await (await s.call("GET", `/api/workspaces/${ws}/scenarios/${sc}/analyses/robustness/latest`)).json()) as object).toMatchObject({ status: 404 });
  });

  it("stops a robustness analysis run directly when its client goes away", async () => {
    const direct = await openTestServer(engine, "local", { runner: workerRunner({ threads: 2, force: true }) });
    const ws = ((await (await direct.call("POST", "/api/workspaces", { json: { name: "Direct" } })).json()) as { workspace: { id: string } }).workspace.id;
    const sc = ((await (await direct.call("POST", `/api/workspaces/${ws}/scenarios`, { json: { name: "Long", text: estimatesModel() } })).json()) as { scenario: { id: string } }).scenario.id;
    const client = new AbortController();
    const started = performance.now();
    const answer = direct.call("POST", `/api/workspaces/${ws}/scenarios/${sc}/analyses`, { json: { kind: "robustness", options: { variants: 500_000 } }, signal: client.signal });
    setTimeout(() => client.abort(), 1500);
    // Minutes of work if it ran on; it ends soon after the client left.
    expect((await answer).status).toBe(408);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect((await direct.call("GET", `/api/workspaces/${ws}/scenarios/${sc}/analyses/robustness/latest`)).status).toBe(404);
  });

  it("fails a job whose options the use case rejects, with the use case's message", async () => {
    const { job } = (await (await s.call("POST", `${path}/jobs`, { json: { kind: "status-quo", options: { from: 999 } } })).json()) as { job: Job };
    const ws = path.split("/")[3];
    const last = (await events(await s.call("GET", `/api/workspaces/${ws}/jobs/${job.id}/events`))).at(-1)!;
    expect(last.state).toBe("failed");
    expect(last.error).toContain("999");
  });

  it("cancels a queued job", async () => {
    const { job } = (await (await idle.call("POST", `${idlePath}/jobs`, { json: { kind: "analyze" } })).json()) as { job: Job };
    expect(job.state).toBe("queued");
    const ws = idlePath.split("/")[3];
    const cancelled = await idle.call("POST", `/api/workspaces/${ws}/jobs/${job.id}/cancel`);
    expect(((await cancelled.json()) as { job: Job }).job.state).toBe("cancelled");
    const seen = await events(await idle.call("GET", `/api/workspaces/${ws}/jobs/${job.id}/events`));
    expect(seen.map((j) => j.state)).toEqual(["cancelled"]);
    const listed = (await (await idle.call("GET", `/api/workspaces/${ws}/jobs?state=cancelled`)).json()) as { jobs: Job[] };
    expect(listed.jobs.map((j) => j.id)).toEqual([job.id]);
  });

  it("answers 503 when the server runs no queue, and 400 for a job Concord does not know", async () => {
    const none = await openTestServer(engine, "local");
    const res = await none.call("POST", `/api/workspaces/x/scenarios/y/jobs`, { json: { kind: "analyze" } });
    expect(res.status).toBe(404);
    const ws = ((await (await none.call("POST", "/api/workspaces", { json: { name: "No jobs" } })).json()) as { workspace: { id: string } }).workspace.id;
    const unavailable = await none.call("GET", `/api/workspaces/${ws}/jobs`);
    expect(unavailable.status).toBe(503);
    await problemOf(unavailable);
    expect((await s.call("POST", `${path}/jobs`, { json: { kind: "tea-leaves" } })).status).toBe(400);
    expect((await s.call("POST", `${path}/jobs`, { json: { kind: "stabilize" } })).status).toBe(400);
  });
});
