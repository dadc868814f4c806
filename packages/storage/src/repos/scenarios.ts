/**
 * Scenarios and their revisions. A scenario is a name and a head revision number;
 * its texts live in revisions, which are only ever added (the database refuses
 * updates and deletes of revisions). Saving is optimistic: the caller says which
 * revision its edit is based on, and the save succeeds only if that is still the
 * head — otherwise it gets a conflict carrying the current head, and nothing is
 * written. The check and the write are one conditional UPDATE, atomic on both
 * engines: on PostgreSQL concurrent savers queue on the scenario's row and all but
 * one find the head moved; on SQLite the transaction holds the file's write lock.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { atomically, isoNow, writeAudit, type Context } from "../context.js";
import { sha256Hex } from "../crypto/hash.js";
import { textDiff, type TextDiff } from "../diff.js";
import { Prepared } from "../prepared.js";
import { err, notFound, ok, type StoreResult } from "../result.js";
import type { RevisionsTable, Schema, ScenariosTable } from "../schema.js";
import type { Actor, Revision, RevisionSummary, Scenario, ScenarioFormat } from "../types.js";
import { checkFormat, checkMessage, checkName, checkRevisionNumber, checkText } from "../validate.js";

export interface NewScenario {
  readonly name: string;
  readonly text: string;
  readonly format: ScenarioFormat;
  readonly message?: string;
}

export interface SaveRequest {
  /** The revision number the edit is based on (the ETag the client last saw). */
  readonly expected: number;
  readonly text: string;
  /** Default: the head revision's format. */
  readonly format?: ScenarioFormat;
  readonly message?: string;
}

export interface HistoryOptions {
  /** At most this many, newest first. Default 100, at most 1000. */
  readonly limit?: number;
  /** Only revisions numbered below this (for paging). */
  readonly before?: number;
}

export interface CompareOptions<S> {
  /** Lines of context around each change. Default 3. */
  readonly context?: number;
  /** Computes a semantic comparison of the two revisions (the server parses and compares the models). */
  readonly semantic?: (from: Revision, to: Revision) => S | Promise<S>;
}

export interface Comparison<S = never> {
  readonly from: RevisionSummary;
  readonly to: RevisionSummary;
  readonly text: TextDiff;
  readonly semantic?: S;
}

/** Which revision: a number, or the head. */
export type RevisionRef = number | "head";

const HEAD = new Prepared(2, (db, [scenarioId, workspaceId]) =>
  db
    .selectFrom("scenarios")
    .innerJoin("revisions", (join) => join.onRef("revisions.scenario_id", "=", "scenarios.id").onRef("revisions.number", "=", "scenarios.head_revision"))
    .selectAll("scenarios")
    .select("revisions.id as revision_id")
    .where("scenarios.id", "=", scenarioId!)
    .where("scenarios.workspace_id", "=", workspaceId!),
);

const SUMMARY_COLUMNS = ["id", "scenario_id", "number", "format", "author_id", "message", "created_at", "content_hash", "size", "restored_from"] as const;

export class Scenarios {
  constructor(private readonly ctx: Context) {}

  /** A new scenario with its first revision. */
  create(workspaceId: string, input: NewScenario, by: Actor): Promise<StoreResult<{ scenario: Scenario; revision: Revision }>> {
    const name = checkName("name", input.name);
    if (!name.ok) return Promise.resolve(name);
    const checked = this.checkContent(input.text, input.format, input.message);
    if (!checked.ok) return Promise.resolve(checked);
    return atomically(this.ctx, async (db) => {
      if (!(await db.selectFrom("workspaces").select("id").where("id", "=", workspaceId).executeTakeFirst())) return notFound("workspace", workspaceId);
      const now = isoNow(this.ctx);
      const row: ScenariosTable = { id: randomUUID(), workspace_id: workspaceId, name: name.value, head_revision: 1, created_at: now, updated_at: now, created_by: by.userId };
      await db.insertInto("scenarios").values(row).execute();
      const revision = await this.insertRevision(db, row.id, 1, input.text, checked.value, by, null);
      await writeAudit(this.ctx, db, by, { workspaceId, action: "scenario.create", objectType: "scenario", objectId: row.id, details: { name: row.name, revision: 1 } });
      return ok({ scenario: toScenario(row), revision });
    });
  }

  async get(workspaceId: string, scenarioId: string): Promise<StoreResult<Scenario>> {
    const row = await this.ctx.db.selectFrom("scenarios").selectAll().where("id", "=", scenarioId).where("workspace_id", "=", workspaceId).executeTakeFirst();
    return row ? ok(toScenario(row)) : notFound("scenario", scenarioId);
  }

  /** The scenario and the id of its head revision, in one query: a reader holding that revision (revisions never change) needs nothing more. */
  async head(workspaceId: string, scenarioId: string): Promise<StoreResult<{ scenario: Scenario; revisionId: string }>> {
    const row = await HEAD.first(this.ctx, scenarioId, workspaceId);
    return row ? ok({ scenario: toScenario(row), revisionId: row.revision_id }) : notFound("scenario", scenarioId);
  }

  /** The workspace's scenarios, most recently changed first. */
  async list(workspaceId: string): Promise<Scenario[]> {
    const rows = await this.ctx.db.selectFrom("scenarios").selectAll().where("workspace_id", "=", workspaceId).orderBy("updated_at", "desc").orderBy("id").execute();
    return rows.map(toScenario);
  }

  rename(workspaceId: string, scenarioId: string, name: string, by: Actor): Promise<StoreResult<Scenario>> {
    const checked = checkName("name", name);
    if (!checked.ok) return Promise.resolve(checked);
    return atomically(this.ctx, async (db) => {
      const row = await db
        .updateTable("scenarios")
        .set({ name: checked.value })
        .where("id", "=", scenarioId)
        .where("workspace_id", "=", workspaceId)
        .returningAll()
        .executeTakeFirst();
      if (!row) return notFound("scenario", scenarioId);
      await writeAudit(this.ctx, db, by, { workspaceId, action: "scenario.rename", objectType: "scenario", objectId: scenarioId, details: { name: row.name } });
      return ok(toScenario(row));
    });
  }

  /**
   * Saves a new revision if `expected` is still the head; otherwise returns a
   * conflict with the current head and writes nothing.
   */
  save(workspaceId: string, scenarioId: string, request: SaveRequest, by: Actor): Promise<StoreResult<Revision>> {
    return this.commit(workspaceId, scenarioId, request, by, null);
  }

  /** Makes an old revision's text the newest revision (nothing is rewritten), if `expected` is still the head. */
  async restore(workspaceId: string, scenarioId: string, number: number, expected: number, by: Actor, message?: string): Promise<StoreResult<Revision>> {
    const old = await this.revision(workspaceId, scenarioId, number);
    if (!old.ok) return old;
    const text = { expected, text: old.value.text, format: old.value.format, message: message ?? `Restore revision ${number}` };
    return this.commit(workspaceId, scenarioId, text, by, number);
  }

  async revision(workspaceId: string, scenarioId: string, ref: RevisionRef): Promise<StoreResult<Revision>> {
    if (ref !== "head") {
      const n = checkRevisionNumber("revision", ref);
      if (!n.ok) return n;
    }
    let q = this.ctx.db
      .selectFrom("revisions")
      .innerJoin("scenarios", "scenarios.id", "revisions.scenario_id")
      .selectAll("revisions")
      .where("scenarios.id", "=", scenarioId)
      .where("scenarios.workspace_id", "=", workspaceId);
    q = ref === "head" ? q.whereRef("revisions.number", "=", "scenarios.head_revision") : q.where("revisions.number", "=", ref);
    const row = await q.executeTakeFirst();
    if (row) return ok(toRevision(row));
    const scenario = await this.get(workspaceId, scenarioId);
    return scenario.ok ? notFound("revision", `${scenarioId}@${ref}`) : scenario;
  }

  /** Revisions without their texts, newest first. */
  async history(workspaceId: string, scenarioId: string, options: HistoryOptions = {}): Promise<StoreResult<RevisionSummary[]>> {
    const scenario = await this.get(workspaceId, scenarioId);
    if (!scenario.ok) return scenario;
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 100), 1), 1000);
    let q = this.ctx.db.selectFrom("revisions").select(SUMMARY_COLUMNS).where("scenario_id", "=", scenarioId);
    if (options.before !== undefined) q = q.where("number", "<", options.before);
    const rows = await q.orderBy("number", "desc").limit(limit).execute();
    return ok(rows.map(toSummary));
  }

  /** The line diff from one revision to another, and the semantic comparison if asked for. */
  async compare<S = never>(workspaceId: string, scenarioId: string, from: RevisionRef, to: RevisionRef, options: CompareOptions<S> = {}): Promise<StoreResult<Comparison<S>>> {
    const a = await this.revision(workspaceId, scenarioId, from);
    if (!a.ok) return a;
    const b = await this.revision(workspaceId, scenarioId, to);
    if (!b.ok) return b;
    const text = textDiff(a.value.text, b.value.text, `revision ${a.value.number}`, `revision ${b.value.number}`, options.context);
    const comparison: Comparison<S> = { from: summaryOf(a.value), to: summaryOf(b.value), text };
    return ok(options.semantic ? { ...comparison, semantic: await options.semantic(a.value, b.value) } : comparison);
  }

  private checkContent(text: string, format: unknown, message: unknown): StoreResult<{ format: ScenarioFormat; message: string; size: number }> {
    const size = checkText("text", text, this.ctx.limits.maxTextBytes);
    if (!size.ok) return size;
    const f = checkFormat(format);
    if (!f.ok) return f;
    const m = checkMessage(message);
    if (!m.ok) return m;
    return ok({ format: f.value, message: m.value, size: size.value });
  }

  private async commit(workspaceId: string, scenarioId: string, request: SaveRequest, by: Actor, restoredFrom: number | null): Promise<StoreResult<Revision>> {
    const expected = checkRevisionNumber("expected", request.expected);
    if (!expected.ok) return expected;
    let format = request.format;
    if (format === undefined) {
      const head = await this.revision(workspaceId, scenarioId, "head");
      if (!head.ok) return head;
      format = head.value.format;
    }
    const checked = this.checkContent(request.text, format, request.message);
    if (!checked.ok) return checked;
    const next = expected.value + 1;
    return atomically(this.ctx, async (db) => {
      // The compare-and-set: only a save based on the current head moves it on.
      const moved = await db
        .updateTable("scenarios")
        .set({ head_revision: next, updated_at: isoNow(this.ctx) })
        .where("id", "=", scenarioId)
        .where("workspace_id", "=", workspaceId)
        .where("head_revision", "=", expected.value)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return this.staleOrMissing(db, workspaceId, scenarioId, expected.value);
      const revision = await this.insertRevision(db, scenarioId, next, request.text, checked.value, by, restoredFrom);
      const details = restoredFrom === null ? { revision: next } : { revision: next, restoredFrom };
      await writeAudit(this.ctx, db, by, { workspaceId, action: restoredFrom === null ? "revision.save" : "revision.restore", objectType: "scenario", objectId: scenarioId, details });
      return ok(revision);
    });
  }

  private async staleOrMissing(db: Kysely<Schema>, workspaceId: string, scenarioId: string, expected: number): Promise<StoreResult<Revision>> {
    const head = await db
      .selectFrom("revisions")
      .innerJoin("scenarios", "scenarios.id", "revisions.scenario_id")
      .select(SUMMARY_COLUMNS.map((c) => `revisions.${c}` as const))
      .where("scenarios.id", "=", scenarioId)
      .where("scenarios.workspace_id", "=", workspaceId)
      .whereRef("revisions.number", "=", "scenarios.head_revision")
      .executeTakeFirst();
    if (!head) return notFound("scenario", scenarioId);
    const current = toSummary(head);
    return err({
      code: "conflict",
      resource: "revision",
      expected,
      current,
      message: `the scenario has changed: your edit is based on revision ${expected}, the latest is revision ${current.number}`,
    });
  }

  private async insertRevision(
    db: Kysely<Schema>,
    scenarioId: string,
    number: number,
    text: string,
    content: { format: ScenarioFormat; message: string; size: number },
    by: Actor,
    restoredFrom: number | null,
  ): Promise<Revision> {
    const row: RevisionsTable = {
      id: randomUUID(),
      scenario_id: scenarioId,
      number,
      text,
      format: content.format,
      author_id: by.userId,
      message: content.message,
      created_at: isoNow(this.ctx),
      content_hash: sha256Hex(text),
      size: content.size,
      restored_from: restoredFrom,
    };
    await db.insertInto("revisions").values(row).execute();
    return toRevision(row);
  }
}

const toScenario = (r: ScenariosTable): Scenario => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  headRevision: r.head_revision,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  createdBy: r.created_by,
});

const toSummary = (r: Omit<RevisionsTable, "text">): RevisionSummary => ({
  id: r.id,
  scenarioId: r.scenario_id,
  number: r.number,
  format: r.format as ScenarioFormat,
  authorId: r.author_id,
  message: r.message,
  createdAt: r.created_at,
  contentHash: r.content_hash,
  size: r.size,
  restoredFrom: r.restored_from,
});

const toRevision = (r: RevisionsTable): Revision => ({ ...toSummary(r), text: r.text });

function summaryOf(r: Revision): RevisionSummary {
  const { text: _text, ...summary } = r;
  return summary;
}
