/**
 * The tables as Kysely sees them (column names as in SQL). Both engines store the
 * same types: text ids, ISO 8601 text times, integers, text JSON — so one query
 * path serves both. The migrations in migrations/ create exactly these.
 */
import type { Generated } from "kysely";

export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: string;
  created_by: string | null;
}

export interface ScenariosTable {
  id: string;
  workspace_id: string;
  name: string;
  head_revision: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

export interface RevisionsTable {
  id: string;
  scenario_id: string;
  number: number;
  text: string;
  format: string;
  author_id: string | null;
  message: string;
  created_at: string;
  content_hash: string;
  size: number;
  restored_from: number | null;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
  /** 1 for an administrator of the server (reads the whole audit log and the users), else 0. */
  admin: number;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role: string;
  token_hash: string;
  created_at: string;
  created_by: string | null;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  key: string;
  at: string;
  succeeded: number;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_id: string | null;
  via: string | null;
  workspace_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  details: string;
}

export interface AnalysesTable {
  id: string;
  workspace_id: string;
  scenario_id: string;
  revision_id: string;
  kind: string;
  options_hash: string;
  result: string;
  job_id: string | null;
  created_at: string;
}

export interface JobsTable {
  id: string;
  workspace_id: string;
  scenario_id: string;
  revision_id: string;
  kind: string;
  options: string;
  options_hash: string;
  state: string;
  progress: number;
  progress_message: string | null;
  attempts: number;
  max_attempts: number;
  error: string | null;
  cancel_requested_at: string | null;
  worker: string | null;
  lease_until: string | null;
  analysis_id: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
  /** How many parts the job was split into (null: run whole). */
  parts: number | null;
  /** What the parts' sizes count, for the progress message ("variants"). */
  part_unit: string | null;
}

export interface JobPartsTable {
  job_id: string;
  part: number;
  /** What the part covers, as JSON (for robustness, a range of variants). */
  spec: string;
  /** Its weight in the job's progress, in the job's part unit. */
  size: number;
  state: string;
  progress: number;
  attempts: number;
  worker: string | null;
  lease_until: string | null;
  /** The part's result as JSON, once done. */
  result: string | null;
  updated_at: string;
}

export interface Schema {
  workspaces: WorkspacesTable;
  scenarios: ScenariosTable;
  revisions: RevisionsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  analyses: AnalysesTable;
  jobs: JobsTable;
  job_parts: JobPartsTable;
  invitations: InvitationsTable;
}
