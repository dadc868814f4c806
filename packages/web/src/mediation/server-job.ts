/**
 * A long analysis as a job on the server (large models): started on request, followed
 * through the job's server-sent events (its progress line), cancelled through the
 * server's cancel route, and when it has succeeded its stored result is read back
 * (asking for the same analysis again answers the stored one at once).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, type AnalysisKind, type Job } from "../api";
import { useWorkbench } from "../workbench";

export type ServerJob<T> =
  | { readonly state: "idle" }
  | { readonly state: "starting" }
  | { readonly state: "running"; readonly job: Job }
  | { readonly state: "done"; readonly job: Job; readonly value: T }
  | { readonly state: "stopped"; readonly job: Job }
  | { readonly state: "failed"; readonly message: string };

export interface ServerJobControl<T> {
  readonly job: ServerJob<T>;
  start(): void;
  cancel(): void;
}

const message = (e: unknown): string => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

/** One analysis of the scenario's saved revision as a server job; `key` changing (another target) forgets the last one. */
export function useServerJob<T>(kind: AnalysisKind, options: Record<string, unknown>, key: string): ServerJobControl<T> {
  const { workspace, scenario, revision } = useWorkbench();
  const [job, setJob] = useState<ServerJob<T>>({ state: "idle" });
  const unwatch = useRef<(() => void) | null>(null);
  const opts = useRef(options);
  opts.current = options;
  const scope = `${scenario.id}@${revision.number}:${kind}:${key}`;

  useEffect(() => {
    setJob({ state: "idle" });
    return () => {
      unwatch.current?.();
      unwatch.current = null;
    };
  }, [scope]);

  const start = useCallback(() => {
    const ws = workspace.id;
    setJob({ state: "starting" });
    void (async () => {
      try {
        const started = await api.startJob(ws, scenario.id, kind, opts.current, revision.number);
        setJob({ state: "running", job: started });
        unwatch.current?.();
        unwatch.current = api.watchJob(ws, started.id, (j) => {
          if (j.state === "queued" || j.state === "running") setJob({ state: "running", job: j });
          else if (j.state === "cancelled") setJob({ state: "stopped", job: j });
          else if (j.state === "failed") setJob({ state: "failed", message: j.error ?? "the analysis failed" });
          else
            void api
              .analysis<T>(ws, scenario.id, kind, opts.current, j.revision)
              .then((r) => setJob({ state: "done", job: j, value: r.result }))
              .catch((e: unknown) => setJob({ state: "failed", message: message(e) }));
        });
      } catch (e) {
        setJob({ state: "failed", message: message(e) });
      }
    })();
  }, [workspace.id, scenario.id, revision.number, kind]);

  const cancel = useCallback(() => {
    if (job.state !== "running") return;
    void api.cancelJob(workspace.id, job.job.id).catch((e: unknown) => setJob({ state: "failed", message: message(e) }));
  }, [job, workspace.id]);

  return { job, start, cancel };
}
