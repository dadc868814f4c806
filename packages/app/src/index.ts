/**
 * @concord/app — the application layer: one function per use case, each taking
 * plain data and returning core's Result with a serialisable value. The CLI, the
 * bench and later the server and the web app call only this layer (plus a platform
 * adapter such as @concord/node). No Node or DOM APIs.
 */
export { inlineRunner, type AnalysisRunner } from "./runner.js";
