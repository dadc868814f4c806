/**
 * The page's side of the analysis worker: useAnalysis(op, text, args) keeps the latest
 * answer (the use case's Result) for the current text and arguments,
 * debounced while the user types and ignoring answers that arrived after a newer question.
 * Two workers: one for what must answer as you type (the table, explanations, the graph),
 * one for the slower mediation questions, so those never hold up the editor.
 */
import { useEffect, useState } from "react";
import type { Problem, Result } from "@concord/app";
import type { Op, Requests, WorkerAnswer, WorkerRequest } from "./protocol";

type Lane = "quick" | "slow";
const SLOW: ReadonlySet<Op> = new Set<Op>(["stabilize", "sensitivity", "coalitions", "robustness"]);

interface Pending {
  resolve(r: Answered<unknown>): void;
  /** The request, to send again to a new worker after the old one was stopped. */
  readonly message: WorkerRequest;
}
export type Answered<T> = Result<T> & { readonly ms: number };

const workers = new Map<Lane, { worker: Worker; pending: Map<number, Pending> }>();
let nextId = 1;

function lane(name: Lane) {
  let w = workers.get(name);
  if (!w) {
    const worker = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module", name: `concord-${name}` });
    const pending = new Map<number, Pending>();
    worker.onmessage = (e: MessageEvent<WorkerAnswer>) => {
      const a = e.data;
      const p = pending.get(a.id);
      pending.delete(a.id);
      p?.resolve(a.ok ? { ok: true, value: a.value, ms: a.ms } : { ok: false, problems: a.problems, ms: a.ms });
    };
    worker.onerror = (e) => {
      const problems: Problem[] = [{ code: "usage", path: [], message: `the analysis worker stopped: ${e.message}` }];
      for (const p of pending.values()) p.resolve({ ok: false, problems, ms: 0 });
      pending.clear();
      workers.delete(name);
    };
    workers.set(name, (w = { worker, pending }));
  }
  return w;
}

/**
 * Forgets a slow request nobody waits for any more. A worker cannot be interrupted, so
 * when the request is the one it is working on (the oldest), the worker is stopped and a
 * new one takes the requests still wanted: a five-minute search for a target the user has
 * left no longer holds up the next.
 */
function cancel(id: number): void {
  const w = workers.get("slow");
  if (!w?.pending.has(id)) return;
  const running = w.pending.keys().next().value === id;
  w.pending.delete(id);
  if (!running) return;
  w.worker.terminate();
  workers.delete("slow");
  const fresh = lane("slow");
  for (const [k, p] of w.pending) {
    fresh.pending.set(k, p);
    fresh.worker.postMessage(p.message);
  }
}

function send<K extends Op>(op: K, text: string, args: Requests[K]["args"]): { id: number; answer: Promise<Answered<Requests[K]["result"]>> } {
  const { worker, pending } = lane(SLOW.has(op) ? "slow" : "quick");
  const id = nextId++;
  const message: WorkerRequest<K> = { id, op, text, args };
  const answer = new Promise<Answered<Requests[K]["result"]>>((resolve) => {
    pending.set(id, { resolve: resolve as Pending["resolve"], message });
    worker.postMessage(message);
  });
  return { id, answer };
}

export type Answer<T> = { readonly state: "idle" } | { readonly state: "working"; readonly last?: Answered<T> } | ({ readonly state: "done" } & Answered<T>);

/**
 * The latest answer to `op` on `text` with `args` (null: don't ask). While a newer answer
 * is being computed the previous one stays available as `last`, so the page does not flicker.
 */
export function useAnalysis<K extends Op>(op: K, text: string | null, args: Requests[K]["args"] | null, debounceMs = 0): Answer<Requests[K]["result"]> {
  const [answer, setAnswer] = useState<Answer<Requests[K]["result"]>>({ state: "idle" });
  const key = text === null || args === null ? null : JSON.stringify(args);
  useEffect(() => {
    if (text === null || key === null) {
      setAnswer({ state: "idle" });
      return;
    }
    let current = true;
    setAnswer((a) => ({ state: "working", ...(a.state === "done" ? { last: a } : a.state === "working" && a.last ? { last: a.last } : {}) }));
    let sent: number | undefined;
    const timer = setTimeout(() => {
      const request = send(op, text, JSON.parse(key) as Requests[K]["args"]);
      sent = request.id;
      void request.answer.then((r) => {
        if (current) setAnswer({ state: "done", ...r });
      });
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
      if (sent !== undefined) cancel(sent);
    };
  }, [op, text, key, debounceMs]);
  return answer;
}

/** The value of an answer, or of the previous one while a new one is computed. */
export function latest<T>(a: Answer<T>): Answered<T> | undefined {
  return a.state === "done" ? a : a.state === "working" ? a.last : undefined;
}
