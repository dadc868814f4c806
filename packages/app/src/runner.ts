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

/** Variants `from` ≤ i < `to` of a plan. */
export interface VariantRange {
  readonly from: number;
  readonly to: number;
}

/** The variants of a robustness plan to count; `source` lets a runner rebuild the model elsewhere (another thread, another machine). */
export interface RobustnessJob {
  readonly plan: RobustnessPlan;
  /** Only these variants (a part of a job split over workers); default all of the plan's. */
  readonly range?: VariantRange;
  /** The scenario as text, when the use case was given text; without it the work stays in this thread. */
  readonly source?: ScenarioSource;
  /** Called as variants finish, with the number done and the total (of the range). */
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

/** The variants a job counts: its range, or the whole plan. */
export const variantRange = (job: RobustnessJob): VariantRange => job.range ?? { from: 0, to: job.plan.variants };

/** Every variant of the job in this thread. */
export function robustnessInline(base: Analysis, job: RobustnessJob): RobustnessCounts {
  const { signal, onProgress } = job;
  const { from, to } = variantRange(job);
  stopIfAborted(signal);
  const progress = signal || onProgress ? (done: number, total: number): void => {
    stopIfAborted(signal);
    onProgress?.(done, total);
  } : undefined;
  return mergeRobustness([robustnessChunk(base, job.plan, from, to, progress)]);
}

/** Runs the analysis in this thread. */
export const inlineRunner: AnalysisRunner = {
  analyze: async (space, concepts) => analyze(space, concepts),
  robustness: async (base, job) => robustnessInline(base, job),
};
