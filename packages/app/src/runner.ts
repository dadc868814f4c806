/**
 * How a stability analysis is run: in this thread, or spread over threads by a
 * platform (Node worker threads in @concord/node; a web-worker runner can follow).
 * Use cases take a runner, so the same code serves the CLI, a server and a browser.
 */
import { analyze, type Analysis, type BasicConcept, type StateSpace } from "@concord/core";

export interface AnalysisRunner {
  /** The analysis of `space` under `concepts`; the same result whichever runner computes it. */
  analyze(space: StateSpace, concepts: readonly BasicConcept[]): Promise<Analysis>;
}

/** Runs the analysis in this thread. */
export const inlineRunner: AnalysisRunner = {
  analyze: async (space, concepts) => analyze(space, concepts),
};
