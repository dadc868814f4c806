// A job thread (see job-thread.ts): runs one analysis and posts its progress, at most every 200 ms, and its result.
import { parentPort, workerData } from "node:worker_threads";
import { workerRunner } from "@concord/node";
import { runAnalysis } from "./analysis.js";
import type { JobThreadData, JobThreadMessage } from "./job-thread.js";

const { request, revision, step, threads } = workerData as JobThreadData;
const post = (m: JobThreadMessage): void => parentPort!.postMessage(m);
let last = 0;
const result = await runAnalysis(request, revision, workerRunner(threads !== undefined ? { threads } : {}), {
  onProgress: (progress, message) => {
    const now = Date.now();
    if (now - last < 200 && progress < 1) return;
    last = now;
    post({ progress, message });
  },
}, step);
post({ result });
