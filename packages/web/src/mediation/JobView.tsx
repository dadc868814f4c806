/** A server job as the page shows it: a start button, then a progress line with Cancel, then the answer (or that it was stopped). */
import type { ReactNode } from "react";
import type { ServerJobControl } from "./server-job";

const percent = (p: number): string => `${Math.round(p * 100)}%`;

export function JobView<T>({ control, what, size, children }: { control: ServerJobControl<T>; what: string; size: number; children: (v: T) => ReactNode }) {
  const { job, start, cancel } = control;
  const again = (
    <button type="button" onClick={start}>
      Start {what} again
    </button>
  );
  switch (job.state) {
    case "idle":
      return (
        <p>
          On a model of {size.toLocaleString("en")} states {what} can take minutes, so it runs on the server as a job; you can leave this page and come back.{" "}
          <button type="button" onClick={start}>
            Start {what}
          </button>
        </p>
      );
    case "starting":
      return <p role="status">Asking the server to start {what}…</p>;
    case "running": {
      const j = job.job;
      return (
        <div aria-busy="true">
          <p role="status" data-testid="job-progress">
            {j.state === "queued" ? `Waiting for the server to start ${what}…` : `The server is working on ${what}: ${j.progressMessage ?? "analysing"}${j.progress > 0 ? ` (${percent(j.progress)})` : ""}.`}
            {j.cancelRequested ? " Stopping…" : ""}
          </p>
          {j.progress > 0 ? <progress max={1} value={j.progress} aria-label={`Progress of ${what}`} /> : null}{" "}
          <button type="button" onClick={cancel} disabled={j.cancelRequested}>
            Cancel
          </button>
        </div>
      );
    }
    case "stopped":
      return (
        <p role="status" data-testid="job-stopped">
          Stopped: {what} was cancelled on the server and nothing was kept. {again}
        </p>
      );
    case "failed":
      return (
        <p role="alert" className="error">
          {what} failed: {job.message} {again}
        </p>
      );
    case "done":
      return <div>{children(job.value)}</div>;
  }
}
