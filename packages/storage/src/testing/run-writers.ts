/** Starts writer processes (writer-process.ts) and collects what they report. */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface WriterReport {
  readonly acks: { number: number; text: string }[];
  readonly conflicts: number;
  readonly done: boolean;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

const SCRIPT = fileURLToPath(new URL("./writer-process.ts", import.meta.url));

export interface Writers {
  readonly child: ChildProcess;
  /** Resolves when the process has opened the database (with `waitForGo` in the orders). */
  readonly ready: Promise<void>;
  /** Tells a process started with `waitForGo` to start writing. */
  go(): void;
  /** Resolves when the process has exited. */
  readonly report: Promise<WriterReport>;
}

/** Starts one writer process; `child` lets the caller kill it. */
export function startWriters(orders: object, onAck?: (count: number) => void): Writers {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, JSON.stringify(orders)], { stdio: ["pipe", "pipe", "pipe"] });
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const acks: { number: number; text: string }[] = [];
  let conflicts = 0;
  let done = false;
  let stderr = "";
  let buffered = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const msg = JSON.parse(line) as { ack?: number; text?: string; conflict?: number; done?: boolean; ready?: boolean };
      if (msg.ack !== undefined) {
        acks.push({ number: msg.ack, text: msg.text! });
        onAck?.(acks.length);
      } else if (msg.conflict !== undefined) conflicts++;
      else if (msg.done) done = true;
      else if (msg.ready) markReady();
    }
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => void (stderr += chunk));
  const report = new Promise<WriterReport>((resolve) =>
    child.on("close", (exitCode, signal) => resolve({ acks, conflicts, done, exitCode, signal, stderr })),
  );
  return { child, ready, go: () => void child.stdin!.end("go\n"), report };
}
