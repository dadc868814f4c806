/**
 * How a stability analysis is run: in this thread, or spread over threads by a
 * platform (Node worker threads in @concord/node; a web-worker runner can follow).
 * Use cases take a runner, so the same code serves the CLI, a server and a browser.
 */
import { analyze, mergeRobustness, robustnessChunk, type Analysis, type BasicConcept, type RobustnessCounts, type RobustnessPlan, type StateSpace } from "@concord/core";
import type { ScenarioSource } from "./source.js";

/** What the application layer needs of an `AbortSignal` (it runs where there are no DOM or Node types). */
export interface StopSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** Throws the signal's reason once it has aborted. */
export function stopIfAborted(signal: StopSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}

/** The variants of a robustness plan to count; `source` lets a runner rebuild the model elsewhere (another thread, another machine). */
export interface RobustnessJob {
  readonly plan: RobustnessPlan;
  /** The scenario as text, when the use case was given text; without it the work stays in this thread. */
  readonly source?: ScenarioSource;
  /** Called as variants finish, with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the work: a runner on threads ends them at once; in this thread the count stops at the next variant. */
  readonly signal?: StopSignal;
}

export interface AnalysisRunner {
  /** The analysis of `space` under `concepts`; the same result whichever runner computes it. */
  analyze(space: StateSpace, concepts: readonly BasicConcept[]): Promise<Analysis>;
  /**
   * The counts over every variant of the plan on `base` (all four concepts). Variants
   * split into chunks that merge by adding, so the counts are the same however the
   * chunks are spread. Absent: the use case runs them in this thread.
   */
  robustness?(base: Analysis, job: RobustnessJob): Promise<RobustnessCounts>;
}

/** Every variant of the plan in this thread. */
export function robustnessInline(base: Analysis, job: RobustnessJob): RobustnessCounts {
  const { signal, onProgress } = job;
  stopIfAborted(signal);
  const progress = signal || onProgress ? (done: number, total: number): void => {
    stopIfAborted(signal);
    onProgress?.(done, total);
  } : undefined;
  return mergeRobustness([robustnessChunk(base, job.plan, 0, job.plan.variants, progress)]);
}

/** Runs the analysis in this thread. */
export const inlineRunner: AnalysisRunner = {
  analyze: async (space, concepts) => analyze(space, concepts),
  robustness: async (base, job) => robustnessInline(base, job),
};
