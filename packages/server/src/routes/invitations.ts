/**
 * Team mode: joining by invitation, and the server's administrators. An owner
 * invites an e-mail address with a role and passes on the secret (answered once);
 * the person accepts it — new people choose a name and password, people who have a
 * user accept while logged in. Administrators (`concord user add --admin`) read the
 * users and the whole audit log, logins and tokens included, and reset a user's password.
 */
import { randomBytes } from "node:crypto";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { access, userOf } from "../auth.js";
import type { AppEnv } from "../context.js";
import { problem, storeProblem } from "../problem.js";
import { AcceptBody, AdminAuditQuery, InvitationBody, InvitationParams, PasswordResetBody, UserParams, WorkspaceParams } from "../schemas.js";
import { declare, jsonBody } from "./route.js";

const tag = "members";

const teamOnly = (c: Context<AppEnv>): Response | null =>
  c.get("deps").mode === "team" ? null : problem(404, "team-mode-only", "there are no users in local mode: start the server with --team");

export function invitationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    declare("post", "/api/workspaces/{ws}/invitations", { summary: "Invite an e-mail address to the workspace with a role (owner); the secret that accepts it is in this answer only", tag, status: 201, request: { params: WorkspaceParams, ...jsonBody(InvitationBody) } }),
    async (c) => {
      const off = teamOnly(c);
      if (off) return off;
      const { ws } = c.req.valid("param");
      const allowed = await access(c, ws, "owner");
      if (!allowed.ok) return storeProblem(allowed.error);
      const { email, role, expiresInHours } = c.req.valid("json");
      const r = await c.get("deps").storage.invitations.create(ws, { email, role, ...(expiresInHours !== undefined ? { ttlMs: expiresInHours * 3600_000 } : {}) }, c.get("principal").actor);
      if (!r.ok) return storeProblem(r.error);
      return c.json({ ...r.value, accept: { method: "POST", path: "/api/invitations/accept", body: { token: r.value.token } } }, 201);
    },
  );

  app.openapi(declare("get", "/api/workspaces/{ws}/invitations", { summary: "Invitations not yet accepted, revoked or expired (owner)", tag, request: { params: WorkspaceParams } }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const { ws } = c.req.valid("param");
    const allowed = await access(c, ws, "owner");
    if (!allowed.ok) return storeProblem(allowed.error);
    return c.json({ invitations: await c.get("deps").storage.invitations.pending(ws) }, 200);
  });

  app.openapi(declare("delete", "/api/workspaces/{ws}/invitations/{id}", { summary: "Revoke an invitation (owner)", tag, request: { params: InvitationParams } }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const { ws, id } = c.req.valid("param");
    const allowed = await access(c, ws, "owner");
    if (!allowed.ok) return storeProblem(allowed.error);
    const r = await c.get("deps").storage.invitations.revoke(ws, id, c.get("principal").actor);
    if (!r.ok) return storeProblem(r.error);
    return c.json({ invitation: r.value }, 200);
  });

  app.openapi(
    declare("post", "/api/invitations/accept", { summary: "Accept an invitation: logged in as the invited address, or as a new person with displayName and password (then log in)", tag, request: jsonBody(AcceptBody) }),
    async (c) => {
      const off = teamOnly(c);
      if (off) return off;
      const { token, displayName, password } = c.req.valid("json");
      const me = c.get("principal")?.userId ?? null;
      let as;
      if (me !== null) as = { userId: me };
      else if (displayName !== undefined && password !== undefined) as = { displayName, password };
      else return problem(400, "malformed-request", "json: a new person gives displayName and password; someone who has a user logs in first", { errors: [{ field: "json.displayName", message: "required without a login" }] });
      const r = await c.get("deps").storage.invitations.accept(token, as);
      if (!r.ok) return storeProblem(r.error);
      return c.json(r.value, 200);
    },
  );
}

export function adminRoutes(app: OpenAPIHono<AppEnv>): void {
  /** Local mode's one person administers the server; in team mode, users marked admin. */
  const isAdmin = async (c: Context<AppEnv>): Promise<Response | null> => {
    if (c.get("deps").mode === "local") return null;
    const me = userOf(c);
    if (!me.ok) return storeProblem(me.error);
    const user = await c.get("deps").storage.users.get(me.value);
    if (user.ok && user.value.admin) return null;
    return problem(403, "admin-only", "only the server's administrators may do this (concord user add --admin)");
  };

  app.openapi(declare("get", "/api/admin/audit", { summary: "The whole audit log, newest first: every workspace, and logins, users and tokens (administrators)", tag: "audit", request: { query: AdminAuditQuery } }), async (c) => {
    const denied = await isAdmin(c);
    if (denied) return denied;
    const { workspace, ...q } = c.req.valid("query");
    const entries = await c.get("deps").storage.audit.listAll({ ...q, ...(workspace !== undefined ? { workspaceId: workspace === "none" ? null : workspace } : {}) });
    return c.json({ entries }, 200);
  });

  app.openapi(declare("get", "/api/admin/users", { summary: "Every user of the server (administrators)", tag: "users" }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const denied = await isAdmin(c);
    if (denied) return denied;
    return c.json({ users: await c.get("deps").storage.users.list() }, 200);
  });

  app.openapi(
    declare("post", "/api/admin/users/{id}/password", {
      summary: "Reset a user's password (administrators): the one given, or a random one answered once; every session of theirs ends (API tokens stay)",
      tag: "users",
      request: { params: UserParams, ...jsonBody(PasswordResetBody) },
    }),
    async (c) => {
      const off = teamOnly(c);
      if (off) return off;
      const denied = await isAdmin(c);
      if (denied) return denied;
      const { id } = c.req.valid("param");
      const { newPassword } = c.req.valid("json");
      // 144 random bits, for the administrator to pass on (like an invitation's secret) and the user to change.
      const password = newPassword ?? randomBytes(18).toString("base64url");
      const r = await c.get("deps").storage.users.setPassword(id, password, c.get("principal").actor, { action: "user.reset-password" });
      if (!r.ok) return storeProblem(r.error);
      return c.json({ user: r.value.user, sessionsEnded: r.value.sessionsEnded, ...(newPassword === undefined ? { password } : {}) }, 200, { "cache-control": "no-store" });
    },
  );
}
