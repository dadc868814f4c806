// A stability worker: waits for the job (the pool starts workers before the job is ready), takes sanction passes from it until none is left.
import { parentPort } from "node:worker_threads";
import { runTasks, type WorkerJob } from "./pool.js";

parentPort!.once("message", (job: WorkerJob) => {
  runTasks(job);
  parentPort!.postMessage("done");
});
