/**
 * Every error answer is one RFC 9457 problem document (`application/problem+json`):
 * `type`, `title`, `status`, `detail`, plus members saying what exactly was wrong.
 * Storage errors and the application layer's problems map to statuses here, once.
 */
import { formatProblem, type Problem } from "@concord/app";
import type { StoreError } from "@concord/storage";

export const PROBLEM_TYPE_BASE = "https://concord.invalid/problems/";

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly [member: string]: unknown;
}

const TITLES: Readonly<Record<number, string>> = {
  400: "Bad request",
  401: "Not logged in",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  412: "The scenario has changed",
  413: "Request too large",
  415: "Unsupported media type",
  422: "Invalid content",
  428: "If-Match required",
  429: "Too many attempts",
  500: "Internal error",
  503: "Unavailable",
};

/** A problem document; `slug` names its type (`…/problems/<slug>`). */
export function problemBody(status: number, slug: string, detail: string, extra: Readonly<Record<string, unknown>> = {}): ProblemBody {
  return { type: PROBLEM_TYPE_BASE + slug, title: TITLES[status] ?? "Error", status, detail, ...extra };
}

export function problemResponse(body: ProblemBody, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(body), { status: body.status, headers: { "content-type": "application/problem+json", ...headers } });
}

export function problem(status: number, slug: string, detail: string, extra: Readonly<Record<string, unknown>> = {}, headers: Readonly<Record<string, string>> = {}): Response {
  return problemResponse(problemBody(status, slug, detail, extra), headers);
}

/** A storage error as its HTTP answer: not-found 404, conflict 412 (with the current revision and its ETag), duplicate 409, forbidden 403, validation 422. */
export function storeProblem(error: StoreError): Response {
  switch (error.code) {
    case "not-found":
      return problem(404, "not-found", error.message, { resource: error.resource });
    case "conflict":
      return problem(412, "stale-revision", error.message, { expected: error.expected, current: error.current }, { etag: etagOf(error.current.number) });
    case "duplicate":
      return problem(409, "duplicate", error.message, { field: error.field });
    case "forbidden":
      return problem(403, "forbidden", error.message, { need: error.need, have: error.have });
    case "validation":
      return problem(422, "invalid-value", error.message, { field: error.field });
  }
}

/** The application layer's problems (an invalid scenario, a bad option): 422 with each problem and its one-line form. */
export function appProblem(problems: readonly Problem[], detail = "the request was understood but its content is not valid"): Response {
  const first = problems[0];
  return problem(422, first?.code === "usage" ? "invalid-option" : "invalid-scenario", first ? `${formatProblem(first)}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}` : detail, {
    problems: problems.map((p) => ({ ...p, text: formatProblem(p) })),
  });
}

/** A revision number as a strong ETag. */
export const etagOf = (revision: number): string => `"${revision}"`;
