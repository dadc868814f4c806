// A stability worker: started once and kept warm; for each phase it is sent, it takes tasks until none is left and answers with its results.
import { parentPort } from "node:worker_threads";
import { takeTasks, type PhaseMessage, type PhaseReply } from "./tasks.js";

parentPort!.on("message", (msg: PhaseMessage) => {
  let reply: PhaseReply;
  try {
    reply = takeTasks(msg);
  } catch (e) {
    reply = { error: e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e) };
  }
  parentPort!.postMessage(reply);
});
