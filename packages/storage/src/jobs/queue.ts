/**
 * Analysis jobs: the interface the server and `concord worker` use, whatever
 * delivers the jobs. Two implementations share the jobs table (job-store.ts) and the
 * way a job is run (runner.ts): the in-process queue (SQLite; workers in the server
 * process claim jobs from the table) and the pg-boss queue (PostgreSQL; workers on
 * any number of machines).
 */
import type { StoreResult } from "../result.js";
import type { Actor, Job } from "../types.js";
import type { PartSpec } from "./job-parts.js";
import type { JobFilter, JobRequest, WatchOptions } from "./job-store.js";

export interface JobContext {
  /** Aborted when the job is cancelled, when the worker stops, or when the job was taken over after this worker's lease ran out. */
  readonly signal: AbortSignal;
  /** Reports progress, 0..1 with an optional message; stored at the next heartbeat. */
  progress(fraction: number, message?: string): void;
}

/** Runs one job and returns its result (JSON-serialisable); throwing fails the job with the error's message. */
export type JobHandler = (job: Job, context: JobContext) => Promise<unknown>;

/** One part of a split job, as a worker gets it. */
export interface JobPart {
  /** From 0. */
  readonly index: number;
  readonly count: number;
  /** What the splitter said the part covers. */
  readonly spec: unknown;
}

/**
 * How long jobs are shared by several workers (the pg-boss queue; the in-process
 * queue runs every job whole). A job the splitter splits runs as parts that any
 * worker takes; each part's result is stored once, and the job's result is the merge
 * of its parts' results, which must equal what the handler would return for the
 * whole job.
 */
export interface JobSplitter {
  /** The parts of `job` (what each covers, as JSON, and its size in `unit`), or null to run it whole. Called by the worker that takes the job. */
  split(job: Job): Promise<{ readonly parts: readonly PartSpec[]; readonly unit: string } | null>;
  /** Runs one part; its result must be JSON-serialisable. Progress is the part's own (0..1). */
  runPart(job: Job, part: JobPart, context: JobContext): Promise<unknown>;
  /** The job's result from its parts' results, in part order. */
  merge(job: Job, results: readonly unknown[], context: JobContext): Promise<unknown>;
}

export interface WorkOptions {
  /** Jobs this worker runs at once. Default 1. */
  readonly concurrency?: number;
  /** A name for this worker in the jobs table (default: host name, process id and a random suffix). */
  readonly workerId?: string;
  /** Splits jobs into parts other workers can take (the pg-boss queue only). */
  readonly split?: JobSplitter;
}

export interface StopOptions {
  /** How long to let running jobs finish before they are stopped and put back in the queue, in ms. Default 0. */
  readonly graceMs?: number;
}

export interface JobWorker {
  readonly id: string;
  /** Takes no new jobs; lets running ones finish within `graceMs`, then returns the rest to the queue. */
  stop(options?: StopOptions): Promise<void>;
}

export interface JobQueue {
  readonly kind: "in-process" | "pg-boss";
  /** Queues an analysis of one revision; the same analysis queued, running or done is returned instead (`reused`). */
  enqueue(workspaceId: string, request: JobRequest, by: Actor): Promise<StoreResult<{ job: Job; reused: boolean }>>;
  get(workspaceId: string, jobId: string): Promise<StoreResult<Job>>;
  list(workspaceId: string, filter?: JobFilter): Promise<Job[]>;
  /** Cancels a queued job, or asks a running one to stop. */
  cancel(workspaceId: string, jobId: string, by: Actor): Promise<StoreResult<Job>>;
  /** The job each time it changes, until it finishes: for server-sent events. */
  watch(workspaceId: string, jobId: string, options?: WatchOptions): AsyncIterable<Job>;
  /** Starts taking jobs and running them with `handler`. */
  work(handler: JobHandler, options?: WorkOptions): Promise<JobWorker>;
  /** Stops every worker started here (returning their running jobs to the queue) and releases connections. */
  close(): Promise<void>;
}
