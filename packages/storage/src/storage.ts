/**
 * The storage object: one repository per kind of data, over one Kysely instance
 * that talks to SQLite or PostgreSQL. Every repository runs the same queries on
 * both; the engines differ only in engines/ and in a few lines of the migrations.
 */
import { sql, type Kysely } from "kysely";
import { atomically, type Context } from "./context.js";
import type { ScryptCost } from "./crypto/passwords.js";
import { JobStore } from "./jobs/job-store.js";
import { Analyses } from "./repos/analyses.js";
import { ApiTokens } from "./repos/api-tokens.js";
import { AuditLog } from "./repos/audit.js";
import { Invitations } from "./repos/invitations.js";
import { LoginAttempts } from "./repos/login-attempts.js";
import { Memberships } from "./repos/memberships.js";
import { Scenarios } from "./repos/scenarios.js";
import { Sessions } from "./repos/sessions.js";
import { Users } from "./repos/users.js";
import { Workspaces } from "./repos/workspaces.js";
import type { StoreResult } from "./result.js";
import type { Schema } from "./schema.js";
import type { Engine } from "./types.js";

/** Where the data is: an SQLite file or a PostgreSQL database (the URL may hold a password: do not log it). */
export type Location = { readonly engine: "sqlite"; readonly file: string } | { readonly engine: "postgres"; readonly url: string };

export class Storage {
  readonly workspaces: Workspaces;
  readonly scenarios: Scenarios;
  readonly users: Users;
  readonly memberships: Memberships;
  readonly invitations: Invitations;
  readonly sessions: Sessions;
  readonly apiTokens: ApiTokens;
  readonly loginAttempts: LoginAttempts;
  readonly audit: AuditLog;
  readonly analyses: Analyses;
  readonly jobs: JobStore;

  /** Use `openStorage`. */
  constructor(
    private readonly ctx: Context,
    readonly location: Location,
    private readonly passwordCost: ScryptCost | undefined,
    private readonly release: () => Promise<void>,
  ) {
    this.workspaces = new Workspaces(ctx);
    this.scenarios = new Scenarios(ctx);
    this.users = new Users(ctx, passwordCost);
    this.memberships = new Memberships(ctx);
    this.invitations = new Invitations(ctx, passwordCost);
    this.sessions = new Sessions(ctx);
    this.apiTokens = new ApiTokens(ctx);
    this.loginAttempts = new LoginAttempts(ctx);
    this.audit = new AuditLog(ctx);
    this.analyses = new Analyses(ctx, this.scenarios);
    this.jobs = new JobStore(ctx, this.scenarios);
  }

  get engine(): Engine {
    return this.ctx.engine;
  }

  /** The location without secrets, for logs and the health endpoint. */
  describe(): string {
    if (this.location.engine === "sqlite") return `sqlite:${this.location.file}`;
    const u = new URL(this.location.url);
    return `postgres://${u.username ? `${u.username}@` : ""}${u.host}${u.pathname}`;
  }

  /** The query builder, for maintenance and tests; application code uses the repositories. */
  get db(): Kysely<Schema> {
    return this.ctx.db;
  }

  /**
   * Runs several storage calls as one transaction: all of them take effect, or —
   * when `fn` returns an error or throws — none. Inside, use the `tx` given, not this object.
   */
  transaction<T>(fn: (tx: Storage) => Promise<StoreResult<T>>): Promise<StoreResult<T>> {
    return atomically(this.ctx, (db) => fn(new Storage({ ...this.ctx, db }, this.location, this.passwordCost, async () => {})));
  }

  /** Whether the database answers (for a health check). */
  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.ctx.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.release();
  }
}
