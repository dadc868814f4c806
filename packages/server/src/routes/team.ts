/**
 * Team mode: logging in and out, API tokens, the members of a workspace and its
 * audit log. Login failures are counted per client address and per e-mail address
 * (in storage, so every server process shares the count): past the limit, 429
 * with Retry-After.
 */
import { randomBytes } from "node:crypto";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { access, CSRF_COOKIE, SESSION_COOKIE, userOf } from "../auth.js";
import type { AppEnv } from "../context.js";
import { problem, storeProblem } from "../problem.js";
import { AuditQuery, LoginBody, MemberBody, MemberParams, PasswordChangeBody, TokenBody, TokenParams, WorkspaceParams } from "../schemas.js";
import { declare, jsonBody } from "./route.js";


const teamOnly = (c: Context<AppEnv>): Response | null =>
  c.get("deps").mode === "team" ? null : problem(404, "team-mode-only", "there are no users in local mode: start the server with --team");

/** The client's address as the socket saw it (a proxy in front makes this the proxy's). */
function clientAddress(c: Context<AppEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? "unknown";
}

function secure(c: Context<AppEnv>): boolean {
  return c.get("deps").secureCookies || new URL(c.req.url).protocol === "https:";
}

/** What failed logins are counted by: the client's address and the e-mail address. */
const attemptKeys = (c: Context<AppEnv>, email: string): string[] => [`address:${clientAddress(c)}`, `email:${email.trim().toLowerCase()}`];

/** The 429 answer when a key has had too many failures in the window, else null. */
async function overLimit(c: Context<AppEnv>, keys: readonly string[]): Promise<Response | null> {
  const { storage, loginLimit } = c.get("deps");
  for (const key of keys) {
    const decision = await storage.loginAttempts.check(key, loginLimit);
    if (!decision.allowed) {
      const seconds = Math.ceil(decision.retryAfterMs / 1000);
      return problem(429, "too-many-logins", `too many failed logins: try again in ${seconds} s`, { retryAfter: seconds }, { "retry-after": String(seconds) });
    }
  }
  return null;
}

export function teamRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(declare("post", "/api/auth/login", { summary: "Log in: sets the session cookie (HttpOnly) and the CSRF cookie; answers the user and the CSRF token", tag: "auth", request: jsonBody(LoginBody) }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const { storage, sessionTtlMs } = c.get("deps");
    const { email, password } = c.req.valid("json");
    const keys = attemptKeys(c, email);
    const limited = await overLimit(c, keys);
    if (limited) return limited;
    const user = await storage.users.verifyCredentials(email, password);
    for (const key of keys) await storage.loginAttempts.record(key, user !== null);
    if (!user) {
      await storage.audit.append({ userId: null, via: "session" }, { workspaceId: null, action: "login.fail", objectType: "user", objectId: email.trim().toLowerCase().slice(0, 254) });
      return problem(401, "bad-credentials", "wrong e-mail address or password");
    }
    const session = await storage.sessions.create(user.id, { ttlMs: sessionTtlMs });
    if (!session.ok) return storeProblem(session.error);
    const csrf = randomBytes(24).toString("base64url");
    const maxAge = Math.floor(sessionTtlMs / 1000);
    setCookie(c, SESSION_COOKIE, session.value.token, { httpOnly: true, sameSite: "Strict", secure: secure(c), path: "/", maxAge });
    setCookie(c, CSRF_COOKIE, csrf, { httpOnly: false, sameSite: "Strict", secure: secure(c), path: "/", maxAge });
    return c.json({ user, csrfToken: csrf, expiresAt: session.value.session.expiresAt }, 200);
  });

  app.openapi(declare("post", "/api/auth/logout", { summary: "Log out: ends the session", tag: "auth", status: 204 }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const token = getCookie(c, SESSION_COOKIE);
    if (token !== undefined) await c.get("deps").storage.sessions.revoke(token);
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: secure(c) });
    deleteCookie(c, CSRF_COOKIE, { path: "/", secure: secure(c) });
    return c.body(null, 204);
  });

  app.openapi(
    declare("post", "/api/auth/password", {
      summary: "Change your password, giving the current one: your other sessions end (API tokens stay). Wrong current passwords count against the login limit (429)",
      tag: "auth",
      request: jsonBody(PasswordChangeBody),
    }),
    async (c) => {
      const off = teamOnly(c);
      if (off) return off;
      const me = userOf(c);
      if (!me.ok) return storeProblem(me.error);
      const { storage } = c.get("deps");
      const user = await storage.users.get(me.value);
      if (!user.ok) return storeProblem(user.error);
      // The same count as logins: this route must not be a way around their limit.
      const keys = attemptKeys(c, user.value.email);
      const limited = await overLimit(c, keys);
      if (limited) return limited;
      const { currentPassword, newPassword } = c.req.valid("json");
      const right = await storage.users.checkPassword(me.value, currentPassword);
      for (const key of keys) await storage.loginAttempts.record(key, right);
      const principal = c.get("principal");
      if (!right) {
        await storage.audit.append(principal.actor, { workspaceId: null, action: "user.change-password.fail", objectType: "user", objectId: me.value });
        return problem(403, "wrong-password", "currentPassword: that is not your current password");
      }
      const r = await storage.users.setPassword(me.value, newPassword, principal.actor, { action: "user.change-password", ...(principal.sessionId !== undefined ? { keepSession: principal.sessionId } : {}) });
      if (!r.ok) return storeProblem(r.error);
      return c.json({ user: r.value.user, sessionsEnded: r.value.sessionsEnded }, 200);
    },
  );

  app.openapi(declare("get", "/api/auth/me", { summary: "Who you are logged in as", tag: "auth" }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const me = userOf(c);
    if (!me.ok) return storeProblem(me.error);
    const user = await c.get("deps").storage.users.get(me.value);
    if (!user.ok) return storeProblem(user.error);
    return c.json({ user: user.value, via: c.get("principal").via }, 200);
  });

  app.openapi(declare("get", "/api/tokens", { summary: "Your API tokens (without their secrets)", tag: "tokens" }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const me = userOf(c);
    if (!me.ok) return storeProblem(me.error);
    return c.json({ tokens: await c.get("deps").storage.apiTokens.list(me.value) }, 200);
  });

  app.openapi(declare("post", "/api/tokens", { summary: "A new API token for scripts: the secret is shown once, in this answer", tag: "tokens", status: 201, request: jsonBody(TokenBody) }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const me = userOf(c);
    if (!me.ok) return storeProblem(me.error);
    const input = c.req.valid("json");
    const r = await c.get("deps").storage.apiTokens.create(me.value, input.name, c.get("principal").actor, input.expiresAt !== undefined ? new Date(input.expiresAt) : undefined);
    if (!r.ok) return storeProblem(r.error);
    return c.json(r.value, 201);
  });

  app.openapi(declare("delete", "/api/tokens/{id}", { summary: "Revoke one of your API tokens", tag: "tokens", request: { params: TokenParams } }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const me = userOf(c);
    if (!me.ok) return storeProblem(me.error);
    const r = await c.get("deps").storage.apiTokens.revoke(me.value, c.req.valid("param").id, c.get("principal").actor);
    if (!r.ok) return storeProblem(r.error);
    return c.json({ apiToken: r.value }, 200);
  });

  app.openapi(declare("get", "/api/workspaces/{ws}/members", { summary: "The workspace's members and their roles", tag: "members", request: { params: WorkspaceParams } }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const { ws } = c.req.valid("param");
    const allowed = await access(c, ws, "viewer");
    if (!allowed.ok) return storeProblem(allowed.error);
    return c.json({ members: await c.get("deps").storage.memberships.list(ws) }, 200);
  });

  app.openapi(declare("put", "/api/workspaces/{ws}/members", { summary: "Add a user (by e-mail) to the workspace or change their role (owner)", tag: "members", request: { params: WorkspaceParams, ...jsonBody(MemberBody) } }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const { ws } = c.req.valid("param");
    const allowed = await access(c, ws, "owner");
    if (!allowed.ok) return storeProblem(allowed.error);
    const { email, role } = c.req.valid("json");
    const { storage } = c.get("deps");
    const user = await storage.users.findByEmail(email);
    if (!user) return problem(404, "not-found", `no user with the address ${JSON.stringify(email)}: the server's administrator adds users with "concord user add"`, { resource: "user" });
    const r = await storage.memberships.grant(ws, user.id, role, c.get("principal").actor);
    if (!r.ok) return storeProblem(r.error);
    return c.json({ membership: r.value }, 200);
  });

  app.openapi(declare("delete", "/api/workspaces/{ws}/members/{userId}", { summary: "Remove a member (owner); a workspace keeps at least one owner", tag: "members", request: { params: MemberParams } }), async (c) => {
    const off = teamOnly(c);
    if (off) return off;
    const { ws, userId } = c.req.valid("param");
    const allowed = await access(c, ws, "owner");
    if (!allowed.ok) return storeProblem(allowed.error);
    const r = await c.get("deps").storage.memberships.revoke(ws, userId, c.get("principal").actor);
    if (!r.ok) return storeProblem(r.error);
    return c.json({ membership: r.value }, 200);
  });

  app.openapi(declare("get", "/api/workspaces/{ws}/audit", { summary: "Who changed what and when in the workspace, newest first (owner)", tag: "audit", request: { params: WorkspaceParams, query: AuditQuery } }), async (c) => {
    const { ws } = c.req.valid("param");
    const allowed = await access(c, ws, "owner");
    if (!allowed.ok) return storeProblem(allowed.error);
    const q = c.req.valid("query");
    return c.json({ entries: await c.get("deps").storage.audit.list({ workspaceId: ws, ...q }) }, 200);
  });
}
