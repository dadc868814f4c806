/**
 * A small typed client over the workbench server's HTTP API (docs/api.md): workspaces,
 * scenarios and their revisions, export, and analyses through the application layer.
 * Every failure is an ApiError carrying the server's problem document (RFC 9457).
 * Same origin only: the page is served by the server it talks to.
 */
import type { BriefResult, ReportResult } from "@concord/app";

export type ScenarioFormat = "yaml" | "json" | "gmcr";

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface Scenario {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  /** The latest revision's number (the scenario's ETag). */
  readonly headRevision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RevisionSummary {
  readonly number: number;
  readonly format: ScenarioFormat;
  readonly message: string;
  readonly createdAt: string;
  readonly size: number;
  readonly restoredFrom: number | null;
}

export interface Revision extends RevisionSummary {
  readonly text: string;
}

export interface Comparison {
  readonly from: RevisionSummary;
  readonly to: RevisionSummary;
  readonly text: {
    readonly identical: boolean;
    readonly complete: boolean;
    readonly added: number;
    readonly removed: number;
    readonly unified: string;
    readonly hunks: readonly { readonly oldStart: number; readonly newStart: number; readonly lines: readonly string[] }[];
  };
}

/** An RFC 9457 problem document, as every error answer carries. */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly problems?: readonly { readonly message: string; readonly text?: string; readonly line?: number; readonly column?: number; readonly path?: readonly (string | number)[] }[];
  readonly [member: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: ProblemDocument) {
    super(problem.detail || problem.title);
  }
}

export type AnalysisKind = "analyze" | "status-quo" | "brief" | "report" | "robustness" | "sensitivity" | "stabilize";

export type JobState = "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** An analysis job on the server (docs/server.md, "Analysis jobs"). */
export interface Job {
  readonly id: string;
  readonly scenarioId: string;
  readonly revision: number;
  readonly kind: string;
  readonly options: unknown;
  readonly state: JobState;
  /** 0..1 */
  readonly progress: number;
  readonly progressMessage: string | null;
  readonly error: string | null;
  readonly cancelRequested: boolean;
  readonly analysisId: string | null;
  readonly updatedAt: string;
}

export interface StoredAnalysis<T> {
  readonly analysis: { readonly id: string; readonly kind: AnalysisKind; readonly revision: number; readonly createdAt: string; readonly computedNow: boolean };
  readonly result: T;
}

export interface BriefRequestOptions {
  readonly asOf?: string;
  readonly since?: string;
  readonly format?: "html" | "md";
}

async function call<T>(method: string, path: string, init: { body?: unknown; ifMatch?: number } = {}): Promise<{ value: T; etag: string | null }> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.ifMatch !== undefined) headers["if-match"] = `"${init.ifMatch}"`;
  // Team mode: a request that changes something echoes the session's CSRF cookie (double submit).
  const csrf = method !== "GET" ? csrfToken() : undefined;
  if (csrf !== undefined) headers["x-csrf-token"] = csrf;
  const response = await fetch(path, { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok) {
    const problem: ProblemDocument = type.includes("json")
      ? ((await response.json()) as ProblemDocument)
      : { type: "about:blank", title: response.statusText, status: response.status, detail: `${method} ${path}: ${response.status} ${response.statusText}` };
    throw new ApiError(problem);
  }
  const value = (type.includes("json") ? await response.json() : await response.text()) as T;
  return { value, etag: response.headers.get("etag") };
}

/** The CSRF cookie a team-mode login sets (`concord_csrf`), if any. */
function csrfToken(): string | undefined {
  const found = document.cookie.split("; ").find((c) => c.startsWith("concord_csrf="));
  return found ? decodeURIComponent(found.slice("concord_csrf=".length)) : undefined;
}

const enc = encodeURIComponent;
const scenarioPath = (ws: string, sc: string): string => `/api/workspaces/${enc(ws)}/scenarios/${enc(sc)}`;

export const api = {
  async health(): Promise<{ status: string; mode: "local" | "team" }> {
    return (await call<{ status: string; mode: "local" | "team" }>("GET", "/api/health")).value;
  },
  /** Team mode: logs in (the server sets the session and CSRF cookies); a wrong e-mail or password is a 401 ApiError, too many tries a 429. */
  async login(email: string, password: string): Promise<{ user: { readonly displayName?: string; readonly email: string } }> {
    return (await call<{ user: { displayName?: string; email: string } }>("POST", "/api/auth/login", { body: { email, password } })).value;
  },
  /** Team mode: who is logged in (local mode has no users: a 404). */
  async me(): Promise<{ user: { readonly displayName: string; readonly email: string } }> {
    return (await call<{ user: { displayName: string; email: string } }>("GET", "/api/auth/me")).value;
  },
  /** Team mode: a new password for the logged-in user; the server ends their other sessions. A wrong current password is a 403, too many tries a 429. */
  async changePassword(currentPassword: string, newPassword: string): Promise<{ sessionsEnded: number }> {
    return (await call<{ sessionsEnded: number }>("POST", "/api/auth/password", { body: { currentPassword, newPassword } })).value;
  },
  async workspaces(): Promise<Workspace[]> {
    return (await call<{ workspaces: Workspace[] }>("GET", "/api/workspaces")).value.workspaces;
  },
  async createWorkspace(name: string): Promise<Workspace> {
    return (await call<{ workspace: Workspace }>("POST", "/api/workspaces", { body: { name } })).value.workspace;
  },
  async scenarios(ws: string): Promise<Scenario[]> {
    return (await call<{ scenarios: Scenario[] }>("GET", `/api/workspaces/${enc(ws)}/scenarios`)).value.scenarios;
  },
  async scenario(ws: string, sc: string): Promise<{ scenario: Scenario; revision: Revision }> {
    return (await call<{ scenario: Scenario; revision: Revision }>("GET", scenarioPath(ws, sc))).value;
  },
  /** Imports a scenario text (YAML, JSON or .gmcr) as a new scenario's revision 1; an invalid one is an ApiError listing its problems. */
  async importScenario(ws: string, input: { name: string; text: string; format?: ScenarioFormat; message?: string }): Promise<{ scenario: Scenario; revision: RevisionSummary }> {
    return (await call<{ scenario: Scenario; revision: RevisionSummary }>("POST", `/api/workspaces/${enc(ws)}/scenarios`, { body: input })).value;
  },
  /** Saves a new revision based on revision `base` (a stale base is a 412 ApiError). */
  async save(ws: string, sc: string, base: number, input: { text: string; format?: ScenarioFormat; message?: string }): Promise<RevisionSummary> {
    return (await call<{ revision: RevisionSummary }>("PUT", scenarioPath(ws, sc), { body: input, ifMatch: base })).value.revision;
  },
  async history(ws: string, sc: string, limit = 200): Promise<RevisionSummary[]> {
    return (await call<{ revisions: RevisionSummary[] }>("GET", `${scenarioPath(ws, sc)}/revisions?limit=${limit}`)).value.revisions;
  },
  async revision(ws: string, sc: string, n: number): Promise<Revision> {
    return (await call<{ revision: Revision }>("GET", `${scenarioPath(ws, sc)}/revisions/${n}`)).value.revision;
  },
  async compare(ws: string, sc: string, from: number, to?: number): Promise<Comparison> {
    return (await call<{ comparison: Comparison }>("GET", `${scenarioPath(ws, sc)}/compare?from=${from}${to !== undefined ? `&to=${to}` : ""}`)).value.comparison;
  },
  async restore(ws: string, sc: string, n: number, base: number, message?: string): Promise<RevisionSummary> {
    return (await call<{ revision: RevisionSummary }>("POST", `${scenarioPath(ws, sc)}/revisions/${n}/restore`, { body: message !== undefined ? { message } : {}, ifMatch: base })).value.revision;
  },
  /** A revision's text, as stored or converted. */
  async exportText(ws: string, sc: string, options: { format?: ScenarioFormat; revision?: number } = {}): Promise<string> {
    const q = new URLSearchParams();
    if (options.format) q.set("format", options.format);
    if (options.revision !== undefined) q.set("revision", String(options.revision));
    return (await call<string>("GET", `${scenarioPath(ws, sc)}/export${q.size ? `?${q}` : ""}`)).value;
  },
  /** Runs (or fetches the stored) analysis of a revision through the application layer. */
  async analysis<T>(ws: string, sc: string, kind: AnalysisKind, options: Record<string, unknown> = {}, revision?: number): Promise<StoredAnalysis<T>> {
    return (await call<StoredAnalysis<T>>("POST", `${scenarioPath(ws, sc)}/analyses`, { body: { kind, options, ...(revision !== undefined ? { revision } : {}) } })).value;
  },
  /** Queues an analysis as a server job (the same one queued, running or done is returned instead). */
  async startJob(ws: string, sc: string, kind: AnalysisKind, options: Record<string, unknown> = {}, revision?: number): Promise<Job> {
    return (await call<{ job: Job }>("POST", `${scenarioPath(ws, sc)}/jobs`, { body: { kind, options, ...(revision !== undefined ? { revision } : {}) } })).value.job;
  },
  /** Asks the server to stop a job (a queued one is dropped, a running one ends at its next heartbeat). */
  async cancelJob(ws: string, id: string): Promise<Job> {
    return (await call<{ job: Job }>("POST", `/api/workspaces/${enc(ws)}/jobs/${enc(id)}/cancel`)).value.job;
  },
  async job(ws: string, id: string): Promise<Job> {
    return (await call<{ job: Job }>("GET", `/api/workspaces/${enc(ws)}/jobs/${enc(id)}`)).value.job;
  },
  /** Follows a job's progress (server-sent events) until it has finished; returns a function that stops following. */
  watchJob(ws: string, id: string, onJob: (job: Job) => void): () => void {
    let stopped = false;
    let source: EventSource | null = null;
    const done = (job: Job): boolean => job.state !== "queued" && job.state !== "running";
    let finished = false;
    const open = (): void => {
      source = new EventSource(`/api/workspaces/${enc(ws)}/jobs/${enc(id)}/events`);
      source.addEventListener("job", (e) => {
        const job = JSON.parse((e as MessageEvent<string>).data) as Job;
        finished = done(job);
        onJob(job);
      });
      // The server ends the stream once the job has finished, and the browser would then
      // reconnect by itself: close it. Broken off earlier, read the job once and follow
      // again while it still runs.
      source.onerror = () => {
        source?.close();
        if (stopped || finished) return;
        void api.job(ws, id).then((job) => {
          if (stopped) return;
          onJob(job);
          if (!done(job)) setTimeout(() => stopped || open(), 1000);
        });
      };
    };
    open();
    return () => {
      stopped = true;
      source?.close();
    };
  },
  /** The brief, in the same words as `concord brief`. */
  async brief(ws: string, sc: string, options: BriefRequestOptions = {}, revision?: number): Promise<StoredAnalysis<BriefResult>> {
    return api.analysis<BriefResult>(ws, sc, "brief", { ...options }, revision);
  },
  /** The whole report, as `concord report` writes it (HTML by default). */
  async report(ws: string, sc: string, options: { format?: "html" | "md"; asOf?: string } = {}, revision?: number): Promise<StoredAnalysis<ReportResult>> {
    return api.analysis<ReportResult>(ws, sc, "report", { ...options }, revision);
  },
};
