/** The Record page's views from the record worker, for a revision's text and a day (undefined: the scenario's own). */
import { useEffect, useRef, useState } from "react";
import { formatProblem } from "@concord/app";
import type { AnalysisView, RecordMessage, RecordView } from "./protocol";

export interface RecordState {
  readonly record?: RecordView;
  readonly analysis?: AnalysisView;
  /** A view for an older day is shown while the newer one is worked out. */
  readonly busy: "record" | "analysis" | null;
  readonly error?: string;
}

export function useRecordView(text: string, format: "yaml" | "json" | "gmcr", day: string | undefined): RecordState {
  const worker = useRef<Worker | null>(null);
  const next = useRef(0);
  const [state, setState] = useState<RecordState>({ busy: "record" });

  useEffect(() => {
    const w = new Worker(new URL("./record-worker.ts", import.meta.url), { type: "module", name: "record" });
    worker.current = w;
    w.onmessage = (e: MessageEvent<RecordMessage>) => {
      const m = e.data;
      const id = m.type === "failed" ? m.id : m.view.id;
      if (id !== next.current) return;
      if (m.type === "record") setState((s) => ({ record: m.view, ...(s.analysis ? { analysis: s.analysis } : {}), busy: m.view.model !== undefined ? "analysis" : null }));
      else if (m.type === "analysis") setState((s) => ({ ...s, analysis: m.view, busy: null }));
      else setState((s) => ({ ...s, busy: null, error: m.problems.map(formatProblem).join("\n") }));
    };
    return () => w.terminate();
  }, []);

  useEffect(() => {
    const id = ++next.current;
    setState((s) => ({ ...s, busy: "record" }));
    worker.current?.postMessage({ id, text, format, ...(day !== undefined ? { day } : {}) });
  }, [text, format, day]);

  return state;
}
