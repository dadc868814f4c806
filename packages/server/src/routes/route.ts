/** Helpers shared by the route files: a route declaration with the standard error answers, and the If-Match precondition. */
import { createRoute, z, type RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context.js";
import { problem } from "../problem.js";

type Method = "get" | "post" | "put" | "patch" | "delete";

interface Declared<Req> {
  readonly summary: string;
  readonly tag: string;
  readonly request?: Req;
  /** The success status and what it returns. Default 200. */
  readonly status?: 200 | 201 | 202 | 204;
  readonly returns?: string;
  /** The success answer's media type. Default application/json. */
  readonly mediaType?: string;
}

const PROBLEM = "a problem document (RFC 9457, application/problem+json; see the Problem schema)";

/** A route with its request schemas and the error answers every route can give. */
export function declare<M extends Method, P extends string, Req extends NonNullable<RouteConfig["request"]> = Record<never, never>>(method: M, path: P, d: Declared<Req>) {
  const status = d.status ?? 200;
  return createRoute({
    method,
    path,
    summary: d.summary,
    tags: [d.tag],
    request: (d.request ?? {}) as Req,
    responses: {
      [status]: status === 204 ? { description: d.returns ?? "done" } : { description: d.returns ?? "the object", content: { [d.mediaType ?? "application/json"]: { schema: z.unknown() } } },
      400: { description: `malformed request (bad JSON, unknown field, wrong type): ${PROBLEM}` },
      401: { description: `team mode: not logged in: ${PROBLEM}` },
      403: { description: `your role in the workspace does not allow this, or a missing CSRF header: ${PROBLEM}` },
      404: { description: `no such object here (also for a workspace you are not a member of): ${PROBLEM}` },
      413: { description: `request body too large: ${PROBLEM}` },
      422: { description: `the content is not valid (an invalid scenario, a bad option value): ${PROBLEM}` },
    },
  });
}

/** The revision a write is based on, from `If-Match: "N"`; or the 428/400 answer. */
export function ifMatch(c: Context<AppEnv>): number | Response {
  const header = c.req.header("if-match");
  if (header === undefined) return problem(428, "if-match-required", 'send If-Match with the ETag of the revision your edit is based on (e.g. If-Match: "3"), so that no one else\'s edit is overwritten');
  const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!m) return problem(400, "bad-if-match", `If-Match: expected the ETag of a revision, like "3", found ${JSON.stringify(header)}`);
  return Number(m[1]);
}

/** A JSON request body of this schema. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ body: { content: { "application/json": { schema } }, required: true } });
