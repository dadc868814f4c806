/**
 * The jobs table: what the API shows about a job (state, progress, attempts,
 * errors, its result) and the transitions workers make, the same on both engines.
 * Every transition is a conditional UPDATE on the job's current state, so two
 * workers (one presumed dead, one retrying) cannot both move a job, and a result is
 * stored at most once (analyses' unique key).
 *
 *   queued ──start──▶ running ──succeed──▶ succeeded
 *     │  ▲              │ │ └────fail────▶ failed   (also when attempts run out)
 *     │  └──requeue─────┘ └──cancelled───▶ cancelled
 *     └──────────────cancel──────────────▶ cancelled
 *
 * A running job may instead be split into parts (job-parts.ts) that several workers
 * take: it stays running, owned by no worker, until its last part is done; then a
 * worker starts it again to merge the parts' results, and it succeeds as above.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely, Selectable } from "kysely";
import { atomically, isoNow, writeAudit, type Context } from "../context.js";
import { canonicalJson, optionsHash } from "../crypto/hash.js";
import { storeOnce } from "../repos/analyses.js";
import type { RevisionRef, Scenarios } from "../repos/scenarios.js";
import { invalid, notFound, ok, type StoreResult } from "../result.js";
import type { JobsTable, Schema } from "../schema.js";
import { type Actor, type Job, type JobState } from "../types.js";
import { checkName } from "../validate.js";
import { JobParts } from "./job-parts.js";

export interface JobRequest {
  readonly scenarioId: string;
  readonly revision: RevisionRef;
  /** The analysis to run, e.g. "stability" or "robustness". */
  readonly kind: string;
  /** The analysis options, JSON-serialisable. */
  readonly options?: unknown;
  /** How many times a worker may start the job before it is given up. Default 3. */
  readonly maxAttempts?: number;
}

export interface JobFilter {
  readonly scenarioId?: string;
  readonly states?: readonly JobState[];
  /** Newest first; default 100, at most 1000. */
  readonly limit?: number;
}

export interface WatchOptions {
  readonly signal?: AbortSignal;
  /** How often to look, in ms. Default 250. */
  readonly intervalMs?: number;
}

const TERMINAL: readonly JobState[] = ["succeeded", "failed", "cancelled"];
export const isTerminal = (state: JobState): boolean => TERMINAL.includes(state);

export class JobStore {
  /** The parts of jobs split for several workers. */
  readonly parts: JobParts;

  constructor(
    private readonly ctx: Context,
    private readonly scenarios: Scenarios,
  ) {
    this.parts = new JobParts(ctx);
  }

  /**
   * Queues a job, unless the same analysis (revision, kind, options) is queued,
   * running or done: then that job is returned with `reused: true`. A result
   * stored without a job (computed inline) gives a job that is already succeeded.
   * `onQueued` runs in the same transaction (the PostgreSQL queue hands the job to
   * pg-boss there, so a job is in both tables or in neither).
   */
  async create(workspaceId: string, request: JobRequest, by: Actor, onQueued?: (db: Kysely<Schema>, job: Job) => Promise<void>): Promise<StoreResult<{ job: Job; reused: boolean }>> {
    const kind = checkName("kind", request.kind);
    if (!kind.ok) return kind;
    const maxAttempts = request.maxAttempts ?? 3;
    if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) return invalid("maxAttempts", "maxAttempts: expected an integer from 1 to 100");
    let options: string;
    try {
      options = canonicalJson(request.options ?? {});
    } catch {
      return invalid("options", "options: expected JSON-serialisable options");
    }
    const rev = await this.scenarios.revision(workspaceId, request.scenarioId, request.revision);
    if (!rev.ok) return rev;
    const hash = optionsHash(request.options ?? {});
    return atomically(this.ctx, async (db) => {
      const live = await this.liveJob(db, rev.value.id, kind.value, hash);
      if (live) return ok({ job: toJob(live, rev.value.number), reused: true });
      const done = await db.selectFrom("analyses").select("id").where("revision_id", "=", rev.value.id).where("kind", "=", kind.value).where("options_hash", "=", hash).executeTakeFirst();
      const now = isoNow(this.ctx);
      const row: JobsTable = {
        id: randomUUID(),
        workspace_id: workspaceId,
        scenario_id: request.scenarioId,
        revision_id: rev.value.id,
        kind: kind.value,
        options,
        options_hash: hash,
        state: done ? "succeeded" : "queued",
        progress: done ? 1 : 0,
        progress_message: null,
        attempts: 0,
        max_attempts: maxAttempts,
        error: null,
        cancel_requested_at: null,
        worker: null,
        lease_until: null,
        analysis_id: done?.id ?? null,
        created_by: by.userId,
        created_at: now,
        started_at: null,
        finished_at: done ? now : null,
        updated_at: now,
        parts: null,
        part_unit: null,
      };
      // Another request for the same analysis may have queued it since we looked: then take that one.
      const inserted = await db.insertInto("jobs").values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) {
        const other = await this.liveJob(db, rev.value.id, kind.value, hash);
        if (other) return ok({ job: toJob(other, rev.value.number), reused: true });
        throw new Error(`job ${row.id} was neither inserted nor found`);
      }
      const job = toJob(row, rev.value.number);
      if (!done) {
        await onQueued?.(db, job);
        await writeAudit(this.ctx, db, by, { workspaceId, action: "job.create", objectType: "job", objectId: row.id, details: { scenarioId: request.scenarioId, revision: rev.value.number, kind: kind.value } });
      }
      return ok({ job, reused: done !== undefined });
    });
  }

  async get(workspaceId: string, jobId: string): Promise<StoreResult<Job>> {
    const row = await this.withRevision(this.ctx.db).where("jobs.id", "=", jobId).where("jobs.workspace_id", "=", workspaceId).executeTakeFirst();
    return row ? ok(toJob(row, row.revision_number)) : notFound("job", jobId);
  }

  /** A job by id alone — for workers, which serve every workspace. */
  async byId(jobId: string): Promise<Job | null> {
    const row = await this.withRevision(this.ctx.db).where("jobs.id", "=", jobId).executeTakeFirst();
    return row ? toJob(row, row.revision_number) : null;
  }

  async list(workspaceId: string, filter: JobFilter = {}): Promise<Job[]> {
    let q = this.withRevision(this.ctx.db).where("jobs.workspace_id", "=", workspaceId);
    if (filter.scenarioId !== undefined) q = q.where("jobs.scenario_id", "=", filter.scenarioId);
    if (filter.states !== undefined) q = q.where("jobs.state", "in", filter.states.length > 0 ? [...filter.states] : [""]);
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 100), 1), 1000);
    const rows = await q.orderBy("jobs.created_at", "desc").orderBy("jobs.id").limit(limit).execute();
    return rows.map((r) => toJob(r, r.revision_number));
  }

  /**
   * Cancels a queued job at once; asks a running one to stop (its worker sees the
   * request at its next heartbeat and the job ends as cancelled). A finished job is
   * returned unchanged. `wasQueued` tells the queue to withdraw it from delivery.
   */
  async cancel(workspaceId: string, jobId: string, by: Actor): Promise<StoreResult<{ job: Job; wasQueued: boolean }>> {
    const r = await atomically(this.ctx, async (db) => {
      const row = await db.selectFrom("jobs").select(["state"]).where("id", "=", jobId).where("workspace_id", "=", workspaceId).executeTakeFirst();
      if (!row) return notFound("job", jobId);
      const now = isoNow(this.ctx);
      let wasQueued = false;
      if (row.state === "queued") {
        const res = await db.updateTable("jobs").set({ state: "cancelled", cancel_requested_at: now, finished_at: now, updated_at: now }).where("id", "=", jobId).where("state", "=", "queued").executeTakeFirst();
        wasQueued = Number(res.numUpdatedRows) === 1;
      }
      if (!wasQueued) {
        // A job split into parts belongs to no worker until they are merged: it ends now, and its parts stop at their next heartbeat.
        await db.updateTable("jobs").set({ state: "cancelled", cancel_requested_at: now, finished_at: now, updated_at: now, lease_until: null }).where("id", "=", jobId).where("state", "=", "running").where("parts", "is not", null).where("worker", "is", null).execute();
        await db.updateTable("jobs").set({ cancel_requested_at: now, updated_at: now }).where("id", "=", jobId).where("state", "=", "running").where("cancel_requested_at", "is", null).execute();
      }
      if (!isTerminal(row.state as JobState)) await writeAudit(this.ctx, db, by, { workspaceId, action: "job.cancel", objectType: "job", objectId: jobId });
      return ok(wasQueued);
    });
    if (!r.ok) return r;
    const job = await this.get(workspaceId, jobId);
    return job.ok ? ok({ job: job.value, wasQueued: r.value }) : job;
  }

  /** The job each time it changes, until it is finished (or `signal` aborts). */
  async *watch(workspaceId: string, jobId: string, options: WatchOptions = {}): AsyncGenerator<Job, void, void> {
    let last = "";
    for (;;) {
      const r = await this.get(workspaceId, jobId);
      if (!r.ok) return;
      const stamp = `${r.value.updatedAt}|${r.value.state}|${r.value.progress}`;
      if (stamp !== last) {
        last = stamp;
        yield r.value;
      }
      if (isTerminal(r.value.state)) return;
      try {
        await sleep(options.intervalMs ?? 250, undefined, { signal: options.signal });
      } catch {
        return;
      }
    }
  }

  // ── Worker side ─────────────────────────────────────────────────────────────

  /**
   * The oldest job ready to run: queued, or running under a lease that has run out
   * (its worker died). Claims it for `worker`; null if there is none.
   */
  async claimNext(worker: string, leaseMs: number): Promise<Job | null> {
    for (;;) {
      const now = isoNow(this.ctx);
      const candidate = await this.ctx.db
        .selectFrom("jobs")
        .select("id")
        .where((eb) => eb.or([eb("state", "=", "queued"), eb.and([eb("state", "=", "running"), eb("lease_until", "<", now)])]))
        .orderBy("created_at")
        .orderBy("id")
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return null;
      const started = await this.start(candidate.id, worker, leaseMs, true);
      if (started.outcome !== "taken") continue; // another worker was quicker, or it was given up
      return started.job;
    }
  }

  /**
   * Starts (or restarts, after a dead worker) a job for `worker`: counts the
   * attempt and takes the lease. A job that has used up its attempts is failed
   * instead. With `onlyIfFree`, a running job is taken only when its lease ran out.
   */
  async start(jobId: string, worker: string, leaseMs: number, onlyIfFree = false): Promise<{ outcome: "taken"; job: Job } | { outcome: "gone" | "busy" | "given-up" }> {
    const now = this.ctx.now();
    const nowIso = now.toISOString();
    const row = await this.ctx.db.selectFrom("jobs").select(["state", "attempts", "max_attempts", "lease_until", "cancel_requested_at", "parts"]).where("id", "=", jobId).executeTakeFirst();
    if (!row || isTerminal(row.state as JobState)) return { outcome: "gone" };
    // A job split into parts is started again only to merge them, once every part is done.
    if (row.parts !== null && (await this.parts.done(jobId)) < row.parts) return { outcome: "gone" };
    if (onlyIfFree && row.state === "running" && row.lease_until !== null && row.lease_until >= nowIso) return { outcome: "busy" };
    const base = this.ctx.db.updateTable("jobs").where("id", "=", jobId).where("state", "=", row.state).where("attempts", "=", row.attempts);
    if (row.cancel_requested_at !== null) {
      await base.set({ state: "cancelled", finished_at: nowIso, updated_at: nowIso, lease_until: null }).execute();
      return { outcome: "gone" };
    }
    if (row.attempts >= row.max_attempts) {
      const error = `given up after ${row.attempts} attempt${row.attempts === 1 ? "" : "s"}: the worker stopped before finishing each time`;
      await base.set({ state: "failed", error, finished_at: nowIso, updated_at: nowIso, lease_until: null }).execute();
      return { outcome: "given-up" };
    }
    const res = await base
      .set({ state: "running", attempts: row.attempts + 1, worker, lease_until: new Date(now.getTime() + leaseMs).toISOString(), started_at: nowIso, updated_at: nowIso, error: null })
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { outcome: "busy" };
    const job = await this.byId(jobId);
    return job ? { outcome: "taken", job } : { outcome: "gone" };
  }

  /**
   * Extends `worker`'s lease and records progress if given. Tells the worker whether
   * to stop: the job was cancelled, or it is no longer the worker's (its lease ran
   * out and another worker took it over).
   */
  async heartbeat(jobId: string, worker: string, leaseMs: number, progress?: { fraction: number; message: string | null }): Promise<{ owned: boolean; cancelRequested: boolean }> {
    const now = this.ctx.now();
    const set: Partial<JobsTable> = { lease_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: now.toISOString() };
    if (progress) Object.assign(set, { progress: Math.min(Math.max(progress.fraction, 0), 1), progress_message: progress.message });
    const res = await this.ctx.db.updateTable("jobs").set(set).where("id", "=", jobId).where("worker", "=", worker).where("state", "=", "running").executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { owned: false, cancelRequested: false };
    const row = await this.ctx.db.selectFrom("jobs").select("cancel_requested_at").where("id", "=", jobId).executeTakeFirst();
    return { owned: true, cancelRequested: row?.cancel_requested_at != null };
  }

  /**
   * Stores the result (once: a second write of the same analysis keeps the first)
   * and marks the job succeeded, in one transaction. A result is accepted from any
   * worker while the job is running — it is the same computation.
   */
  async succeed(jobId: string, result: string): Promise<StoreResult<Job>> {
    const r = await atomically(this.ctx, async (db) => {
      const job = await this.withRevision(db).where("jobs.id", "=", jobId).executeTakeFirst();
      if (!job) return notFound("job", jobId);
      if (job.state !== "running") return ok(null);
      const stored = await storeOnce(this.ctx, db, {
        workspaceId: job.workspace_id,
        scenarioId: job.scenario_id,
        revisionId: job.revision_id,
        revision: job.revision_number,
        kind: job.kind,
        optionsHash: job.options_hash,
        result,
        jobId,
      });
      if (!stored.ok) return stored;
      const now = isoNow(this.ctx);
      await db
        .updateTable("jobs")
        .set({ state: "succeeded", progress: 1, analysis_id: stored.value.analysis.id, finished_at: now, updated_at: now, lease_until: null })
        .where("id", "=", jobId)
        .where("state", "=", "running")
        .execute();
      return ok(null);
    });
    if (!r.ok) return r;
    const job = await this.byId(jobId);
    return job ? ok(job) : notFound("job", jobId);
  }

  /** Ends `worker`'s run: failed with `error`, cancelled, or back in the queue (the worker is shutting down). */
  async finish(jobId: string, worker: string, outcome: { state: "failed"; error: string } | { state: "cancelled" } | { state: "queued" }): Promise<boolean> {
    const now = isoNow(this.ctx);
    let q = this.ctx.db.updateTable("jobs").where("id", "=", jobId).where("worker", "=", worker).where("state", "=", "running");
    q =
      outcome.state === "queued"
        ? // A shutdown is not the job's fault: the attempt is not counted.
          q.set((eb) => ({ state: "queued", worker: null, lease_until: null, updated_at: now, attempts: eb("attempts", "-", 1) }))
        : q.set({ state: outcome.state, error: outcome.state === "failed" ? outcome.error.slice(0, 10_000) : null, finished_at: now, updated_at: now, lease_until: null });
    return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
  }

  /** Fails a job whatever its worker (the PostgreSQL queue's dead-letter path: every delivery expired). */
  async giveUp(jobId: string, error: string): Promise<void> {
    const now = isoNow(this.ctx);
    await this.ctx.db.updateTable("jobs").set({ state: "failed", error, finished_at: now, updated_at: now, lease_until: null }).where("id", "=", jobId).where("state", "in", ["queued", "running"]).execute();
  }

  private liveJob(db: Kysely<Schema>, revisionId: string, kind: string, hash: string): Promise<Selectable<JobsTable> | undefined> {
    return db
      .selectFrom("jobs")
      .selectAll()
      .where("revision_id", "=", revisionId)
      .where("kind", "=", kind)
      .where("options_hash", "=", hash)
      .where("state", "in", ["queued", "running", "succeeded"])
      .executeTakeFirst();
  }

  private withRevision(db: Kysely<Schema>) {
    return db.selectFrom("jobs").innerJoin("revisions", "revisions.id", "jobs.revision_id").selectAll("jobs").select("revisions.number as revision_number");
  }
}

function toJob(r: Selectable<JobsTable>, revision: number): Job {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    scenarioId: r.scenario_id,
    revisionId: r.revision_id,
    revision,
    kind: r.kind,
    options: JSON.parse(r.options) as unknown,
    optionsHash: r.options_hash,
    state: r.state as JobState,
    progress: Number(r.progress),
    progressMessage: r.progress_message,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    error: r.error,
    cancelRequested: r.cancel_requested_at !== null,
    worker: r.worker,
    parts: r.parts,
    analysisId: r.analysis_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    updatedAt: r.updated_at,
  };
}
