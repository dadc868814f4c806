/**
 * Who is asking, and may they. Local mode: everyone on this machine is the one
 * user (the server listens on 127.0.0.1 only). Team mode: a session cookie (set by
 * login; unsafe methods must echo the CSRF cookie in `x-csrf-token`) or an API token
 * (`Authorization: Bearer …`). `access` is the one authorization check of every
 * workspace route: a non-member gets 404 as for a workspace that does not exist.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Role, StoreResult } from "@concord/storage";
import { decideAccess, err, notFound, ok } from "@concord/storage";
import type { AppEnv, Principal } from "./context.js";
import { problem } from "./problem.js";

export const SESSION_COOKIE = "concord_session";
export const CSRF_COOKIE = "concord_csrf";
export const CSRF_HEADER = "x-csrf-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const LOCAL: Principal = { actor: { userId: null, via: "local" }, userId: null, via: "local" };

/** Sets `principal`, or answers 401. `open` paths (login, health, the API description) need nobody. */
export function authenticate(open: (path: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get("deps");
    // A page on another site must not drive this server through the user's browser.
    const origin = c.req.header("origin");
    if (origin !== undefined && !SAFE_METHODS.has(c.req.method) && !sameOrigin(origin, c.req.url, c.req.header("host"))) {
      return problem(403, "cross-origin", `requests from ${origin} are not accepted: use the workbench's own address`);
    }
    if (deps.mode === "local") {
      c.set("principal", LOCAL);
      return next();
    }
    // The login and the role in the path's workspace come in one query; `access` uses that role.
    const workspaceId = workspaceOfPath(c.req.path);
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (bearer !== undefined) {
      const found = await deps.storage.apiTokens.authenticate(bearer, workspaceId);
      if (!found) return problem(401, "bad-token", "the API token is unknown, revoked or expired", {}, { "www-authenticate": 'Bearer realm="concord"' });
      c.set("principal", { actor: { userId: found.user.id, via: "token" }, userId: found.user.id, via: "token", ...(found.role ? { role: found.role } : {}) });
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie !== undefined) {
      const found = await deps.storage.sessions.authenticate(cookie, workspaceId);
      if (found) {
        if (!SAFE_METHODS.has(c.req.method)) {
          const csrf = getCookie(c, CSRF_COOKIE);
          if (csrf === undefined || c.req.header(CSRF_HEADER) !== csrf) {
            return problem(403, "csrf", `a request with the session cookie that changes something must carry the ${CSRF_COOKIE} cookie's value in the ${CSRF_HEADER} header`);
          }
        }
        c.set("principal", { actor: { userId: found.user.id, via: "session" }, userId: found.user.id, via: "session", sessionId: found.session.id, ...(found.role ? { role: found.role } : {}) });
        return next();
      }
    }
    if (open(c.req.path)) return next();
    return problem(401, "not-logged-in", "log in first (POST /api/auth/login), or send an API token as Authorization: Bearer <token>", {}, { "www-authenticate": 'Bearer realm="concord"' });
  };
}

/** The workspace id a path under /api/workspaces/{ws} names, decoded as the router decodes it. */
function workspaceOfPath(path: string): string | undefined {
  const raw = /^\/api\/workspaces\/([^/]+)/.exec(path)?.[1];
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function sameOrigin(origin: string, url: string, host: string | undefined): boolean {
  try {
    const o = new URL(origin);
    return o.host === (host ?? new URL(url).host);
  } catch {
    return false;
  }
}

/** The caller's role in the workspace if it is at least `need` (local mode: owner of every workspace that exists). */
export async function access(c: Context<AppEnv>, workspaceId: string, need: Role): Promise<StoreResult<Role>> {
  const { storage, mode } = c.get("deps");
  const principal = c.get("principal");
  if (mode === "local") {
    // Workspaces are never deleted, so one seen once exists for good: no query per request.
    const known = c.get("cache").workspaces;
    if (known.has(workspaceId)) return ok("owner");
    const ws = await storage.workspaces.get(workspaceId);
    if (!ws.ok) return ws;
    known.add(workspaceId);
    return ok("owner");
  }
  if (principal.userId === null) return err({ code: "not-found", resource: "workspace", id: workspaceId, message: `no workspace "${workspaceId}" here` });
  // Read with this request's login (same database, same request), never kept across requests.
  if (principal.role?.workspaceId === workspaceId) return decideAccess(workspaceId, principal.role.role, need);
  return storage.memberships.authorize(workspaceId, principal.userId, need);
}

/** The logged-in user's id, or a not-found for local mode (which has no users). */
export function userOf(c: Context<AppEnv>): StoreResult<string> {
  const id = c.get("principal").userId;
  return id === null ? notFound("user", "me") : ok(id);
}
