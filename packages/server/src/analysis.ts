/**
 * One analysis of one revision through the application layer's use cases — the
 * same JSON the CLI prints with --json. Used by the analyses route (run now) and by
 * job workers (run later, in the server or in `concord worker`), which run each job
 * on a thread of its own (job-thread.ts) so that cancelling it ends the work.
 */
import {
  analyze,
  brief,
  formatProblem,
  report,
  robustness,
  robustnessFromParts,
  robustnessPart,
  sensitivity,
  stabilize,
  statusQuo,
  type AnalysisRunner,
  type Result,
  type RobustnessCounts,
  type VariantRange,
} from "@concord/app";
import type { JobHandler, Storage } from "@concord/storage";
import { RunAnalysisBody, type RunAnalysis } from "./schemas.js";

export interface StoredRevision {
  readonly text: string;
  readonly format: "yaml" | "json" | "gmcr";
  readonly number: number;
}

/** How a long analysis reports and is stopped: progress as a fraction with words, an abort signal. */
export interface AnalysisControl {
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number, message: string) => void;
}

/** A step of a job split into parts (job-split.ts): one part's variants, or the merge of the parts' counts. */
export type AnalysisStep = { readonly part: VariantRange } | { readonly merge: readonly RobustnessCounts[] };

/** The analysis's result; with `step`, that step's (robustness only). */
export function runAnalysis(request: RunAnalysis, revision: StoredRevision, runner: AnalysisRunner, control: AnalysisControl = {}, step?: AnalysisStep): Promise<Result<unknown>> {
  const source = { text: revision.text, format: revision.format, file: `revision ${revision.number}` };
  const { signal, onProgress } = control;
  const watch = {
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress: (done: number, total: number) => onProgress(done / total, `${done} of ${total} variants analysed`) } : {}),
  };
  if (step && request.kind !== "robustness") throw new Error(`a ${request.kind} analysis is not split into parts`);
  switch (request.kind) {
    case "analyze":
      return analyze(source, request.options ?? {}, runner);
    case "status-quo":
      return statusQuo(source, request.options ?? {}, runner);
    case "brief":
      return brief(source, request.options ?? {}, runner);
    case "report":
      return report(source, request.options ?? {}, runner);
    case "robustness":
      if (step && "part" in step) return robustnessPart(source, { ...request.options, ...watch }, step.part, runner);
      if (step) return robustnessFromParts(source, request.options ?? {}, step.merge, runner);
      return robustness(source, { ...request.options, ...watch }, runner);
    case "sensitivity":
      return sensitivity(source, { ...request.options, ...watch }, runner);
    case "stabilize":
      return stabilize(source, request.options, runner);
  }
}

/** Runs one job's analysis (or a step of it): on a thread of its own in production (job-thread.ts), in this thread in tests. */
export type RunJobAnalysis = (request: RunAnalysis, revision: StoredRevision, control: Required<AnalysisControl>, step?: AnalysisStep) => Promise<Result<unknown>>;

/** In this thread, with `runner`: cancelling stops robustness and sensitivity between variants, not an analysis under way. */
export const inThisThread =
  (runner: AnalysisRunner): RunJobAnalysis =>
  (request, revision, control, step) =>
    runAnalysis(request, revision, runner, control, step);

/**
 * What a worker does with an analysis job: reads the revision, runs the use case
 * with the job's abort signal and progress, returns the result (the queue stores it
 * once). A failure's message is what the job shows.
 */
export function analysisJobHandler(storage: Storage, run: RunJobAnalysis): JobHandler {
  return async (job, context) => {
    const request = RunAnalysisBody.safeParse({ kind: job.kind, options: job.options });
    if (!request.success) throw new Error(`not an analysis Concord knows: ${request.error.issues[0]?.message ?? job.kind}`);
    const revision = await storage.scenarios.revision(job.workspaceId, job.scenarioId, job.revision);
    if (!revision.ok) throw new Error(revision.error.message);
    context.progress(0, "analysing");
    const result = await run(request.data, revision.value, { signal: context.signal, onProgress: (fraction, message) => context.progress(fraction, message) });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("; "));
    return result.value;
  };
}
