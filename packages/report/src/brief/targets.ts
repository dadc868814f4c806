/**
 * The named outcomes (the model's targets): whether moves that each improve the
 * mover's position lead from today into them, and if not, which steps a party would
 * rather not take and why; then whether they would hold once reached.
 */
import { actorName, type NegotiationRecord } from "@concord/core";
import { evidenceOf } from "../cites.js";
import { holdLevel, patternMask, type Facts } from "../facts.js";
import type { BriefStep, Cite, TargetOutlook } from "../types.js";
import { capitalise, countWords, joinWords, ordinalWords } from "../words.js";
import { holdShort } from "./outlook.js";
import { leastBlockedPath, settle } from "./paths.js";
import { briefStep, claim, stepsWords } from "./steps.js";

export function targetOutlooks(record: NegotiationRecord, f: Facts): TargetOutlook[] {
  const { a, sq } = f;
  const targets = a.space.model.targets ?? [];
  if (sq === undefined) return [];
  const P = a.payoffs.map((p) => p.payoff);
  return targets.map((t) => {
    const mask = patternMask(a.space, t.expr);
    let matching = 0;
    for (let s = 0; s < mask.length; s++) matching += mask[s]!;
    // Some feasible state matches (validation checks it), but one-way options can still rule out every way there.
    const found = leastBlockedPath(a, sq, mask);
    const path = (found?.steps ?? []).map((r) => briefStep(record, a.space, P, r.mover, r.from, r.to));
    const last: number = path.length ? path[path.length - 1]!.to - 1 : sq;
    const s = found ? settle(f, last, (x) => mask[x] === 1) : { steps: [], end: sq, holds: holdLevel(f, sq) };
    const settleSteps = s.steps.map((r) => briefStep(record, a.space, P, r.mover, r.from, r.to));
    const evidence = evidenceOf(record, t.evidence, (id) => actorName(record, id));
    const outlook = {
      id: t.id,
      label: t.label,
      pattern: t.text,
      matching,
      reachable: found !== undefined && found.blocked === 0,
      path,
      settle: settleSteps,
      end: { state: s.end + 1, holds: s.holds, inTarget: mask[s.end] === 1 },
    };
    const targetCites = evidence.flatMap((e) => e.cites);
    const targetRefs = evidence.flatMap((e) => (e.id !== undefined && e.kind !== "source" ? [`rec-${e.id}`] : []));
    return { ...outlook, claim: targetClaim(outlook, found !== undefined, targetCites, targetRefs) };
  });
}

function targetClaim(o: Omit<TargetOutlook, "claim">, wayExists: boolean, targetCites: readonly Cite[], targetRefs: readonly string[]): TargetOutlook["claim"] {
  const parts: string[] = [];
  const cites: Cite[] = [...targetCites];
  const refs: string[] = [...targetRefs];
  const use = (steps: readonly BriefStep[]): void => {
    for (const st of steps) if (st.why) { cites.push(...st.why.cites); refs.push(st.why.anchor); }
  };
  if (!wayExists) {
    parts.push(`${o.label}: no sequence of moves leads there from today.`);
    return claim(parts.join(" "), cites, refs, "targets");
  }
  if (o.path.length === 0) parts.push(`${o.label}: this is today's situation.`);
  else if (o.reachable) parts.push(`${o.label}: moves that each improve the mover's position lead there from today (${stepsWords(o.path)}).`);
  else {
    const blocked = o.path.filter((st) => st.blocked);
    const why = blocked.map((st) => `${st.by}'s step “${capitalise(st.words)}”, ${st.why ? `against its ${ordinalWords(st.why.position)} priority, ${st.why.words}${st.why.estimate ? " (a modeller's estimate)" : ""}` : "which gains it nothing"}`);
    parts.push(
      `${o.label}: not reachable by moves that each improve the mover's position; the shortest way there needs ${countWords(blocked.length, "step")} a party would rather not take: ${joinWords(why, "and")}.`,
    );
  }
  use(o.path);
  use(o.settle);
  const end = o.end.holds;
  if (o.settle.length > 0) {
    parts.push(`Once there, these moves would follow: ${stepsWords(o.settle)}; the outcome would then ${holdShort(end)}${o.end.inTarget ? "" : ", though no longer as this outcome"}.`);
  } else parts.push(`Once there, it would ${holdShort(end)}.`);
  return claim(parts.join(" "), cites, refs, "targets");
}
