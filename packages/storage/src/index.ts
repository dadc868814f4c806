/**
 * @concord/storage — workspaces, scenarios with their full history, users and
 * access, the audit log, analysis results and jobs, on SQLite (a file, the
 * default) or PostgreSQL (`databaseUrl`), through one code path.
 */
export { openStorage, type StorageOptions } from "./open.js";
export { Storage, type Location } from "./storage.js";
export * from "./types.js";
export * from "./result.js";
export type { Limits } from "./context.js";
export type { AuditFacts } from "./context.js";
export type { NewScenario, SaveRequest, HistoryOptions, CompareOptions, Comparison, RevisionRef } from "./repos/scenarios.js";
export type { NewUser } from "./repos/users.js";
export { decideAccess, type Member } from "./repos/memberships.js";
export { DEFAULT_INVITATION_TTL_MS, type Acceptance } from "./repos/invitations.js";
export type { SessionOptions, Authenticated } from "./repos/sessions.js";
export type { RateLimit, RateDecision } from "./repos/login-attempts.js";
export type { AuditQuery } from "./repos/audit.js";
export type { AnalysisKey, AnalysisHead } from "./repos/analyses.js";
export type { TextDiff, DiffHunk } from "./diff.js";
export { roleAllows } from "./validate.js";
export { optionsHash, canonicalJson } from "./crypto/hash.js";
export { hashPassword, verifyPassword, needsRehash, DEFAULT_SCRYPT_COST, type ScryptCost } from "./crypto/passwords.js";
export type { JobRequest, JobFilter, WatchOptions } from "./jobs/job-store.js";
export type { JobQueue, JobHandler, JobContext, JobWorker, WorkOptions, StopOptions, JobSplitter, JobPart } from "./jobs/queue.js";
export type { PartSpec, PartState } from "./jobs/job-parts.js";
export { InProcessJobQueue, type InProcessQueueOptions } from "./jobs/in-process-queue.js";
export { PgBossJobQueue, type PgBossQueueOptions } from "./jobs/pg-boss-queue.js";
export { openJobQueue } from "./jobs/open-queue.js";
export { backupSqlite, restoreSqlite, type BackupReport } from "./backup.js";
