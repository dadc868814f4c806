/** The Node analysis runner: large models and many robustness variants are analysed on worker threads (see parallel/). */
import type { AnalysisRunner } from "@concord/app";
import { analyzeParallel, type ParallelOptions } from "./parallel/pool.js";
import { robustnessParallel } from "./parallel/robustness.js";

export function workerRunner(options: ParallelOptions = {}): AnalysisRunner {
  return {
    analyze: (space, concepts) => analyzeParallel(space, concepts, options),
    robustness: (base, job) => robustnessParallel(base, job, options),
  };
}
