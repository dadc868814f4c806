/**
 * Scenarios and their history. Every save is a new revision; the ETag of a scenario
 * is its latest revision's number, and a save or restore must name it in If-Match:
 * a stale one gets 412 with the current revision, and nothing is written. Imported
 * and saved texts are checked by the application layer first (an invalid scenario
 * is a 422 listing every problem); export converts with its `convert` use case.
 */
import { detectFormat, validate, convert, type InputFormat } from "@concord/app";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Revision, ScenarioFormat } from "@concord/storage";
import { access } from "../auth.js";
import type { AppEnv } from "../context.js";
import { appProblem, etagOf, problem, storeProblem } from "../problem.js";
import { joinBytes, matchesEtag, utf8 } from "../read-cache.js";
import { CompareQuery, ExportQuery, HistoryQuery, NameBody, NewScenarioBody, RestoreBody, RevisionParams, SaveBody, ScenarioParams, WorkspaceParams } from "../schemas.js";
import { declare, ifMatch, jsonBody } from "./route.js";

const tag = "scenarios";

const MEDIA: Readonly<Record<ScenarioFormat, string>> = { yaml: "application/yaml; charset=utf-8", json: "application/json; charset=utf-8", gmcr: "text/plain; charset=utf-8" };

/** The format of a text sent without one: JSON if it parses as JSON (gmcr when it has gmcr-py's shape), else YAML. */
function formatOf(text: string, given: ScenarioFormat | undefined): ScenarioFormat {
  if (given !== undefined) return given;
  try {
    return detectFormat(undefined, JSON.parse(text)) === "gmcr" ? "gmcr" : "json";
  } catch {
    return "yaml";
  }
}

/** The application layer's check of a scenario text: null when it is valid, else the 422 answer. */
function checkScenario(text: string, format: InputFormat, file: string): Response | null {
  const r = validate({ text, format, file });
  return r.ok ? null : appProblem(r.problems);
}

const CLOSE = utf8("}");

/** A revision with its text, as answers carry it. */
const withEtag = (revision: Revision) => ({ etag: etagOf(revision.number) });

export function scenarioRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(declare("get", "/api/workspaces/{ws}/scenarios", { summary: "The workspace’s scenarios, latest change first", tag: "scenarios", request: { params: WorkspaceParams } }), async (c) => {
    const { ws } = c.req.valid("param");
    const allowed = await access(c, ws, "viewer");
    if (!allowed.ok) return storeProblem(allowed.error);
    return c.json({ scenarios: await c.get("deps").storage.scenarios.list(ws) }, 200);
  });

  app.openapi(
    declare("post", "/api/workspaces/{ws}/scenarios", { summary: "Import a scenario (YAML, JSON or .gmcr text) as its revision 1 (editor)", tag, status: 201, request: { params: WorkspaceParams, ...jsonBody(NewScenarioBody) } }),
    async (c) => {
      const { ws } = c.req.valid("param");
      const allowed = await access(c, ws, "editor");
      if (!allowed.ok) return storeProblem(allowed.error);
      const input = c.req.valid("json");
      const format = formatOf(input.text, input.format);
      const invalid = checkScenario(input.text, format, input.name);
      if (invalid) return invalid;
      const r = await c.get("deps").storage.scenarios.create(ws, { name: input.name, text: input.text, format, message: input.message ?? "Import" }, c.get("principal").actor);
      if (!r.ok) return storeProblem(r.error);
      return c.json(r.value, 201, { ...withEtag(r.value.revision), location: `/api/workspaces/${ws}/scenarios/${r.value.scenario.id}` });
    },
  );

  app.openapi(declare("get", "/api/workspaces/{ws}/scenarios/{sc}", { summary: "A scenario and its latest revision (ETag: the revision number; If-None-Match with it: 304)", tag, request: { params: ScenarioParams } }), async (c) => {
    const { ws, sc } = c.req.valid("param");
    const allowed = await access(c, ws, "viewer");
    if (!allowed.ok) return storeProblem(allowed.error);
    const { storage } = c.get("deps");
    const head = await storage.scenarios.head(ws, sc);
    if (!head.ok) return storeProblem(head.error);
    const { scenario, revisionId } = head.value;
    const etag = etagOf(scenario.headRevision);
    // A client that has the latest revision already gets 304 without the text.
    if (matchesEtag(c.req.header("if-none-match"), etag)) return new Response(null, { status: 304, headers: { etag } });
    // The revision's JSON is kept by its id (revisions never change): a read is one query and no re-serialising of the text.
    let failed: Response | undefined;
    const revision = await c.get("cache").get(`revision:${revisionId}`, async () => {
      const r = await storage.scenarios.revision(ws, sc, scenario.headRevision);
      if (r.ok) return utf8(JSON.stringify(r.value));
      failed = storeProblem(r.error);
      return null;
    });
    if (revision === null) return failed ?? problem(500, "internal", "the revision could not be read");
    const body = joinBytes([utf8(`{"scenario":${JSON.stringify(scenario)},"revision":`), revision, CLOSE]);
    return new Response(body, { status: 200, headers: { "content-type": "application/json", etag } });
  });

  app.openapi(
    declare("put", "/api/workspaces/{ws}/scenarios/{sc}", { summary: "Save a new revision; If-Match names the revision the edit is based on (editor). Stale: 412 with the current revision", tag, request: { params: ScenarioParams, ...jsonBody(SaveBody) } }),
    async (c) => {
      const { ws, sc } = c.req.valid("param");
      const allowed = await access(c, ws, "editor");
      if (!allowed.ok) return storeProblem(allowed.error);
      const expected = ifMatch(c);
      if (expected instanceof Response) return expected;
      const input = c.req.valid("json");
      const { storage } = c.get("deps");
      let format = input.format;
      if (format === undefined) {
        const head = await storage.scenarios.revision(ws, sc, "head");
        if (!head.ok) return storeProblem(head.error);
        format = head.value.format;
      }
      const invalid = checkScenario(input.text, format, sc);
      if (invalid) return invalid;
      const r = await storage.scenarios.save(ws, sc, { expected, text: input.text, format, ...(input.message !== undefined ? { message: input.message } : {}) }, c.get("principal").actor);
      if (!r.ok) return storeProblem(r.error);
      return c.json({ revision: r.value }, 200, withEtag(r.value));
    },
  );

  app.openapi(declare("patch", "/api/workspaces/{ws}/scenarios/{sc}", { summary: "Rename a scenario (editor)", tag, request: { params: ScenarioParams, ...jsonBody(NameBody) } }), async (c) => {
    const { ws, sc } = c.req.valid("param");
    const allowed = await access(c, ws, "editor");
    if (!allowed.ok) return storeProblem(allowed.error);
    const r = await c.get("deps").storage.scenarios.rename(ws, sc, c.req.valid("json").name, c.get("principal").actor);
    if (!r.ok) return storeProblem(r.error);
    return c.json({ scenario: r.value }, 200);
  });

  app.openapi(
    declare("get", "/api/workspaces/{ws}/scenarios/{sc}/export", { summary: "A revision's text, as stored or converted to YAML, JSON or .gmcr", tag, mediaType: "application/yaml", request: { params: ScenarioParams, query: ExportQuery } }),
    async (c) => {
      const { ws, sc } = c.req.valid("param");
      const allowed = await access(c, ws, "viewer");
      if (!allowed.ok) return storeProblem(allowed.error);
      const q = c.req.valid("query");
      const r = await c.get("deps").storage.scenarios.revision(ws, sc, q.revision ?? "head");
      if (!r.ok) return storeProblem(r.error);
      const to = q.format ?? r.value.format;
      let text = r.value.text;
      if (to !== r.value.format) {
        const converted = convert({ text, format: r.value.format, file: sc }, { to });
        if (!converted.ok) return appProblem(converted.problems);
        text = converted.value.text;
      }
      return c.body(text, 200, { "content-type": MEDIA[to], etag: etagOf(r.value.number) });
    },
  );

  app.openapi(declare("get", "/api/workspaces/{ws}/scenarios/{sc}/revisions", { summary: "The history: revisions without their texts, newest first", tag, request: { params: ScenarioParams, query: HistoryQuery } }), async (c) => {
    const { ws, sc } = c.req.valid("param");
    const allowed = await access(c, ws, "viewer");
    if (!allowed.ok) return storeProblem(allowed.error);
    const r = await c.get("deps").storage.scenarios.history(ws, sc, c.req.valid("query"));
    if (!r.ok) return storeProblem(r.error);
    return c.json({ revisions: r.value }, 200);
  });

  app.openapi(declare("get", "/api/workspaces/{ws}/scenarios/{sc}/revisions/{n}", { summary: "One revision with its text", tag, request: { params: RevisionParams } }), async (c) => {
    const { ws, sc, n } = c.req.valid("param");
    const allowed = await access(c, ws, "viewer");
    if (!allowed.ok) return storeProblem(allowed.error);
    const r = await c.get("deps").storage.scenarios.revision(ws, sc, n);
    if (!r.ok) return storeProblem(r.error);
    return c.json({ revision: r.value }, 200);
  });

  app.openapi(declare("get", "/api/workspaces/{ws}/scenarios/{sc}/compare", { summary: "What changed from one revision to another (a line diff)", tag, request: { params: ScenarioParams, query: CompareQuery } }), async (c) => {
    const { ws, sc } = c.req.valid("param");
    const allowed = await access(c, ws, "viewer");
    if (!allowed.ok) return storeProblem(allowed.error);
    const q = c.req.valid("query");
    const r = await c.get("deps").storage.scenarios.compare(ws, sc, q.from, q.to ?? "head", q.context !== undefined ? { context: q.context } : {});
    if (!r.ok) return storeProblem(r.error);
    return c.json({ comparison: r.value }, 200);
  });

  app.openapi(
    declare("post", "/api/workspaces/{ws}/scenarios/{sc}/revisions/{n}/restore", { summary: "Restore revision n as a new revision; If-Match as for a save (editor)", tag, request: { params: RevisionParams, ...jsonBody(RestoreBody) } }),
    async (c) => {
      const { ws, sc, n } = c.req.valid("param");
      const allowed = await access(c, ws, "editor");
      if (!allowed.ok) return storeProblem(allowed.error);
      const expected = ifMatch(c);
      if (expected instanceof Response) return expected;
      const r = await c.get("deps").storage.scenarios.restore(ws, sc, n, expected, c.get("principal").actor, c.req.valid("json").message);
      if (!r.ok) return storeProblem(r.error);
      return c.json({ revision: r.value }, 200, withEtag(r.value));
    },
  );
}
