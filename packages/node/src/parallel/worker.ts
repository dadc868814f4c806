// A stability worker: takes sanction passes from the shared job until none is left.
import { parentPort, workerData } from "node:worker_threads";
import { runTasks, type WorkerJob } from "./pool.js";

runTasks(workerData as WorkerJob);
parentPort!.postMessage("done");
