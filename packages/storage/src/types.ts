/**
 * The objects storage hands out. Times are ISO 8601 strings in UTC with
 * milliseconds (`2024-05-01T12:00:00.000Z`), the same on both engines; ids are
 * random UUIDs; revision numbers count from 1 within a scenario.
 */

export type Engine = "sqlite" | "postgres";

/** Roles per workspace, weakest first: a viewer reads, an editor also writes, an owner also manages members. */
export const ROLES = ["viewer", "editor", "owner"] as const;
export type Role = (typeof ROLES)[number];

/** Scenario text formats storage accepts. */
export const FORMATS = ["yaml", "json", "gmcr"] as const;
export type ScenarioFormat = (typeof FORMATS)[number];

/** Who does something: a user, or nobody in particular (local mode, the system). Recorded in the audit log. */
export interface Actor {
  readonly userId: string | null;
  /** How the actor came in, for the audit log: "session", "token", "local", "worker", … */
  readonly via?: string;
}

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

export interface Scenario {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  /** The latest revision's number: the ETag of the scenario. */
  readonly headRevision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string | null;
}

/** A revision without its text: what history lists and conflicts carry. */
export interface RevisionSummary {
  readonly id: string;
  readonly scenarioId: string;
  readonly number: number;
  readonly format: ScenarioFormat;
  readonly authorId: string | null;
  readonly message: string;
  readonly createdAt: string;
  /** SHA-256 of the text's UTF-8 bytes, hex. */
  readonly contentHash: string;
  /** Length of the text in UTF-8 bytes. */
  readonly size: number;
  /** When this revision restores an earlier one: that one's number. */
  readonly restoredFrom: number | null;
}

export interface Revision extends RevisionSummary {
  readonly text: string;
}

export interface User {
  readonly id: string;
  /** Lower-cased; unique. */
  readonly email: string;
  readonly displayName: string;
  readonly createdAt: string;
  readonly disabledAt: string | null;
  /** An administrator of the server: reads the whole audit log and the list of users. */
  readonly admin: boolean;
}

/** An invitation to join a workspace with a role; the secret that accepts it is shown once, at creation. */
export interface Invitation {
  readonly id: string;
  readonly workspaceId: string;
  /** Lower-cased: the address of the person invited. */
  readonly email: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
  readonly acceptedBy: string | null;
  readonly revokedAt: string | null;
}

export interface Membership {
  readonly workspaceId: string;
  readonly userId: string;
  readonly role: Role;
  readonly createdAt: string;
}

export interface Session {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
}

export interface ApiToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface AuditEntry {
  /** Increases with every entry: the log's order. */
  readonly seq: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly via: string | null;
  readonly workspaceId: string | null;
  /** What happened, as `object.verb`: "scenario.create", "revision.save", "membership.grant", … */
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  /** Small JSON-serialisable facts about the change (a revision number, a role); never secrets. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface Analysis {
  readonly id: string;
  readonly workspaceId: string;
  readonly scenarioId: string;
  readonly revisionId: string;
  readonly revision: number;
  readonly kind: string;
  readonly optionsHash: string;
  /** The result as JSON text, stored as computed. */
  readonly result: string;
  readonly jobId: string | null;
  readonly createdAt: string;
}

export const JOB_STATES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface Job {
  readonly id: string;
  readonly workspaceId: string;
  readonly scenarioId: string;
  readonly revisionId: string;
  readonly revision: number;
  readonly kind: string;
  /** The analysis options as given (JSON-serialisable). */
  readonly options: unknown;
  readonly optionsHash: string;
  readonly state: JobState;
  /** 0..1 */
  readonly progress: number;
  readonly progressMessage: string | null;
  /** How many times a worker has started it. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly error: string | null;
  readonly cancelRequested: boolean;
  /** The worker running it (a job split into parts: the one that merged them). */
  readonly worker: string | null;
  /** How many parts it was split into so that several workers share it (null: run whole). */
  readonly parts: number | null;
  readonly analysisId: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly updatedAt: string;
}
