/**
 * Analyses of a revision, through the application layer's use cases (analyze,
 * status quo, brief, robustness, sensitivity, stabilize) — the same JSON the CLI prints with --json. A result is stored
 * once per (revision, kind, options): asking again returns the stored one.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Analysis, AnalysisHead } from "@concord/storage";
import { access } from "../auth.js";
import type { AppEnv } from "../context.js";
import { appProblem, problem, storeProblem } from "../problem.js";
import { AnalysisParams, RunAnalysisBody, ScenarioParams } from "../schemas.js";
import { runAnalysis } from "../analysis.js";
import { matchesEtag, utf8 } from "../read-cache.js";
import { declare, jsonBody } from "./route.js";

const tag = "analyses";

export function analysisRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    declare("post", "/api/workspaces/{ws}/scenarios/{sc}/analyses", {
      summary: "Run an analysis of a revision (editor): analyze, status-quo, brief, report, robustness, sensitivity or stabilize, with the CLI's options (long ones belong in a job); stored once, 201 when new, 200 when it was stored already",
      tag,
      status: 201,
      request: { params: ScenarioParams, ...jsonBody(RunAnalysisBody) },
    }),
    async (c) => {
      const { ws, sc } = c.req.valid("param");
      const allowed = await access(c, ws, "editor");
      if (!allowed.ok) return storeProblem(allowed.error);
      const request = c.req.valid("json");
      const { storage } = c.get("deps");
      const revision = await storage.scenarios.revision(ws, sc, request.revision ?? "head");
      if (!revision.ok) return storeProblem(revision.error);
      const key = { kind: request.kind, options: request.options ?? {} };
      const existing = await storage.analyses.get(ws, sc, revision.value.number, key);
      if (existing.ok) return answer(existing.value, false, 200);
      // A client that goes away stops robustness and sensitivity (their worker threads end).
      const signal = c.req.raw.signal;
      const result = await runAnalysis(request, revision.value, c.get("deps").runner, { signal }).catch((e: unknown) => {
        if (signal.aborted) return null; // nobody is waiting for the answer
        throw e;
      });
      if (result === null) return problem(408, "client-gone", "the request was abandoned before the analysis finished");
      if (!result.ok) return appProblem(result.problems);
      const stored = await storage.analyses.store(ws, sc, revision.value.number, key, JSON.stringify(result.value));
      if (!stored.ok) return storeProblem(stored.error);
      return answer(stored.value.analysis, stored.value.stored, stored.value.stored ? 201 : 200);
    },
  );

  app.openapi(
    declare("get", "/api/workspaces/{ws}/scenarios/{sc}/analyses/{kind}/latest", { summary: "The latest stored analysis of this kind (of the newest revision that has one)", tag, request: { params: AnalysisParams } }),
    async (c) => {
      const { ws, sc, kind } = c.req.valid("param");
      const allowed = await access(c, ws, "viewer");
      if (!allowed.ok) return storeProblem(allowed.error);
      const { storage } = c.get("deps");
      const head = await storage.analyses.latestHead(ws, sc, kind);
      if (!head.ok) return storeProblem(head.error);
      // A stored analysis never changes: its id is a strong ETag, and its answer is kept serialized by that id.
      const etag = `"${head.value.id}"`;
      if (matchesEtag(c.req.header("if-none-match"), etag)) return new Response(null, { status: 304, headers: { etag } });
      const body = await c.get("cache").get(`analysis:${head.value.id}`, async () => {
        const result = await storage.analyses.resultOf(head.value.id);
        return result === null ? null : utf8(answerText(head.value, result, false));
      });
      if (body === null) return problem(404, "not-found", `no analysis ${head.value.id}`, { resource: "analysis" });
      return new Response(body, { status: 200, headers: { "content-type": "application/json", etag } });
    },
  );
}

/** The stored result goes out as stored, without parsing it again (reads of a large analysis stay cheap). */
function answer(a: Analysis, computedNow: boolean, status: number): Response {
  return new Response(answerText(a, a.result, computedNow), { status, headers: { "content-type": "application/json" } });
}

function answerText(a: AnalysisHead, result: string, computedNow: boolean): string {
  const meta = { id: a.id, kind: a.kind, revision: a.revision, optionsHash: a.optionsHash, createdAt: a.createdAt, jobId: a.jobId, computedNow };
  return `{"analysis":${JSON.stringify(meta)},"result":${result}}`;
}
