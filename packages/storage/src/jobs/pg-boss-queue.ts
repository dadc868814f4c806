/**
 * The PostgreSQL queue: pg-boss delivers job ids to `concord worker` processes on
 * any number of machines; the jobs table keeps what the API shows. A job enters
 * both in one transaction. A worker that dies mid-job leaves its pg-boss job
 * active until it expires (`expireInSeconds`); pg-boss's maintenance then puts it
 * back for another worker, which takes the job over in the jobs table (the dead
 * worker, should it come back, finds it no longer owns it). A job whose every
 * delivery expired lands in a dead-letter queue and is marked failed there. The
 * result is written once whatever happens (analyses' unique key).
 *
 * Expiry must exceed the longest analysis: pg-boss 10 has no heartbeat, so a job
 * still running at expiry is handed to another worker and computed twice (stored once).
 *
 * Given a splitter (`work(…, { split })`), the worker that takes a job may split it
 * into parts (job-parts.ts), each a delivery of its own that any worker takes; the
 * worker that completes the last part queues the merge, which some worker then runs.
 * A dead worker's part is offered again at expiry like a job; a part's result is
 * stored once, keyed by the job and the part.
 */
import PgBoss from "pg-boss";
import { CompiledQuery, type Kysely } from "kysely";
import { ok, type StoreResult } from "../result.js";
import type { Schema } from "../schema.js";
import type { Storage } from "../storage.js";
import type { Actor, Job } from "../types.js";
import type { JobFilter, JobRequest, WatchOptions } from "./job-store.js";
import type { PartSpec } from "./job-parts.js";
import type { JobContext, JobHandler, JobQueue, JobSplitter, JobWorker, StopOptions, WorkOptions } from "./queue.js";
import { defaultWorkerId, jobLease, runJob, runLeased, type Lease, type RunOutcome, type RunSettings } from "./runner.js";

const QUEUE = "concord-analysis";
const DEAD_LETTERS = "concord-analysis-dead";

export interface PgBossQueueOptions {
  /** How long a delivered job may stay unfinished before it counts as abandoned and is retried, in seconds. Default 900. */
  readonly expireInSeconds?: number;
  /** Seconds before an abandoned job is offered again. Default 1. */
  readonly retryDelaySeconds?: number;
  /** How often idle workers ask for jobs, in seconds (pg-boss allows 0.5 at least). Default 0.5: the parts of a split job reach idle workers within half a second, for one cheap query per idle worker every half second. */
  readonly pollingIntervalSeconds?: number;
  /** How often pg-boss looks for expired jobs (one instance does it for all), in seconds. Default 30. */
  readonly maintenanceIntervalSeconds?: number;
  /** Heartbeat lease in the jobs table, in ms (cancellation and progress travel with heartbeats). Default 10 000. */
  readonly leaseMs?: number;
  /** pg-boss's schema. Default "pgboss". */
  readonly schema?: string;
  /** Errors pg-boss reports in the background (a lost connection, a failed maintenance run). Default: console.error. */
  readonly onError?: (error: Error) => void;
}

/** A job to run, split or merge; or, with `part`, one part of a split job. */
interface Delivery {
  readonly jobId: string;
  readonly part?: number;
}

export class PgBossJobQueue implements JobQueue {
  readonly kind = "pg-boss";
  readonly #workers = new Set<JobWorker>();

  private constructor(
    private readonly storage: Storage,
    private readonly boss: PgBoss,
    private readonly options: PgBossQueueOptions,
  ) {}

  /** Connects pg-boss to the storage's database (installing its schema on first use) and creates the queues. */
  static async open(storage: Storage, url: string, options: PgBossQueueOptions = {}): Promise<PgBossJobQueue> {
    const boss = new PgBoss({
      connectionString: url,
      schema: options.schema ?? "pgboss",
      application_name: "concord-jobs",
      max: 4,
      schedule: false,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    });
    boss.on("error", options.onError ?? ((e) => console.error("job queue:", e)));
    await boss.start();
    const expireInSeconds = options.expireInSeconds ?? 900;
    await boss.createQueue(DEAD_LETTERS, { name: DEAD_LETTERS, retryLimit: 5, retryDelay: 5, expireInSeconds: 60 });
    await boss.createQueue(QUEUE, { name: QUEUE, expireInSeconds, retryDelay: options.retryDelaySeconds ?? 1, deadLetter: DEAD_LETTERS });
    return new PgBossJobQueue(storage, boss, options);
  }

  enqueue(workspaceId: string, request: JobRequest, by: Actor): Promise<StoreResult<{ job: Job; reused: boolean }>> {
    return this.storage.jobs.create(workspaceId, request, by, async (db, job) => {
      // Shutdowns hand a job back through a pg-boss retry too: allow some beyond the job's own attempts.
      await this.boss.send(QUEUE, { jobId: job.id } satisfies Delivery, { id: job.id, retryLimit: job.maxAttempts + 10, db: bossDb(db) });
    });
  }

  get(workspaceId: string, jobId: string): Promise<StoreResult<Job>> {
    return this.storage.jobs.get(workspaceId, jobId);
  }

  list(workspaceId: string, filter?: JobFilter): Promise<Job[]> {
    return this.storage.jobs.list(workspaceId, filter);
  }

  async cancel(workspaceId: string, jobId: string, by: Actor): Promise<StoreResult<Job>> {
    const r = await this.storage.jobs.cancel(workspaceId, jobId, by);
    if (!r.ok) return r;
    // A worker that fetches it anyway finds it cancelled and skips it, so this is tidiness, not correctness.
    if (r.value.wasQueued) await this.boss.cancel(QUEUE, jobId).catch(() => {});
    return ok(r.value.job);
  }

  watch(workspaceId: string, jobId: string, options?: WatchOptions): AsyncIterable<Job> {
    return this.storage.jobs.watch(workspaceId, jobId, options);
  }

  async work(handler: JobHandler, options: WorkOptions = {}): Promise<JobWorker> {
    const id = options.workerId ?? defaultWorkerId();
    const stopping = new AbortController();
    const settings = { worker: id, leaseMs: this.options.leaseMs ?? 10_000 };
    const store = this.storage.jobs;
    const running = new Set<Promise<unknown>>();
    const track = <T>(p: Promise<T>): Promise<T> => {
      running.add(p);
      void p.finally(() => running.delete(p)).catch(() => {});
      return p;
    };
    const deliver = async (delivery: Delivery): Promise<RunOutcome | undefined> => {
      if (delivery.part !== undefined) return this.#runPart(delivery.jobId, delivery.part, options.split, settings, stopping.signal);
      const started = await store.start(delivery.jobId, id, settings.leaseMs);
      if (started.outcome !== "taken") return undefined; // finished, cancelled, given up, or split and its parts not all done: nothing to run
      const job = started.job;
      if (job.parts !== null) return runJob(store, job, (j, context) => this.#merge(j, options.split, context), settings, stopping.signal);
      if (!options.split) return runJob(store, job, handler, settings, stopping.signal);
      return this.#splitOrRun(job, handler, options.split, settings, stopping.signal);
    };
    const workOptions = { batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 0.5 };
    const bossWorkers: string[] = [];
    for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
      bossWorkers.push(
        await this.boss.work<Delivery>(QUEUE, workOptions, ([delivery]) =>
          track(
            (async () => {
              if (!delivery) return;
              // Failing the delivery makes pg-boss offer it again: to another worker, after this one stopped.
              if ((await deliver(delivery.data)) === "requeued") throw new Error("the worker stopped; the job goes back to the queue");
            })(),
          ),
        ),
      );
    }
    bossWorkers.push(
      await this.boss.work<Delivery>(DEAD_LETTERS, workOptions, async ([delivery]) => {
        if (delivery) await store.giveUp(delivery.data.jobId, "given up: every worker that took the job stopped before finishing it");
      }),
    );
    const worker: JobWorker = {
      id,
      stop: async ({ graceMs = 0 }: StopOptions = {}) => {
        this.#workers.delete(worker);
        for (const w of bossWorkers) await this.boss.offWork({ id: w });
        const settled = (): Promise<unknown> => Promise.allSettled([...running]);
        await Promise.race([settled(), new Promise((r) => setTimeout(r, graceMs))]);
        stopping.abort();
        await settled();
      },
    };
    this.#workers.add(worker);
    return worker;
  }

  /**
   * Asks the splitter how to share the job; splits it (its parts handed to the queue
   * in the same transaction) or runs it whole. A job the splitter cannot plan runs
   * whole, so the handler reports what is wrong with it.
   */
  async #splitOrRun(job: Job, handler: JobHandler, splitter: JobSplitter, settings: RunSettings, stop: AbortSignal): Promise<RunOutcome> {
    const lease = jobLease(this.storage.jobs, job.id, settings.worker, settings.leaseMs);
    let plan: { readonly parts: readonly PartSpec[]; readonly unit: string } | null = null;
    const splitting: Lease = {
      ...lease,
      complete: async (text) => {
        if (plan === null) return lease.complete(text);
        const parts = plan.parts;
        return ok(
          await this.storage.jobs.parts.split(job.id, settings.worker, parts, plan.unit, async (db) => {
            // Parts go before new jobs, so a job under way finishes first.
            for (let part = 0; part < parts.length; part++) await this.boss.send(QUEUE, { jobId: job.id, part } satisfies Delivery, { priority: 1, retryLimit: job.maxAttempts + 10, db: bossDb(db) });
          }),
        );
      },
    };
    return runLeased(
      splitting,
      async (context) => {
        plan = await splitter.split(job).catch(() => null);
        if (plan !== null && plan.parts.length > 1) return null;
        plan = null;
        return handler(job, context);
      },
      settings,
      stop,
    );
  }

  /** Runs part `index` of a split job; the last part done hands the job back to the queue to be merged. */
  async #runPart(jobId: string, index: number, splitter: JobSplitter | undefined, settings: RunSettings, stop: AbortSignal): Promise<RunOutcome | undefined> {
    // A worker that cannot run parts hands the delivery back for another one.
    if (!splitter) throw new Error("this worker runs no parts of split jobs");
    const parts = this.storage.jobs.parts;
    const started = await parts.start(jobId, index, settings.worker, settings.leaseMs);
    if (started.outcome !== "taken") return undefined;
    const job = await this.storage.jobs.byId(jobId);
    if (!job) return undefined;
    const lease: Lease = {
      heartbeat: (progress) => parts.heartbeat(jobId, index, settings.worker, settings.leaseMs, progress),
      complete: async (text) => {
        const r = await parts.complete(jobId, index, text, async (db) => {
          // Merging comes before parts and new jobs.
          await this.boss.send(QUEUE, { jobId } satisfies Delivery, { priority: 2, retryLimit: job.maxAttempts + 10, db: bossDb(db) });
        });
        return r.ok ? ok(r.value === "stored" || r.value === "last") : r;
      },
      finish: (outcome) => parts.finish(jobId, index, settings.worker, outcome),
    };
    return runLeased(lease, (context) => splitter.runPart(job, started.part, context), settings, stop);
  }

  async #merge(job: Job, splitter: JobSplitter | undefined, context: JobContext): Promise<unknown> {
    if (!splitter) throw new Error("this worker cannot merge the parts of a split job");
    const results = await this.storage.jobs.parts.results(job.id);
    if (results === null) throw new Error("the job's parts are not all done");
    return splitter.merge(job, results, context);
  }

  async close(): Promise<void> {
    await Promise.all([...this.#workers].map((w) => w.stop()));
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}

/** pg-boss's database interface over a Kysely transaction, so a job is sent in the transaction that records it. */
const bossDb = (db: Kysely<Schema>): PgBoss.Db => ({
  executeSql: async (text: string, values: unknown[]) => ({ rows: (await db.executeQuery(CompiledQuery.raw(text, values))).rows as unknown[] }),
});
