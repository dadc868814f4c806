/** Health, the OpenAPI 3.1 document generated from the route schemas, and a reference page that loads nothing from the network. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import { declare } from "./route.js";
import { REFERENCE_PAGE } from "../reference-page.js";

export function systemRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(declare("get", "/api/health", { summary: "Whether the server and its database answer (503 when the database does not)", tag: "system" }), async (c) => {
    const { storage, mode } = c.get("deps");
    const database = await storage.ping();
    return c.json({ status: database ? "ok" : "database unavailable", mode, engine: storage.engine }, database ? 200 : 503);
  });

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Concord workbench API",
      version: "0.1.0",
      description:
        "Workspaces, scenarios with their full history, analyses through the application layer, and (team mode) users, members, API tokens and the audit log. Every error is an RFC 9457 problem document. Writes to a scenario need If-Match with the ETag of the revision they are based on.",
    },
  });

  app.get("/api/docs", (c) => c.html(REFERENCE_PAGE));
}
