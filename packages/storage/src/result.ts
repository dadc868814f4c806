/**
 * Errors are data: every storage call that can fail for a reason the caller should
 * show (a missing id, a stale revision, a missing role, a bad value) returns a
 * `StoreResult`; the HTTP layer maps each `code` to one status and an RFC 9457
 * problem document. Exceptions are left for broken databases and programming errors.
 */
import type { RevisionSummary, Role } from "./types.js";

/** What kind of object an error is about; also the object types of the audit log. */
export type ResourceKind =
  | "workspace"
  | "scenario"
  | "revision"
  | "user"
  | "membership"
  | "session"
  | "api-token"
  | "analysis"
  | "job"
  | "invitation";

export type StoreError =
  /** No such object in this workspace. An id from another workspace gets exactly this answer, so ids never leak. */
  | { readonly code: "not-found"; readonly resource: ResourceKind; readonly id: string; readonly message: string }
  /** A save based on a revision that is no longer the latest (HTTP 412); `current` is the latest one. */
  | { readonly code: "conflict"; readonly resource: "revision"; readonly expected: number; readonly current: RevisionSummary; readonly message: string }
  /** A value that must be unique is taken, e.g. an e-mail address (HTTP 409). */
  | { readonly code: "duplicate"; readonly resource: ResourceKind; readonly field: string; readonly message: string }
  /** A member of the workspace whose role does not allow the action (HTTP 403). */
  | { readonly code: "forbidden"; readonly workspaceId: string; readonly need: Role; readonly have: Role; readonly message: string }
  /** A value the storage cannot accept; `field` names it (HTTP 400/422). */
  | { readonly code: "validation"; readonly field: string; readonly message: string };

export type StoreErrorCode = StoreError["code"];

export type StoreResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StoreError };

export const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value });
export const err = <T = never>(error: StoreError): StoreResult<T> => ({ ok: false, error });

export const notFound = <T = never>(resource: ResourceKind, id: string): StoreResult<T> =>
  err({ code: "not-found", resource, id, message: `no ${resource} "${id}" here` });

export const invalid = <T = never>(field: string, message: string): StoreResult<T> => err({ code: "validation", field, message });

export const duplicate = <T = never>(resource: ResourceKind, field: string, message: string): StoreResult<T> =>
  err({ code: "duplicate", resource, field, message });
