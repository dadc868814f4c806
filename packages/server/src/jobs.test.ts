import { analyze, inlineRunner } from "@concord/app";
import type { Job, JobQueue, JobWorker } from "@concord/storage";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestQueue } from "../../storage/src/testing/queues.js";
import { analysisJobHandler } from "./analysis.js";
import { describeEngines, openTestServer, problemOf, scenarioText, type TestServer } from "./testing/harness.js";

const PD = scenarioText("prisoners-dilemma.yaml");

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
    s = await openTestServer(engine, "local", {}, async (storage) => (queue = await openTestQueue(storage, engine.name === "postgres" ? "pg-boss" : "in-process")));
    worker = await queue.work(analysisJobHandler(s.storage, inlineRunner));
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
    expect((await s.call("POST", `${path}/jobs`, { json: { kind: "robustness" } })).status).toBe(400);
  });
});
