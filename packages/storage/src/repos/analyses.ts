/**
 * Analysis results, one per (revision, kind, options): the unique constraint makes
 * a second write of the same analysis — say, by a worker that was presumed dead
 * and finished anyway — a no-op that returns the first result.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { atomically, isoNow, type Context } from "../context.js";
import { optionsHash } from "../crypto/hash.js";
import { Prepared } from "../prepared.js";
import { invalid, notFound, ok, type StoreResult } from "../result.js";
import type { AnalysesTable, Schema } from "../schema.js";
import type { Analysis } from "../types.js";
import { checkName, checkText } from "../validate.js";
import type { RevisionRef, Scenarios } from "./scenarios.js";

export interface AnalysisKey {
  readonly kind: string;
  /** The analysis options, JSON-serialisable; hashed canonically (key order does not matter). */
  readonly options: unknown;
}

export class Analyses {
  constructor(
    private readonly ctx: Context,
    private readonly scenarios: Scenarios,
  ) {}

  /** Stores a result unless one for the same revision, kind and options exists; returns the stored one either way. */
  async store(workspaceId: string, scenarioId: string, revision: RevisionRef, key: AnalysisKey, result: string): Promise<StoreResult<{ analysis: Analysis; stored: boolean }>> {
    const rev = await this.scenarios.revision(workspaceId, scenarioId, revision);
    if (!rev.ok) return rev;
    const kind = checkName("kind", key.kind);
    if (!kind.ok) return kind;
    return atomically(this.ctx, async (db) => {
      const row = { workspaceId, scenarioId, revisionId: rev.value.id, revision: rev.value.number, kind: kind.value, optionsHash: optionsHash(key.options), result, jobId: null };
      return storeOnce(this.ctx, db, row);
    });
  }

  async get(workspaceId: string, scenarioId: string, revision: RevisionRef, key: AnalysisKey): Promise<StoreResult<Analysis>> {
    const rev = await this.scenarios.revision(workspaceId, scenarioId, revision);
    if (!rev.ok) return rev;
    const row = await this.ctx.db
      .selectFrom("analyses")
      .selectAll()
      .where("revision_id", "=", rev.value.id)
      .where("kind", "=", key.kind)
      .where("options_hash", "=", optionsHash(key.options))
      .executeTakeFirst();
    return row ? ok(toAnalysis(row, rev.value.number)) : notFound("analysis", `${scenarioId}@${rev.value.number}/${key.kind}`);
  }

  /** The result of the newest revision that has one of this kind (any options). */
  async latest(workspaceId: string, scenarioId: string, kind: string): Promise<StoreResult<Analysis>> {
    const head = await this.latestHead(workspaceId, scenarioId, kind);
    if (!head.ok) return head;
    const result = await this.resultOf(head.value.id);
    return result === null ? notFound("analysis", head.value.id) : ok({ ...head.value, result });
  }

  /**
   * `latest` without the result text: what a reader needs to decide whether the
   * result it holds (by analysis id; results never change) is still the latest.
   */
  async latestHead(workspaceId: string, scenarioId: string, kind: string): Promise<StoreResult<AnalysisHead>> {
    const row = await LATEST_HEAD.first(this.ctx, workspaceId, scenarioId, kind);
    if (row) return ok(toHead(row, row.number));
    const scenario = await this.scenarios.get(workspaceId, scenarioId);
    return scenario.ok ? notFound("analysis", `${scenarioId}/${kind}`) : scenario;
  }

  /** A stored result's JSON text by the analysis's id, or null. */
  async resultOf(analysisId: string): Promise<string | null> {
    const row = await this.ctx.db.selectFrom("analyses").select("result").where("id", "=", analysisId).executeTakeFirst();
    return row?.result ?? null;
  }
}

export interface AnalysisRow {
  readonly workspaceId: string;
  readonly scenarioId: string;
  readonly revisionId: string;
  readonly revision: number;
  readonly kind: string;
  readonly optionsHash: string;
  readonly result: string;
  readonly jobId: string | null;
}

/** Inserts the result unless it exists (`on conflict do nothing`), then reads the stored row. */
export async function storeOnce(ctx: Context, db: Kysely<Schema>, a: AnalysisRow): Promise<StoreResult<{ analysis: Analysis; stored: boolean }>> {
  const size = checkText("result", a.result, ctx.limits.maxResultBytes);
  if (!size.ok) return size;
  try {
    JSON.parse(a.result);
  } catch {
    return invalid("result", "result: expected JSON text");
  }
  const inserted = await db
    .insertInto("analyses")
    .values({
      id: randomUUID(),
      workspace_id: a.workspaceId,
      scenario_id: a.scenarioId,
      revision_id: a.revisionId,
      kind: a.kind,
      options_hash: a.optionsHash,
      result: a.result,
      job_id: a.jobId,
      created_at: isoNow(ctx),
    })
    .onConflict((oc) => oc.columns(["revision_id", "kind", "options_hash"]).doNothing())
    .executeTakeFirst();
  const row = await db
    .selectFrom("analyses")
    .selectAll()
    .where("revision_id", "=", a.revisionId)
    .where("kind", "=", a.kind)
    .where("options_hash", "=", a.optionsHash)
    .executeTakeFirstOrThrow();
  return ok({ analysis: toAnalysis(row, a.revision), stored: Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1 });
}

/** An analysis without its result. */
export type AnalysisHead = Omit<Analysis, "result">;

const HEAD_COLUMNS = ["id", "workspace_id", "scenario_id", "revision_id", "kind", "options_hash", "job_id", "created_at"] as const;

const LATEST_HEAD = new Prepared(3, (db, [workspaceId, scenarioId, kind]) =>
  db
    .selectFrom("analyses")
    .innerJoin("revisions", "revisions.id", "analyses.revision_id")
    .select(HEAD_COLUMNS.map((c) => `analyses.${c}` as const))
    .select("revisions.number")
    .where("analyses.workspace_id", "=", workspaceId!)
    .where("analyses.scenario_id", "=", scenarioId!)
    .where("analyses.kind", "=", kind!)
    .orderBy("revisions.number", "desc")
    .orderBy("analyses.created_at", "desc")
    .limit(1),
);

const toHead = (r: Omit<Selectable<AnalysesTable>, "result">, revision: number): AnalysisHead => ({
  id: r.id,
  workspaceId: r.workspace_id,
  scenarioId: r.scenario_id,
  revisionId: r.revision_id,
  revision,
  kind: r.kind,
  optionsHash: r.options_hash,
  jobId: r.job_id,
  createdAt: r.created_at,
});

const toAnalysis = (r: Selectable<AnalysesTable>, revision: number): Analysis => ({ ...toHead(r, revision), result: r.result });
