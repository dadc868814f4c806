/**
 * Each analysis job on a worker thread of its own, so that cancelling a job (or a
 * worker stopping) ends the computation with `terminate()` — the engine's loops
 * cannot be interrupted from the thread that waits for them. The thread runs the
 * same use case with the Node runner (whose own threads end with it) and posts its
 * progress and its result.
 */
import { Worker } from "node:worker_threads";
import type { Result } from "@concord/app";
import type { AnalysisStep, RunJobAnalysis, StoredRevision } from "./analysis.js";
import type { RunAnalysis } from "./schemas.js";

/** The compiled entry, whether this module runs from src (tests) or dist. */
const ENTRY = new URL("../dist/job-thread-main.js", import.meta.url);

export interface JobThreadData {
  readonly request: RunAnalysis;
  readonly revision: StoredRevision;
  readonly step?: AnalysisStep;
  /** Threads the analysis may use, this one included (default: every free core). */
  readonly threads?: number;
}

export type JobThreadMessage = { readonly progress: number; readonly message: string } | { readonly result: Result<unknown> };

let live = 0;
/** Job threads running now in this process (tests check that a cancelled job's thread has ended). */
export const liveJobThreads = (): number => live;

/** Each job (or step) on a thread of its own; `threads` bounds the threads its analysis uses (several workers on one machine). */
export const jobThreads =
  (options: { readonly threads?: number } = {}): RunJobAnalysis =>
  (request, revision, { signal, onProgress }, step) =>
    new Promise((resolve, reject) => {
      signal.throwIfAborted();
      const data: JobThreadData = { request, revision, ...(step ? { step } : {}), ...(options.threads !== undefined ? { threads: options.threads } : {}) };
      const w = new Worker(ENTRY, { workerData: data });
      live++;
      let settled = false;
      const stop = (): void => void w.terminate();
      signal.addEventListener("abort", stop, { once: true });
      w.on("message", (m: JobThreadMessage) => {
        if ("result" in m) {
          settled = true;
          resolve(m.result);
          void w.terminate();
        } else onProgress(m.progress, m.message);
      });
      w.once("error", (e) => {
        settled = true;
        reject(e);
      });
      w.once("exit", (code) => {
        live--;
        signal.removeEventListener("abort", stop);
        if (!settled) reject(signal.aborted ? signal.reason : new Error(`the analysis thread exited with code ${code} before its result`));
      });
    });

export const onJobThread: RunJobAnalysis = jobThreads();
