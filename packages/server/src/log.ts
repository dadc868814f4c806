/** Structured logs: one JSON line per request (method, path, status, time, who), never a header, body, cookie or token. */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";

export type LogSink = (entry: Readonly<Record<string, unknown>>) => void;

/** Writes each entry as one JSON line. */
export const jsonLines =
  (write: (line: string) => void): LogSink =>
  (entry) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", ...entry })}\n`);

export function requestLog(log: LogSink): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const principal = c.get("principal") as AppEnv["Variables"]["principal"] | undefined;
    log({
      msg: "request",
      method: c.req.method,
      // The path only: query strings are left out (they are not meant for secrets, but may hold e-mail addresses).
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      user: principal?.userId ?? null,
      via: principal?.via ?? null,
    });
  };
}
