// A robustness worker: rebuilds the model from the scenario's text, counts its chunk of variants, and reports progress.
import { parentPort, workerData } from "node:worker_threads";
import { analyze, BASIC_CONCEPTS, loadScenario, robustnessChunk } from "@concord/core";
import type { RobustnessWorkerData, RobustnessWorkerMessage } from "./robustness.js";

const job = workerData as RobustnessWorkerData;
const loaded = loadScenario(job.source.text, { ...(job.source.file !== undefined ? { file: job.source.file } : {}), ...(job.source.format !== undefined ? { format: job.source.format } : {}) });
// The main thread loaded the same text without problems.
if (!loaded.ok || !loaded.value.space) throw new Error("robustness worker: the scenario did not load");
const base = analyze(loaded.value.space, BASIC_CONCEPTS);
// Progress at most 50 times per chunk, and at least every 200 ms when variants are slow.
const step = Math.max(1, Math.floor((job.to - job.from) / 50));
let reported = 0;
let at = Date.now();
const send = (m: RobustnessWorkerMessage): void => parentPort!.postMessage(m);
const counts = robustnessChunk(base, job.plan, job.from, job.to, (done) => {
  if (done - reported >= step || Date.now() - at >= 200) {
    at = Date.now();
    send({ progress: done - reported });
    reported = done;
  }
});
send({ progress: job.to - job.from - reported, counts });
