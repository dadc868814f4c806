/**
 * One analysis of one revision through the application layer's use cases — the
 * same JSON the CLI prints with --json. Used by the analyses route (run now) and by
 * job workers (run later, in the server or in `concord worker`).
 */
import { analyze, brief, formatProblem, report, statusQuo, type AnalysisRunner, type Result } from "@concord/app";
import type { JobHandler, Storage } from "@concord/storage";
import { RunAnalysisBody, type RunAnalysis } from "./schemas.js";

export function runAnalysis(request: RunAnalysis, revision: { text: string; format: "yaml" | "json" | "gmcr"; number: number }, runner: AnalysisRunner): Promise<Result<unknown>> {
  const source = { text: revision.text, format: revision.format, file: `revision ${revision.number}` };
  switch (request.kind) {
    case "analyze":
      return analyze(source, request.options ?? {}, runner);
    case "status-quo":
      return statusQuo(source, request.options ?? {}, runner);
    case "brief":
      return brief(source, request.options ?? {}, runner);
    case "report":
      return report(source, request.options ?? {}, runner);
  }
}

/**
 * What a worker does with an analysis job: reads the revision, runs the use case,
 * returns the result (the queue stores it once). A failure's message is what the
 * job shows. The analysis itself cannot be interrupted: a cancelled job's result is
 * thrown away when it arrives.
 */
export function analysisJobHandler(storage: Storage, runner: AnalysisRunner): JobHandler {
  return async (job, context) => {
    const request = RunAnalysisBody.safeParse({ kind: job.kind, options: job.options });
    if (!request.success) throw new Error(`not an analysis Concord knows: ${request.error.issues[0]?.message ?? job.kind}`);
    const revision = await storage.scenarios.revision(job.workspaceId, job.scenarioId, job.revision);
    if (!revision.ok) throw new Error(revision.error.message);
    context.progress(0.05, "analysing");
    const result = await runAnalysis(request.data, revision.value, runner);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("; "));
    return result.value;
  };
}
