/**
 * Coalitions and partitions of a model's decision makers: listing them, naming them
 * for people, and reading them from decision-maker ids with problems as data.
 */
import type { ConflictModel } from "../model/types.js";
import { asDmIndex, type DmIndex } from "../numbering.js";
import { fail, ok, type Problem, type Result } from "../problems.js";
import { unknown } from "../format/suggest.js";

/** Decision makers (indices, ascending) that move together. */
export type Coalition = readonly DmIndex[];

/** Every coalition is analysed for models of at most this many decision makers (2^6 − 1 = 63 coalitions). */
export const MAX_ALL_COALITIONS_DMS = 6;

/** Every coalition of `min`..`max` decision makers out of `dmCount`, smaller first, then in index order. */
export function coalitionsOf(dmCount: number, min = 2, max = dmCount): Coalition[] {
  const out: DmIndex[][] = [];
  for (let mask = 1; mask < 1 << dmCount; mask++) {
    const c: DmIndex[] = [];
    for (let d = 0; d < dmCount; d++) if ((mask >>> d) & 1) c.push(asDmIndex(d));
    if (c.length >= min && c.length <= max) out.push(c);
  }
  return out.sort((a, b) => a.length - b.length || compare(a, b));
}

function compare(a: Coalition, b: Coalition): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** "Armenia + United States and EU" */
export function coalitionName(model: ConflictModel, H: Coalition): string {
  return H.map((d) => model.decisionMakers[d]!.name).join(" + ");
}

/** Decision-maker ids of a coalition. */
export function coalitionIds(model: ConflictModel, H: Coalition): string[] {
  return H.map((d) => model.decisionMakers[d]!.id);
}

/**
 * A coalition from decision-maker ids (or names). Problems have paths
 * `[position]` in the given list.
 */
export function parseCoalition(model: ConflictModel, refs: readonly string[]): Result<Coalition> {
  const problems: Problem[] = [];
  const out: DmIndex[] = [];
  const ids = new Set(model.decisionMakers.map((d) => d.id));
  refs.forEach((ref, i) => {
    const d = asDmIndex(model.decisionMakers.findIndex((x) => x.id === ref || x.name === ref));
    if (d < 0) problems.push({ code: "unknown-ref", path: [i], message: unknown("decision maker", ref, ids) });
    else if (out.includes(d)) problems.push({ code: "duplicate-id", path: [i], message: `decision maker "${model.decisionMakers[d]!.id}" is listed twice` });
    else out.push(d);
  });
  if (refs.length === 0) problems.push({ code: "missing", path: [], message: "expected at least one decision maker in the coalition, found none" });
  return problems.length > 0 ? fail(problems) : ok(out.sort((a, b) => a - b));
}

/**
 * A partition from groups of decision-maker ids: each decision maker in at most one
 * group; those in none act alone. Problems have paths `[group, position]`.
 */
export function parsePartition(model: ConflictModel, groups: readonly (readonly string[])[]): Result<Coalition[]> {
  const problems: Problem[] = [];
  const blocks: Coalition[] = [];
  const where = new Map<number, number>();
  groups.forEach((g, gi) => {
    const r = parseCoalition(model, g);
    if (!r.ok) {
      problems.push(...r.problems.map((p) => ({ ...p, path: [gi, ...p.path] })));
      return;
    }
    r.value.forEach((d) => {
      const first = where.get(d);
      if (first !== undefined) {
        problems.push({
          code: "duplicate-id",
          path: [gi, g.findIndex((ref) => ref === model.decisionMakers[d]!.id || ref === model.decisionMakers[d]!.name)],
          message: `decision maker "${model.decisionMakers[d]!.id}" is already in group ${first + 1}; each decision maker belongs to one group`,
        });
      } else where.set(d, gi);
    });
    blocks.push(r.value);
  });
  if (problems.length > 0) return fail(problems);
  for (const { index: d } of model.decisionMakers) {
    if (!where.has(d)) blocks.push([d]);
  }
  return ok(blocks.sort((a, b) => a[0]! - b[0]!));
}

/** Plain-words summaries name at most this many states; the data has them all. */
export const SHOWN_STATES = 8;

/** "none", "state 3", "states 1, 2, 5", "states 1, 2, … and 12 more" (1-based numbers given). */
export function stateList(states: readonly number[], max = SHOWN_STATES): string {
  if (states.length === 0) return "none";
  if (states.length === 1) return `state ${states[0]}`;
  const shown = states.slice(0, max).join(", ");
  return `states ${shown}${states.length > max ? ` and ${states.length - max} more` : ""}`;
}
