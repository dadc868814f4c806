/**
 * Robustness on every core: the job's variants split into one contiguous chunk per
 * worker thread; each worker rebuilds the model from the scenario's text, analyses
 * its chunk and sends back counts, which merge by adding (so the result is exactly
 * the single-thread one). Workers report progress as they go.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { robustnessInline, stopIfAborted, variantRange, type RobustnessJob } from "@concord/app";
import { mergeRobustness, type Analysis, type RobustnessCounts, type RobustnessPlan } from "@concord/core";
import type { ParallelOptions } from "./pool.js";

/** Below this many variants, starting workers costs more than it saves. */
export const ROBUSTNESS_PARALLEL_THRESHOLD = 200;

const WORKER_URL = new URL("../../dist/parallel/robustness-worker.js", import.meta.url);

/** What a robustness worker is given. */
export interface RobustnessWorkerData {
  readonly source: NonNullable<RobustnessJob["source"]>;
  readonly plan: RobustnessPlan;
  readonly from: number;
  readonly to: number;
}

/** What a robustness worker sends: progress (variants done since the last message), and at the end its counts. */
export interface RobustnessWorkerMessage {
  readonly progress: number;
  readonly counts?: RobustnessCounts;
}

export async function robustnessParallel(base: Analysis, job: RobustnessJob, opts: ParallelOptions = {}): Promise<RobustnessCounts> {
  const threads = Math.max(1, opts.threads ?? availableParallelism());
  const { from, to } = variantRange(job);
  const n = to - from;
  const source = job.source;
  if (source === undefined || threads < 2 || (!opts.force && n < ROBUSTNESS_PARALLEL_THRESHOLD)) return robustnessInline(base, job);
  const workers = Math.min(threads, n);
  const signal = job.signal;
  stopIfAborted(signal);
  const running = new Set<Worker>();
  // Aborting ends every worker at once: the work stops, not just the waiting.
  const stop = (): void => {
    for (const w of running) void w.terminate();
  };
  signal?.addEventListener("abort", stop, { once: true });
  let done = 0;
  try {
    return mergeRobustness(await Promise.all(
      Array.from({ length: workers }, (_, k) => {
        const data: RobustnessWorkerData = { source, plan: job.plan, from: from + Math.floor((k * n) / workers), to: from + Math.floor(((k + 1) * n) / workers) };
        return new Promise<RobustnessCounts>((resolve, reject) => {
          const w = new Worker(WORKER_URL, { workerData: data });
          running.add(w);
          w.on("message", (m: RobustnessWorkerMessage) => {
            done += m.progress;
            if (m.progress > 0) job.onProgress?.(done, n);
            if (m.counts) {
              void w.terminate();
              resolve(m.counts);
            }
          });
          w.once("error", reject);
          // After the counts came, this is a no-op.
          w.once("exit", (code) => {
            running.delete(w);
            reject(signal?.aborted ? signal.reason : new Error(`robustness worker exited with code ${code} before sending its counts`));
          });
        });
      }),
    ));
  } finally {
    signal?.removeEventListener("abort", stop);
    stop(); // the others, when one failed
  }
}
