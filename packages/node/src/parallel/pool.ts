/**
 * Runs a stability analysis on every core: the move index and payoffs live in
 * shared memory, and the sanction passes (two per decision maker) are pulled from
 * a shared counter by this thread and by worker threads alike.
 */
import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import {
  allocMinimums,
  analyze,
  engineData,
  finishAnalysis,
  passesFor,
  prepareAnalysis,
  sanctionPass,
  stabilityFromMinimums,
  type Analysis,
  type BasicConcept,
  type EngineData,
  type SanctionMinimums,
  type SanctionPass,
  type StateSpace,
} from "@concord/core";

/** Below this many states × decision makers, starting a worker costs more than it saves. */
export const PARALLEL_THRESHOLD = 1 << 19;

/** The compiled worker, whether this module runs from src (tests) or dist. */
const WORKER_URL = new URL("../../dist/parallel/worker.js", import.meta.url);

export interface WorkerJob {
  readonly data: EngineData;
  readonly concepts: readonly BasicConcept[];
  readonly tasks: readonly (readonly [number, SanctionPass])[];
  readonly minimums: readonly SanctionMinimums[];
  /** Shared counter: the next task to take. */
  readonly next: Int32Array;
}

/** Takes tasks from the shared counter until none is left. */
export function runTasks(job: WorkerJob): void {
  for (;;) {
    const t = Atomics.add(job.next, 0, 1);
    if (t >= job.tasks.length) return;
    const [dm, pass] = job.tasks[t]!;
    sanctionPass(job.data, dm, pass, job.concepts, job.minimums[dm]!);
  }
}

/**
 * The cores not busy with other work (1-minute load average), at least 1: on a machine
 * already loaded, extra threads only compete with each other and the run gets slower
 * than on one thread. (loadavg is 0 where the platform has none: every core.)
 */
export function freeCores(): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, Math.floor(cores - loadavg()[0]! + 1)));
}

export interface ParallelOptions {
  /** Threads in all, this one included; defaults to the cores not busy with other work (freeCores). */
  readonly threads?: number;
  /** Use workers even for small models (tests). */
  readonly force?: boolean;
}

export async function analyzeParallel(space: StateSpace, concepts: readonly BasicConcept[], opts: ParallelOptions = {}): Promise<Analysis> {
  const threads = Math.max(1, opts.threads ?? freeCores());
  const D = space.model.decisionMakers.length;
  const passes = passesFor(concepts);
  const tasks: [number, SanctionPass][] = [];
  // The costliest passes first (the improving pass costs the most), so no thread is left with a long one at the end.
  for (const pass of [...passes].reverse()) for (let dm = 0; dm < D; dm++) tasks.push([dm, pass]);
  if (threads < 2 || tasks.length < 2 || (!opts.force && space.size * D < PARALLEL_THRESHOLD)) return analyze(space, concepts);

  // Start the workers first: each loads core (a few tenths of a second) while this thread prepares.
  const helpers = Math.min(threads - 1, tasks.length - 1);
  const workers = Array.from({ length: helpers }, () => new Worker(WORKER_URL));
  const done = workers.map(
    (w) =>
      new Promise<void>((resolve, reject) => {
        w.once("message", () => {
          void w.terminate();
          resolve();
        });
        w.once("error", reject);
        w.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`stability worker exited with code ${code}`))));
      }),
  );
  let prep: ReturnType<typeof prepareAnalysis>;
  let job: WorkerJob;
  try {
    const shared = (n: number): Int32Array => new Int32Array(new SharedArrayBuffer(4 * Math.max(1, n)));
    prep = prepareAnalysis(space, { concepts, alloc: shared });
    const data = engineData(prep);
    const minimums = data.payoffs.map(() => allocMinimums(space.size, prep.concepts, shared));
    job = { data, concepts: prep.concepts, tasks, minimums, next: shared(1) };
  } catch (e) {
    for (const w of workers) void w.terminate();
    throw e;
  }
  for (const w of workers) w.postMessage(job);
  runTasks(job);
  await Promise.all(done);
  const { data, minimums } = job;
  const perDm = data.payoffs.map((_, dm) => stabilityFromMinimums(data, dm, prep.concepts, minimums[dm]!));
  return finishAnalysis(prep, perDm);
}
