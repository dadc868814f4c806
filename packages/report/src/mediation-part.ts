/**
 * The report's mediation section, from the results a caller supplied (MediationHooks):
 * each answer with the priorities it rests on (linked to the model, cited), the way
 * from today to each named outcome it is about (the brief's picture for that outcome
 * alone), the robustness shares, and the estimates the bottom line depends on.
 */
import type { NegotiationRecord } from "@concord/core";
import { pathsGraph } from "./brief/pictures-data.js";
import { diffWords, stateWords } from "./brief/steps.js";
import type { Facts } from "./facts.js";
import { priorityRef } from "./priorities.js";
import type { MediationHooks, MediationSection, PriorityRef, TargetOutlook } from "./types.js";

/** States the robustness chart shows. */
const CHART_ROWS = 10;

export function mediationSection(record: NegotiationRecord, f: Facts, targets: readonly TargetOutlook[], hooks: MediationHooks): MediationSection {
  const space = f.a.space;
  const refs = (list: readonly { dm: string; position: number }[]): PriorityRef[] => {
    const out = new Map<string, PriorityRef>();
    for (const s of list) {
      const dm = space.model.decisionMakers.findIndex((d) => d.id === s.dm);
      const r = dm < 0 ? undefined : priorityRef(record, space, dm, s.position - 1);
      if (r) out.set(r.anchor, r);
    }
    return [...out.values()];
  };
  const answers = (hooks.answers ?? []).map((x) => {
    const t = x.target === undefined ? undefined : targets.find((o) => o.id === x.target);
    const path = t && t.path.length > 0 ? pathsGraph(f, [], [t]) : undefined;
    return { id: x.id, question: x.question, answer: x.answer, rests: refs(x.statements), ...(path ? { path } : {}) };
  });
  const r = hooks.robustness;
  const label = (state: number): string => (f.sq === undefined ? stateWords(space, state - 1) : state - 1 === f.sq ? ["today's situation"] : diffWords(space, f.sq, state - 1)).join("; ");
  const estimates = new Map<string, { ref: PriorityRef; changes: string[] }>();
  for (const d of hooks.dependsOn ?? []) {
    for (const ref of refs(d.statements)) {
      const e = estimates.get(ref.anchor) ?? { ref, changes: [] };
      const q = d.question ?? d.conclusion;
      if (!e.changes.includes(q)) e.changes.push(q);
      estimates.set(ref.anchor, e);
    }
  }
  return {
    answers,
    ...(r ? { robustness: { variants: r.variants, exhaustive: r.exhaustive, seed: r.seed, distinct: r.distinct, rows: r.states.slice(0, CHART_ROWS).map((s) => ({ ...s, label: label(s.state) })) } } : {}),
    estimates: [...estimates.values()],
  };
}
