/**
 * The workbench server as one Hono app — a plain `Request → Response` function —
 * over storage and the application layer. Tests call `app.request()` without a
 * socket; node-server.ts puts it on one. Every error is a problem document
 * (problem.ts); an unexpected exception is logged and answered 500 without details.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { authenticate } from "./auth.js";
import type { AppEnv, ServerDeps } from "./context.js";
import { requestLog, type LogSink } from "./log.js";
import { problem } from "./problem.js";
import { READ_CACHE_BYTES, ReadCache } from "./read-cache.js";
import { analysisRoutes } from "./routes/analyses.js";
import { adminRoutes, invitationRoutes } from "./routes/invitations.js";
import { jobRoutes } from "./routes/jobs.js";
import { scenarioRoutes } from "./routes/scenarios.js";
import { systemRoutes } from "./routes/system.js";
import { teamRoutes } from "./routes/team.js";
import { workspaceRoutes } from "./routes/workspaces.js";
import { ProblemSchema } from "./schemas.js";
import { webApp } from "./web.js";

/** Paths anyone may call in team mode: logging in, accepting an invitation (a new person has no login yet), health, and the API's description. */
const OPEN_PATHS = new Set(["/api/auth/login", "/api/invitations/accept", "/api/health", "/openapi.json", "/api/docs"]);

const NO_BODY = new Set(["GET", "HEAD"]);

export function createApp(deps: ServerDeps, log: LogSink = () => {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // A request that does not fit its schema (wrong type, unknown field, missing value): 400 naming each field.
    defaultHook: (result) => {
      if (result.success) return;
      const errors = result.error.issues.map((i) => ({ field: [result.target, ...i.path.map(String)].join("."), message: i.message }));
      const first = errors[0];
      return problem(400, "malformed-request", first ? `${first.field}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}` : "the request does not fit its schema", { errors });
    },
  });

  const cache = new ReadCache(deps.readCacheBytes ?? READ_CACHE_BYTES);
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    c.set("cache", cache);
    await next();
  });
  app.use("*", requestLog(log));
  const limitBody = bodyLimit({
    maxSize: deps.limits.maxBodyBytes,
    onError: () => problem(413, "too-large", `the request body is larger than the limit of ${deps.limits.maxBodyBytes} bytes (--max-body)`),
  });
  // GET and HEAD get no body (the Fetch API has none for them); asking would build a whole Fetch Request per read.
  app.use("*", (c, next) => (NO_BODY.has(c.req.method) ? next() : limitBody(c, next)));
  app.use("/api/*", async (c, next) => {
    if (NO_BODY.has(c.req.method)) return next();
    const type = c.req.header("content-type");
    const hasBody = c.req.header("content-length") !== undefined ? c.req.header("content-length") !== "0" : c.req.raw.body !== null;
    if (hasBody && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type ?? "")) {
      return problem(415, "json-only", `send the request body as JSON (Content-Type: application/json), not ${type ?? "without a Content-Type"}`);
    }
    return next();
  });
  // The workbench's pages and assets load before any login (team mode logs in from the page).
  if (deps.web) app.use("*", webApp(deps.web));
  app.use("*", authenticate((path) => OPEN_PATHS.has(path)));

  workspaceRoutes(app);
  scenarioRoutes(app);
  analysisRoutes(app);
  jobRoutes(app);
  teamRoutes(app);
  invitationRoutes(app);
  adminRoutes(app);
  systemRoutes(app);

  app.openAPIRegistry.register("Problem", ProblemSchema);
  // Team mode: an API token, or the session cookie (with the X-CSRF-Token header on writes).
  app.openAPIRegistry.registerComponent("securitySchemes", "apiToken", { type: "http", scheme: "bearer", description: "an API token (POST /api/tokens)" });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "concord_session", description: "set by POST /api/auth/login; writes also need the X-CSRF-Token header" });
  app.notFound((c) => problem(404, "no-route", `no route ${c.req.method} ${c.req.path}: see /openapi.json`));
  app.onError((e, c) => {
    if (e instanceof HTTPException && e.status < 500) {
      // The body parser's own errors (e.g. "Malformed JSON in request body").
      return problem(e.status, "malformed-request", e.message || "malformed request");
    }
    log({ level: "error", msg: "unexpected error", method: c.req.method, path: c.req.path, error: e instanceof Error ? e.message : String(e) });
    return problem(500, "internal", "the server failed on this request; it was logged");
  });
  return app;
}
