/** Preference statements as the brief cites them: in words, with their sources and estimate mark. */
import { actorName, asDmIndex, asStateIndex, decide, type NegotiationRecord, type StateSpace } from "@concord/core";
import { evidenceOf } from "./cites.js";
import type { Cite, PriorityRef } from "./types.js";
import { exprWordsShort } from "./words.js";

/**
 * Whether a modelling judgement is an estimate: marked `estimate: true`, or, until the
 * scenarios are remodelled with marks, its note calls it one ("modeller's estimate").
 */
export function isEstimate(x: { readonly estimate?: true; readonly note?: string }): boolean {
  return x.estimate === true || /\bestimate\b/i.test(x.note ?? "");
}

/** Citations without repeats (same source and quote), in first-seen order. */
export function uniqueCites(list: readonly Cite[]): Cite[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.source}\u0000${c.quote ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The report's anchor of decision maker `dmId`'s statement at `position` (1-based). */
export function priorityAnchor(dmId: string, position: number): string {
  return `pref-${dmId}-${position}`;
}

/** Statement `k` (0-based) of decision maker `dm`; undefined for a decision maker with an explicit ranking. */
export function priorityRef(record: NegotiationRecord, space: StateSpace, dm: number, k: number): PriorityRef | undefined {
  const m = space.model;
  const d = m.decisionMakers[dm]!;
  if (d.preference.kind !== "priorities") return undefined;
  const st = d.preference.statements[k]!;
  const cites = uniqueCites(evidenceOf(record, st.evidence, (id) => actorName(record, id)).flatMap((e) => e.cites));
  return {
    dm: d.name,
    dmId: d.id,
    position: k + 1,
    text: st.text,
    words: exprWordsShort(st.expr, m.options),
    estimate: isEstimate(st),
    ...(st.note !== undefined ? { note: st.note } : {}),
    cites,
    anchor: priorityAnchor(d.id, k + 1),
  };
}

/** Every statement of the model marked (or noted) as an estimate, in model order. */
export function modelEstimates(record: NegotiationRecord, space: StateSpace): PriorityRef[] {
  const out: PriorityRef[] = [];
  space.model.decisionMakers.forEach((d, dm) => {
    if (d.preference.kind !== "priorities") return;
    d.preference.statements.forEach((st, k) => {
      if (isEstimate(st)) out.push(priorityRef(record, space, dm, k)!);
    });
  });
  return out;
}

/** The statement that makes decision maker `dm` prefer state `better` to `worse` (0-based), if statements decide it. */
export function decidingPriority(record: NegotiationRecord, space: StateSpace, dm: number, better: number, worse: number): PriorityRef | undefined {
  const d = decide(space, asDmIndex(dm), asStateIndex(better), asStateIndex(worse));
  return d.statement ? priorityRef(record, space, dm, d.statement.position - 1) : undefined;
}
