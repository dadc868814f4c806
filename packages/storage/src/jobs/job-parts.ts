/**
 * The parts of a job split so that several workers share it (the PostgreSQL queue
 * splits robustness this way). Each part is a row keyed by (job, part index) with
 * its own lease, attempts and progress, like a small job:
 *
 *   queued ──start──▶ running ──complete──▶ done   (its result stored once)
 *     ▲                  │
 *     └─requeue/cancel───┘   a failure fails the whole job
 *
 * The job's progress is the parts' progress weighted by their sizes. The part that
 * completes last (parts complete one at a time per job: they lock the job's row)
 * hands the job back to the queue to be merged, in the same transaction, so the
 * merge is queued exactly once and survives any worker dying.
 */
import type { Kysely } from "kysely";
import { atomically, isoNow, type Context } from "../context.js";
import { ok, type StoreResult } from "../result.js";
import type { Schema } from "../schema.js";

/** What a part covers (JSON) and its weight in the job's progress. */
export interface PartSpec {
  readonly spec: unknown;
  readonly size: number;
}

/** A part a worker has started. */
export interface StartedPart {
  readonly jobId: string;
  /** From 0. */
  readonly index: number;
  /** How many parts the job has. */
  readonly count: number;
  readonly spec: unknown;
  readonly attempts: number;
}

/** A part as the jobs table shows it (tests, operators). */
export interface PartState {
  readonly index: number;
  readonly state: "queued" | "running" | "done";
  readonly size: number;
  readonly progress: number;
  readonly attempts: number;
  readonly worker: string | null;
}

/** Part k of n, in words (from 1). */
export const partName = (index: number, count: number): string => `part ${index + 1} of ${count}`;

export class JobParts {
  constructor(private readonly ctx: Context) {}

  /**
   * Splits a job `worker` is running into parts, in one transaction with `onSplit`
   * (which hands the parts to the queue). The job stays running, owned by no worker;
   * the split is not an attempt of the job (the merge will be). False when the
   * worker no longer owns the job.
   */
  async split(jobId: string, worker: string, parts: readonly PartSpec[], unit: string, onSplit: (db: Kysely<Schema>) => Promise<void>): Promise<boolean> {
    const total = parts.reduce((n, p) => n + p.size, 0);
    const r = await atomically(this.ctx, async (db) => {
      const now = isoNow(this.ctx);
      const res = await db
        .updateTable("jobs")
        .set((eb) => ({ parts: parts.length, part_unit: unit, worker: null, lease_until: null, attempts: eb("attempts", "-", 1), progress: 0, progress_message: `0 of ${total} ${unit} analysed`, updated_at: now }))
        .where("id", "=", jobId)
        .where("worker", "=", worker)
        .where("state", "=", "running")
        .where("parts", "is", null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return ok(false);
      await db
        .insertInto("job_parts")
        .values(parts.map((p, part) => ({ job_id: jobId, part, spec: JSON.stringify(p.spec), size: p.size, state: "queued", progress: 0, attempts: 0, worker: null, lease_until: null, result: null, updated_at: now })))
        .execute();
      await onSplit(db);
      return ok(true);
    });
    return r.ok && r.value;
  }

  /**
   * Starts (or takes over, after a dead worker) a part for `worker`. Nothing to do
   * when the job has ended or the part is done; the job fails when the part has used
   * up the job's attempts.
   */
  async start(jobId: string, index: number, worker: string, leaseMs: number): Promise<{ outcome: "taken"; part: StartedPart } | { outcome: "gone" | "busy" | "given-up" }> {
    const now = this.ctx.now();
    const job = await this.ctx.db.selectFrom("jobs").select(["state", "parts", "max_attempts", "cancel_requested_at"]).where("id", "=", jobId).executeTakeFirst();
    if (!job || job.state !== "running" || job.parts === null || job.cancel_requested_at !== null) return { outcome: "gone" };
    const part = await this.ctx.db.selectFrom("job_parts").select(["state", "attempts", "spec"]).where("job_id", "=", jobId).where("part", "=", index).executeTakeFirst();
    if (!part || part.state === "done") return { outcome: "gone" };
    if (part.attempts >= job.max_attempts) {
      await this.failJob(jobId, `given up on ${partName(index, job.parts)} after ${part.attempts} attempt${part.attempts === 1 ? "" : "s"}: the worker stopped before finishing it each time`);
      return { outcome: "given-up" };
    }
    const res = await this.ctx.db
      .updateTable("job_parts")
      .set({ state: "running", attempts: part.attempts + 1, worker, lease_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: now.toISOString() })
      .where("job_id", "=", jobId)
      .where("part", "=", index)
      .where("state", "=", part.state)
      .where("attempts", "=", part.attempts)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { outcome: "busy" };
    return { outcome: "taken", part: { jobId, index, count: job.parts, spec: JSON.parse(part.spec) as unknown, attempts: part.attempts + 1 } };
  }

  /**
   * Extends the part's lease and records its progress (and the job's, summed over
   * its parts). Tells the worker to stop when the job was cancelled or has ended, or
   * the part is no longer this worker's.
   */
  async heartbeat(jobId: string, index: number, worker: string, leaseMs: number, progress?: { fraction: number }): Promise<{ owned: boolean; cancelRequested: boolean }> {
    const now = this.ctx.now();
    const set = { lease_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: now.toISOString(), ...(progress ? { progress: Math.min(Math.max(progress.fraction, 0), 1) } : {}) };
    const res = await this.ctx.db.updateTable("job_parts").set(set).where("job_id", "=", jobId).where("part", "=", index).where("worker", "=", worker).where("state", "=", "running").executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { owned: false, cancelRequested: false };
    const job = await this.ctx.db.selectFrom("jobs").select(["state", "cancel_requested_at"]).where("id", "=", jobId).executeTakeFirst();
    if (!job || job.state !== "running" || job.cancel_requested_at !== null) return { owned: true, cancelRequested: true };
    if (progress) await this.sumProgress(this.ctx.db, jobId);
    return { owned: true, cancelRequested: false };
  }

  /**
   * Stores a part's result, once: a second result for the same part (from a worker
   * presumed dead that finished after all) is dropped. When it is the last part,
   * `onLast` runs in the same transaction (the queue hands the job back to be merged).
   */
  async complete(jobId: string, index: number, result: string, onLast: (db: Kysely<Schema>) => Promise<void>): Promise<StoreResult<"stored" | "last" | "duplicate" | "gone">> {
    return atomically(this.ctx, async (db) => {
      // Parts of one job complete one at a time, so exactly one of them sees that it is the last.
      let lock = db.selectFrom("jobs").select(["state", "parts"]).where("id", "=", jobId);
      if (this.ctx.engine === "postgres") lock = lock.forUpdate();
      const job = await lock.executeTakeFirst();
      if (!job || job.state !== "running" || job.parts === null) return ok("gone");
      const now = isoNow(this.ctx);
      const res = await db
        .updateTable("job_parts")
        .set({ state: "done", progress: 1, result, lease_until: null, updated_at: now })
        .where("job_id", "=", jobId)
        .where("part", "=", index)
        .where("state", "!=", "done")
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return ok("duplicate");
      await this.sumProgress(db, jobId);
      if ((await this.doneIn(db, jobId)) < job.parts) return ok("stored");
      await onLast(db);
      return ok("last");
    });
  }

  /** Ends `worker`'s run of a part: a failure fails the job; a cancelled or stopped run puts the part back (a stop is not the part's fault: its attempt is not counted). */
  async finish(jobId: string, index: number, worker: string, outcome: { state: "failed"; error: string } | { state: "cancelled" } | { state: "queued" }): Promise<boolean> {
    const now = isoNow(this.ctx);
    const res = await this.ctx.db
      .updateTable("job_parts")
      .set((eb) => ({ state: "queued", worker: null, lease_until: null, updated_at: now, ...(outcome.state === "queued" ? { attempts: eb("attempts", "-", 1) } : {}) }))
      .where("job_id", "=", jobId)
      .where("part", "=", index)
      .where("worker", "=", worker)
      .where("state", "=", "running")
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    if (outcome.state === "failed") {
      const job = await this.ctx.db.selectFrom("jobs").select("parts").where("id", "=", jobId).executeTakeFirst();
      await this.failJob(jobId, `${partName(index, job?.parts ?? index + 1)}: ${outcome.error}`);
    }
    return true;
  }

  /** The parts' results in order, or null when some part is not done. */
  async results(jobId: string): Promise<unknown[] | null> {
    const rows = await this.ctx.db.selectFrom("job_parts").select(["state", "result"]).where("job_id", "=", jobId).orderBy("part").execute();
    if (rows.length === 0 || rows.some((r) => r.state !== "done" || r.result === null)) return null;
    return rows.map((r) => JSON.parse(r.result!) as unknown);
  }

  /** How many of the job's parts are done. */
  done(jobId: string): Promise<number> {
    return this.doneIn(this.ctx.db, jobId);
  }

  /** A job's parts, in order. */
  async list(jobId: string): Promise<PartState[]> {
    const rows = await this.ctx.db.selectFrom("job_parts").select(["part", "state", "size", "progress", "attempts", "worker"]).where("job_id", "=", jobId).orderBy("part").execute();
    return rows.map((r) => ({ index: r.part, state: r.state as PartState["state"], size: r.size, progress: Number(r.progress), attempts: r.attempts, worker: r.worker }));
  }

  private async doneIn(db: Kysely<Schema>, jobId: string): Promise<number> {
    const r = await db.selectFrom("job_parts").select((eb) => eb.fn.countAll<string | number>().as("n")).where("job_id", "=", jobId).where("state", "=", "done").executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** The job's progress from its parts', weighted by size, with the count in words. */
  private async sumProgress(db: Kysely<Schema>, jobId: string): Promise<void> {
    const rows = await db.selectFrom("job_parts").select(["size", "progress"]).where("job_id", "=", jobId).execute();
    const job = await db.selectFrom("jobs").select("part_unit").where("id", "=", jobId).executeTakeFirst();
    const total = rows.reduce((n, r) => n + r.size, 0);
    const done = rows.reduce((n, r) => n + Math.floor(Number(r.progress) * r.size), 0);
    await db
      .updateTable("jobs")
      .set({ progress: total > 0 ? done / total : 0, progress_message: `${done} of ${total} ${job?.part_unit ?? "items"} analysed`, updated_at: isoNow(this.ctx) })
      .where("id", "=", jobId)
      .where("state", "=", "running")
      .execute();
  }

  private async failJob(jobId: string, error: string): Promise<void> {
    const now = isoNow(this.ctx);
    await this.ctx.db.updateTable("jobs").set({ state: "failed", error: error.slice(0, 10_000), finished_at: now, updated_at: now, lease_until: null }).where("id", "=", jobId).where("state", "=", "running").execute();
  }
}
