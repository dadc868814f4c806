/**
 * How `concord worker`s share one long analysis (the PostgreSQL queue): a robustness
 * job is split into ranges of variants (the application layer's robustnessParts),
 * each counted by whichever worker takes it, and the counts are merged into the
 * result the unsplit analysis gives — variant i is drawn from the seed and i alone,
 * so it counts the same wherever it runs. Other analyses run whole.
 */
import { formatProblem, robustnessParts, type PartPolicy, type Result, type RobustnessCounts, type VariantRange } from "@concord/app";
import type { Job, JobContext, JobSplitter, Storage } from "@concord/storage";
import type { AnalysisStep, RunJobAnalysis, StoredRevision } from "./analysis.js";
import { RunAnalysisBody, type RunAnalysis } from "./schemas.js";

export function analysisSplitter(storage: Storage, run: RunJobAnalysis, policy: PartPolicy = {}): JobSplitter {
  const step = async (job: Job, context: JobContext, what: AnalysisStep): Promise<unknown> => {
    const { request, revision } = await read(storage, job);
    const r = await run(request, revision, { signal: context.signal, onProgress: (fraction, message) => context.progress(fraction, message) }, what);
    return valueOf(r);
  };
  return {
    async split(job) {
      if (job.kind !== "robustness") return null;
      const { request, revision } = await read(storage, job);
      if (request.kind !== "robustness") return null;
      // Only the plan: the model is loaded (in this thread, briefly), nothing is analysed.
      const parts = robustnessParts(sourceOf(revision), request.options ?? {}, policy);
      if (!parts.ok) return null;
      return { parts: parts.value.map((range) => ({ spec: range, size: range.to - range.from })), unit: "variants" };
    },
    runPart: (job, part, context) => step(job, context, { part: rangeOf(part.spec) }),
    merge: (job, results, context) => {
      const total = (results as RobustnessCounts[]).reduce((n, c) => n + c.variants, 0);
      context.progress(1, `${total} of ${total} variants analysed; putting the ${results.length} parts together`);
      return step(job, context, { merge: results as RobustnessCounts[] });
    },
  };
}

async function read(storage: Storage, job: Job): Promise<{ request: RunAnalysis; revision: StoredRevision }> {
  const request = RunAnalysisBody.safeParse({ kind: job.kind, options: job.options });
  if (!request.success) throw new Error(`not an analysis Concord knows: ${request.error.issues[0]?.message ?? job.kind}`);
  const revision = await storage.scenarios.revision(job.workspaceId, job.scenarioId, job.revision);
  if (!revision.ok) throw new Error(revision.error.message);
  return { request: request.data, revision: revision.value };
}

const sourceOf = (revision: StoredRevision) => ({ text: revision.text, format: revision.format, file: `revision ${revision.number}` });

function rangeOf(spec: unknown): VariantRange {
  const r = spec as Partial<VariantRange> | null;
  if (typeof r?.from !== "number" || typeof r.to !== "number") throw new Error(`a part's variants: expected { from, to }, found ${JSON.stringify(spec)}`);
  return { from: r.from, to: r.to };
}

function valueOf(r: Result<unknown>): unknown {
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("; "));
  return r.value;
}
