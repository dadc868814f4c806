/**
 * @concord/server — the workbench server: an HTTP API (Hono) over the application
 * layer and storage. `createApp` is the pure `Request → Response` app; `startServer`
 * puts it on a socket with migrations, logs and graceful shutdown.
 */
export { createApp } from "./app.js";
export type { ServerDeps, ServerLimits, Mode, Principal } from "./context.js";
export { jsonLines, type LogSink } from "./log.js";
export { startServer, startWorker, SHUTDOWN_GRACE_MS, type RunningServer, type RunningWorker, type StartOptions, type WorkerOptions } from "./node-server.js";
export { analysisJobHandler, inThisThread, runAnalysis, type AnalysisStep, type RunJobAnalysis } from "./analysis.js";
export { analysisSplitter } from "./job-split.js";
export { jobThreads, onJobThread } from "./job-thread.js";
export { SETTINGS, resolveSettings, settingsFromEnv, type Settings, type SettingSpec } from "./settings.js";
export { webApp, CONTENT_SECURITY_POLICY, type StaticFiles } from "./web.js";
export { folderFiles } from "./web-files.js";
