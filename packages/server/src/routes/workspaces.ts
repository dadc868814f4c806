/** Workspaces: list those you belong to, create one (you become its owner), read and rename it. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { access } from "../auth.js";
import type { AppEnv } from "../context.js";
import { storeProblem } from "../problem.js";
import { NameBody, WorkspaceParams } from "../schemas.js";
import { declare, jsonBody } from "./route.js";

const json = jsonBody(NameBody);

export function workspaceRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(declare("get", "/api/workspaces", { summary: "The workspaces you are a member of (local mode: all)", tag: "workspaces" }), async (c) => {
    const { storage } = c.get("deps");
    return c.json({ workspaces: await storage.workspaces.list(c.get("principal").userId) }, 200);
  });

  app.openapi(declare("post", "/api/workspaces", { summary: "Create a workspace; you become its owner", tag: "workspaces", request: json, status: 201 }), async (c) => {
    const { storage } = c.get("deps");
    const r = await storage.workspaces.create(c.req.valid("json").name, c.get("principal").actor);
    if (!r.ok) return storeProblem(r.error);
    return c.json({ workspace: r.value }, 201, { location: `/api/workspaces/${r.value.id}` });
  });

  app.openapi(declare("get", "/api/workspaces/{ws}", { summary: "A workspace", tag: "workspaces", request: { params: WorkspaceParams } }), async (c) => {
    const { ws } = c.req.valid("param");
    const allowed = await access(c, ws, "viewer");
    if (!allowed.ok) return storeProblem(allowed.error);
    const r = await c.get("deps").storage.workspaces.get(ws);
    if (!r.ok) return storeProblem(r.error);
    return c.json({ workspace: r.value, role: allowed.value }, 200);
  });

  app.openapi(declare("patch", "/api/workspaces/{ws}", { summary: "Rename a workspace (owner)", tag: "workspaces", request: { params: WorkspaceParams, ...json } }), async (c) => {
    const { ws } = c.req.valid("param");
    const allowed = await access(c, ws, "owner");
    if (!allowed.ok) return storeProblem(allowed.error);
    const r = await c.get("deps").storage.workspaces.rename(ws, c.req.valid("json").name, c.get("principal").actor);
    if (!r.ok) return storeProblem(r.error);
    return c.json({ workspace: r.value }, 200);
  });
}
