/**
 * Analyses as jobs, for large models: queue one (202), follow its progress as
 * server-sent events, cancel it. Workers run them — in this process (SQLite) or in
 * `concord worker` processes (PostgreSQL, pg-boss) — and store each result once;
 * a finished job's result is then the stored analysis (`analysisId`).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "@hono/zod-openapi";
import { JOB_STATES, type JobQueue } from "@concord/storage";
import { access } from "../auth.js";
import type { AppEnv } from "../context.js";
import { problem, storeProblem } from "../problem.js";
import { Id, RunAnalysisBody, ScenarioParams, WorkspaceParams } from "../schemas.js";
import { declare, jsonBody } from "./route.js";

const tag = "jobs";
const JobParams = z.strictObject({ ws: Id, id: Id });
const JobsQuery = z.strictObject({ scenario: Id.optional(), state: z.enum(JOB_STATES).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() });

function queueOf(c: Context<AppEnv>): JobQueue | Response {
  return c.get("deps").jobs ?? problem(503, "no-jobs", "this server runs no job queue: run the analysis directly (POST …/analyses)");
}

export function jobRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    declare("post", "/api/workspaces/{ws}/scenarios/{sc}/jobs", { summary: "Queue an analysis as a job (editor); the same analysis queued, running or done is returned instead", tag, status: 202, request: { params: ScenarioParams, ...jsonBody(RunAnalysisBody) } }),
    async (c) => {
      const { ws, sc } = c.req.valid("param");
      const allowed = await access(c, ws, "editor");
      if (!allowed.ok) return storeProblem(allowed.error);
      const queue = queueOf(c);
      if (queue instanceof Response) return queue;
      const request = c.req.valid("json");
      const r = await queue.enqueue(ws, { scenarioId: sc, revision: request.revision ?? "head", kind: request.kind, options: request.options ?? {} }, c.get("principal").actor);
      if (!r.ok) return storeProblem(r.error);
      return c.json(r.value, 202, { location: `/api/workspaces/${ws}/jobs/${r.value.job.id}` });
    },
  );

  app.openapi(declare("get", "/api/workspaces/{ws}/jobs", { summary: "The workspace's jobs, newest first", tag, request: { params: WorkspaceParams, query: JobsQuery } }), async (c) => {
    const { ws } = c.req.valid("param");
    const allowed = await access(c, ws, "viewer");
    if (!allowed.ok) return storeProblem(allowed.error);
    const queue = queueOf(c);
    if (queue instanceof Response) return queue;
    const q = c.req.valid("query");
    const jobs = await queue.list(ws, { ...(q.scenario !== undefined ? { scenarioId: q.scenario } : {}), ...(q.state !== undefined ? { states: [q.state] } : {}), ...(q.limit !== undefined ? { limit: q.limit } : {}) });
    return c.json({ jobs }, 200);
  });

  app.openapi(declare("get", "/api/workspaces/{ws}/jobs/{id}", { summary: "A job: its state, progress, and when done the stored analysis's id", tag, request: { params: JobParams } }), async (c) => {
    const { ws, id } = c.req.valid("param");
    const allowed = await access(c, ws, "viewer");
    if (!allowed.ok) return storeProblem(allowed.error);
    const queue = queueOf(c);
    if (queue instanceof Response) return queue;
    const r = await queue.get(ws, id);
    if (!r.ok) return storeProblem(r.error);
    return c.json({ job: r.value }, 200);
  });

  app.openapi(
    declare("get", "/api/workspaces/{ws}/jobs/{id}/events", { summary: "The job as server-sent events: a `job` event each time it changes, until it has finished", tag, mediaType: "text/event-stream", request: { params: JobParams } }),
    async (c) => {
      const { ws, id } = c.req.valid("param");
      const allowed = await access(c, ws, "viewer");
      if (!allowed.ok) return storeProblem(allowed.error);
      const queue = queueOf(c);
      if (queue instanceof Response) return queue;
      const first = await queue.get(ws, id);
      if (!first.ok) return storeProblem(first.error);
      return streamSSE(c, async (stream) => {
        const stop = new AbortController();
        stream.onAbort(() => stop.abort());
        for await (const job of queue.watch(ws, id, { signal: stop.signal })) {
          await stream.writeSSE({ event: "job", id: `${job.updatedAt}`, data: JSON.stringify(job) });
        }
      });
    },
  );

  app.openapi(declare("post", "/api/workspaces/{ws}/jobs/{id}/cancel", { summary: "Cancel a queued job, or ask a running one to stop (editor)", tag, request: { params: JobParams } }), async (c) => {
    const { ws, id } = c.req.valid("param");
    const allowed = await access(c, ws, "editor");
    if (!allowed.ok) return storeProblem(allowed.error);
    const queue = queueOf(c);
    if (queue instanceof Response) return queue;
    const r = await queue.cancel(ws, id, c.get("principal").actor);
    if (!r.ok) return storeProblem(r.error);
    return c.json({ job: r.value }, 200);
  });
}
