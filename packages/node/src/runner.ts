/** The Node analysis runner: large models are analysed on worker threads (see parallel/pool.ts). */
import type { AnalysisRunner } from "@concord/app";
import { analyzeParallel, type ParallelOptions } from "./parallel/pool.js";

export function workerRunner(options: ParallelOptions = {}): AnalysisRunner {
  return { analyze: (space, concepts) => analyzeParallel(space, concepts, options) };
}
