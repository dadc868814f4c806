/**
 * Runs a stability analysis on several threads. Workers are started once and kept
 * warm (they hold no work between analyses and do not keep the process alive). Every
 * phase — payoffs and move index per decision maker, sorted cells, sanction passes
 * and scans — is a list of tasks that this thread and the workers take from one
 * shared counter, costliest first, so a thread that is slow (or busy with something
 * else on a shared machine) simply takes fewer. All arrays live in shared memory:
 * nothing is copied or re-imported per analysis.
 */
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import {
  allocMinimums,
  analyze,
  assembleMoveIndex,
  BASIC_CONCEPTS,
  finishAnalysis,
  hasMisperceptions,
  MAX_GROUP_BITS,
  passesFor,
  restrictToPerceived,
  stateVectors,
  type Analysis,
  type BasicConcept,
  type DmStability,
  type EngineData,
  type PreparedAnalysis,
  type SanctionPass,
  type SortedCells,
  type StateSpace,
} from "@concord/core";
import { sharedInts, takeTasks, type CellsContext, type PhaseMessage, type PhaseReply, type PrepareContext, type PreparedDm, type SolveContext, type TaskKind } from "./tasks.js";

/**
 * Below this many states × decision makers one thread is used: the analysis takes a
 * few tens of milliseconds, and waking workers and sharing the arrays would not repay.
 */
export const PARALLEL_THRESHOLD = 1 << 18;

/** The compiled worker, whether this module runs from src (tests) or dist. */
const WORKER_URL = new URL("../../dist/parallel/worker.js", import.meta.url);

/**
 * The cores not busy with other work (1-minute load average), at least 1: on a machine
 * already loaded, extra threads only compete with each other and the run gets slower
 * than on one thread. (loadavg is 0 where the platform has none: every core.)
 */
export function freeCores(): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, Math.floor(cores - loadavg()[0]! + 1)));
}

/**
 * Threads for an analysis when none is asked for: one for small models, and never more
 * than the free cores or than there are tasks to share (two passes per decision maker).
 */
export function chooseThreads(states: number, decisionMakers: number, free = freeCores()): number {
  if (states * decisionMakers < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(free, 2 * decisionMakers));
}

export interface ParallelOptions {
  /** Threads in all, this one included; default chooseThreads (by model size and free cores). */
  readonly threads?: number;
  /** Use workers even for small models (tests). */
  readonly force?: boolean;
  /** Called with how the run went (per-thread busy time, CPU time against wall time). */
  readonly onStats?: (stats: ParallelStats) => void;
}

export interface PhaseStats {
  readonly phase: string;
  readonly wallMs: number;
  /** Per thread (this one first): time spent running tasks, and how many it took. */
  readonly busyMs: readonly number[];
  readonly tasks: readonly number[];
}

export interface ParallelStats {
  readonly threads: number;
  readonly wallMs: number;
  /** CPU time of the whole process (all threads) during the run. */
  readonly cpuMs: number;
  readonly phases: readonly PhaseStats[];
  /** Per worker: its event-loop utilisation during the run (1 = busy throughout). */
  readonly workerUtilization: readonly number[];
}

/**
 * Idle workers end after this long. An idle worker never collects its garbage, so it
 * would keep the last analysis's shared arrays (gigabytes for large models) alive.
 */
export const IDLE_MS = 10_000;

/** Warm workers, started on first use and kept while analyses follow each other. */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private idle: ReturnType<typeof setTimeout> | undefined;
  lastError: unknown;

  /** At least n workers (started now if missing; they load in parallel with this thread's work). */
  take(n: number): Worker[] {
    clearTimeout(this.idle);
    while (this.workers.length < n) {
      const w = new Worker(WORKER_URL);
      w.unref();
      // An error that ends the worker (it failed to load) reaches the phase waiting on it through "exit".
      w.on("error", (e) => (this.lastError = e));
      // A worker that dies (it should not) is replaced on next use.
      w.once("exit", () => this.workers.splice(this.workers.indexOf(w) >>> 0, 1));
      this.workers.push(w);
    }
    return this.workers.slice(0, n);
  }

  /** The analysis is done: end the workers unless another one starts soon. */
  release(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), IDLE_MS);
    this.idle.unref();
  }

  /** Ends every worker (tests; a process exits without it). */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    const ws = this.workers.splice(0);
    await Promise.all(ws.map((w) => w.terminate()));
  }
}

const pool = new WorkerPool();

/** Ends the warm workers. */
export function closeWorkers(): Promise<void> {
  return pool.close();
}

/** One phase on this thread and `workers`; results in task order. */
async function runPhase(workers: readonly Worker[], kind: TaskKind, ctx: unknown, count: number, stats: PhaseStats[]): Promise<unknown[]> {
  const t0 = performance.now();
  const msg: PhaseMessage = { kind, ctx, count, next: sharedInts(1) };
  const replies = workers.map(
    (w) =>
      new Promise<PhaseReply>((resolve, reject) => {
        const onExit = (code: number): void => reject(new Error(`stability worker exited with code ${code}`, { cause: pool.lastError }));
        w.once("exit", onExit);
        w.once("message", (r: PhaseReply) => {
          w.off("exit", onExit);
          resolve(r);
        });
      }),
  );
  for (const w of workers) w.postMessage(msg);
  // Every worker's answer is awaited even when something failed, so none is left to be taken for the next phase's.
  let mine: ReturnType<typeof takeTasks> | undefined;
  let failed: unknown;
  try {
    mine = takeTasks(msg);
  } catch (e) {
    failed = e;
  }
  const settled = await Promise.allSettled(replies);
  if (mine === undefined) throw failed;
  const theirs = settled.map((r) => {
    if (r.status === "rejected") throw r.reason;
    return r.value;
  });
  const out: unknown[] = Array.from({ length: count });
  for (const [t, r] of mine.results) out[t] = r;
  for (const r of theirs) {
    if (r.error !== undefined) throw new Error(`stability worker failed: ${r.error}`);
    for (const [t, x] of r.results!) out[t] = x;
  }
  stats.push({ phase: kind, wallMs: performance.now() - t0, busyMs: [mine.busyMs, ...theirs.map((r) => r.busyMs!)], tasks: [mine.results.length, ...theirs.map((r) => r.results!.length)] });
  return out;
}

/** Work only this thread does, timed as a phase of its own (so the stats show what is left serial). */
function serial<T>(phase: string, stats: PhaseStats[], f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  stats.push({ phase, wallMs: ms, busyMs: [ms], tasks: [1] });
  return out;
}

export async function analyzeParallel(space: StateSpace, concepts: readonly BasicConcept[], opts: ParallelOptions = {}): Promise<Analysis> {
  const D = space.model.decisionMakers.length;
  const threads = Math.max(1, opts.threads ?? chooseThreads(space.size, D));
  if (threads < 2 || D < 2 || (!opts.force && space.size * D < PARALLEL_THRESHOLD)) return analyze(space, concepts);
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const workers = pool.take(Math.min(threads - 1, 2 * D - 1));
  const elu0 = workers.map((w) => w.performance.eventLoopUtilization());
  for (const w of workers) w.ref();
  try {
    const stats: PhaseStats[] = [];
    const wanted = BASIC_CONCEPTS.filter((c) => concepts.includes(c));
    const prep = await prepareShared(space, wanted, workers, stats);
    const perDm = await solveShared(prep, workers, stats);
    const a = serial("finish", stats, () => finishAnalysis(prep, perDm));
    const c = process.cpuUsage(cpu0);
    opts.onStats?.({
      threads: workers.length + 1,
      wallMs: performance.now() - start,
      cpuMs: (c.user + c.system) / 1000,
      phases: stats,
      workerUtilization: workers.map((w, i) => w.performance.eventLoopUtilization(elu0[i]!).utilization),
    });
    return a;
  } finally {
    for (const w of workers) w.unref();
    pool.release();
  }
}

/** prepareAnalysis on every thread: payoffs, move index and cells per decision maker, in shared memory. */
async function prepareShared(space: StateSpace, concepts: readonly BasicConcept[], workers: readonly Worker[], stats: PhaseStats[]): Promise<PreparedAnalysis> {
  const S = space.size;
  const shareU32 = (a: Uint32Array): Uint32Array => {
    const out = new Uint32Array(new SharedArrayBuffer(4 * Math.max(1, a.length)));
    out.set(a);
    return out;
  };
  const ctx = serial("share states", stats, (): PrepareContext => {
    const vec = stateVectors(space, new Float64Array(new SharedArrayBuffer(8 * Math.max(1, S))));
    return { model: space.model, lo: shareU32(space.lo), hi: shareU32(space.hi), vec, maxGroupBits: MAX_GROUP_BITS, withCells: !hasMisperceptions(space) };
  });
  const withCells = ctx.withCells;
  const dms = (await runPhase(workers, "prepare", ctx, space.model.decisionMakers.length, stats)) as PreparedDm[];
  const payoffs = dms.map((d) => ({ payoff: d.payoff, levels: d.levels }));
  const index = serial("assemble index", stats, () => restrictToPerceived(assembleMoveIndex(dms.map((d) => d.part), S, sharedInts), space, sharedInts));
  const cells = withCells
    ? dms.map((d) => d.cells!)
    : ((await runPhase(workers, "cells", { index, payoffs: payoffs.map((p) => p.payoff) } satisfies CellsContext, dms.length, stats)) as (SortedCells | null)[]);
  return { space, concepts, payoffs, index, cells };
}

/** Every decision maker's sanction passes and scan, on every thread. */
async function solveShared(prep: PreparedAnalysis, workers: readonly Worker[], stats: PhaseStats[]): Promise<DmStability[]> {
  const S = prep.space.size;
  const D = prep.payoffs.length;
  const data: EngineData = { index: prep.index, payoffs: prep.payoffs.map((p) => p.payoff), cells: prep.cells };
  const kinds = passesFor(prep.concepts);
  // The improving pass costs several times the others: those first, so no thread is left with one at the end.
  const passes: [number, SanctionPass][] = [];
  for (const pass of [...kinds].reverse()) for (let dm = 0; dm < D; dm++) passes.push([dm, pass]);
  const ctx = serial("allocate", stats, (): SolveContext => ({
    data, concepts: prep.concepts, passes,
    minimums: prep.payoffs.map(() => allocMinimums(S, prep.concepts, sharedInts)),
    passesDone: sharedInts(D), passesPerDm: kinds.length,
    flags: Object.fromEntries(prep.concepts.map((c) => [c, Array.from({ length: D }, () => new Uint8Array(new SharedArrayBuffer(Math.max(1, S))))])),
  }));
  const { flags } = ctx;
  await runPhase(workers, "solve", ctx, passes.length + D, stats);
  return prep.payoffs.map((_, dm) => ({ dm, flags: Object.fromEntries(prep.concepts.map((c) => [c, flags[c]![dm]!])) }));
}
