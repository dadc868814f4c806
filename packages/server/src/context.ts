/** What every route sees: the storage, the settings, and who is asking. */
import type { IncomingMessage } from "node:http";
import type { AnalysisRunner } from "@concord/app";
import type { Actor, JobQueue, Role, Storage } from "@concord/storage";
import type { ReadCache } from "./read-cache.js";
import type { StaticFiles } from "./web.js";

export type Mode = "local" | "team";

export interface Principal {
  /** Who acts, as the audit log records it. */
  readonly actor: Actor;
  /** The user, in team mode; null in local mode. */
  readonly userId: string | null;
  /** How they came in: a session cookie (CSRF checks apply), an API token, or local mode. */
  readonly via: "session" | "token" | "local";
  /** The session's id, when the request came with the session cookie (a password change keeps this one). */
  readonly sessionId?: string;
  /** Team mode: the role in the workspace the request's path names, read with the login (null: not a member). */
  readonly role?: { readonly workspaceId: string; readonly role: Role | null };
}

export interface ServerDeps {
  readonly storage: Storage;
  readonly mode: Mode;
  /** The analysis job queue, when this server offers jobs. */
  readonly jobs?: JobQueue;
  /** How analyses run (worker threads in production, inline in tests). */
  readonly runner: AnalysisRunner;
  readonly limits: ServerLimits;
  /** Team mode: how many failed logins per address or e-mail within the window. */
  readonly loginLimit: { readonly maxFailures: number; readonly windowMs: number };
  /** Session lifetime in ms. */
  readonly sessionTtlMs: number;
  /** Mark cookies Secure even when the request came in over plain HTTP (behind a TLS proxy). */
  readonly secureCookies: boolean;
  /** Bytes of serialized revisions and analyses kept for reads (read-cache.ts). Default READ_CACHE_BYTES; 0 keeps none. */
  readonly readCacheBytes?: number;
  /** The web workbench's built files, served outside /api; absent: the server is an API only. */
  readonly web?: StaticFiles;
}

export interface ServerLimits {
  /** Largest request body in bytes. */
  readonly maxBodyBytes: number;
}

export type AppEnv = {
  /** Set by @hono/node-server; absent when a test calls the app directly. */
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    deps: ServerDeps;
    principal: Principal;
    cache: ReadCache;
  };
};
