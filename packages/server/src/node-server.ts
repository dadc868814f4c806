/**
 * The app on a socket: opens storage (running migrations), listens, logs one JSON
 * line per request, and on close stops taking connections, lets requests in flight
 * finish, then closes the database.
 */
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { workerRunner } from "@concord/node";
import { openStorage, type Storage } from "@concord/storage";
import { createApp } from "./app.js";
import type { ServerDeps } from "./context.js";
import { jsonLines, type LogSink } from "./log.js";
import type { Settings } from "./settings.js";

export interface StartOptions {
  readonly settings: Settings;
  /** Where log lines go (default: standard error). */
  readonly write?: (line: string) => void;
  /** An opened storage to use instead of opening the settings' database (tests). */
  readonly storage?: Storage;
  readonly runner?: ServerDeps["runner"];
}

export interface RunningServer {
  /** `http://host:port` */
  readonly url: string;
  readonly storage: Storage;
  /** Stops listening, waits for requests in flight, closes the database. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { settings } = options;
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const log: LogSink = settings.log === "json" ? jsonLines(write) : () => {};
  const storage = options.storage ?? (await openStorage({ databaseUrl: settings.databaseUrl, file: settings.db }));
  const deps: ServerDeps = {
    storage,
    mode: settings.team ? "team" : "local",
    runner: options.runner ?? workerRunner(),
    limits: { maxBodyBytes: settings.maxBodyBytes },
    loginLimit: { maxFailures: settings.loginMaxFailures, windowMs: settings.loginWindowMinutes * 60_000 },
    sessionTtlMs: settings.sessionHours * 3600_000,
    secureCookies: settings.secureCookies,
  };
  const app = createApp(deps, log);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: settings.host, port: settings.port }, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log({ msg: "listening", url, mode: deps.mode, database: storage.describe() });
  let closing: Promise<void> | undefined;
  return {
    url,
    storage,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive connections would hold close() open: end them, let busy ones finish.
          if ("closeIdleConnections" in server) server.closeIdleConnections();
        });
        if (!options.storage) await storage.close();
        log({ msg: "stopped" });
      })()),
  };
}
