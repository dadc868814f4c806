/**
 * The mediation results a report or a brief shows (MediationHooks): for each named
 * outcome what would make it stable and reachable, which answers rest on the
 * modeller's estimates, whether each pair of parties could together move today's
 * situation, and how often each outcome holds if the estimates are wrong. Each answer
 * in plain words with the priorities it rests on, as the mediation use cases give it.
 */
import {
  coalitionsOf,
  ok,
  type Result,
  jointMoveReport,
  PayoffMemo,
  planRobustness,
  resolveTarget,
  robustnessResult,
  sensitivity,
  stabilize,
  type Analysis,
  type Loaded,
} from "@concord/core";
import type { MediationHooks } from "@concord/report";
import { groupsOption, togetherAnswer } from "./coalitions.js";
import { usage } from "./options.js";
import { targetName, type PlainAnswer } from "./grounds.js";
import { robustnessAnswer } from "./robustness.js";
import { robustnessInline, type AnalysisRunner } from "./runner.js";
import { sensitivityAnswerOf } from "./sensitivity.js";
import type { ScenarioSource } from "./source.js";
import { partWords, stabilizeAnswer } from "./stabilize.js";

export interface MediationReportOptions {
  /** Groups asked "can they together move today's situation?", members joined by "+", groups by "," (`Armenia+US+EU`); default: every pair, for models of at most four decision makers. */
  readonly together?: string;
  /** Robustness variants to draw when there are more (default: `defaultRobustnessVariants` of the model's size); 0 leaves robustness out. */
  readonly robustness?: number | string;
  /** The seed of the draws (default 1). */
  readonly seed?: number;
}

/** Without groups named, every pair of parties is asked about in models of at most this many decision makers. */
const MAX_PAIR_DMS = 4;

/**
 * The report's robustness variants when none are asked for: 200 for small models, fewer
 * as the states grow (each variant is a new analysis of every state), so the report
 * stays within seconds — 54 on the seed's 18,432 states — and never fewer than 20.
 */
export function defaultRobustnessVariants(states: number): number {
  return Math.max(MIN_VARIANTS, Math.min(MAX_VARIANTS, Math.round(STATE_BUDGET / Math.max(1, states))));
}
const MAX_VARIANTS = 200;
const MIN_VARIANTS = 20;
/** Variants × states analysed by default. */
const STATE_BUDGET = 1_000_000;

type Statements = { dm: string; position: number }[];
const statementsOf = (a: PlainAnswer): Statements => a.grounds.map((g) => ({ dm: g.dm, position: g.position }));

/** The hooks, or a "usage" problem at `together` when a group is not made of the model's decision makers. */
export async function mediationHooks(loaded: Loaded, a: Analysis, runner: AnalysisRunner, options: MediationReportOptions = {}, source?: ScenarioSource): Promise<Result<MediationHooks>> {
  const groups = options.together === undefined ? undefined : groupsOption(loaded, options.together, "together");
  if (groups && !groups.ok) return groups;
  if (options.robustness !== undefined && !/^\d+$/.test(String(options.robustness))) {
    return usage("robustness", `expected a whole number of variants ≥ 0 (decimal digits; 0 leaves robustness out), found "${options.robustness}"`);
  }
  const model = a.space.model;
  const answers: NonNullable<MediationHooks["answers"]>[number][] = [];
  const changes: NonNullable<MediationHooks["changes"]>[number][] = [];
  // The targets' searches try the same preference changes: their payoffs are computed once.
  const memo = new PayoffMemo(a.space);
  for (const t of model.targets ?? []) {
    const target = resolveTarget(model, t.id);
    if (!target.ok) continue;
    // Changes of size 1 and no third parties: the report stays quick; `concord stabilize` searches further.
    const r = stabilize(a, target.value, { maxSize: 1, thirdParty: false, limit: 3, memo });
    const answer = stabilizeAnswer(loaded, targetName(target.value), r);
    answers.push({ id: `target-${t.id}`, question: answer.question, answer: answer.answer, target: t.id, statements: statementsOf(answer) });
    const first = r.changes.changes[0];
    if (first && r.changes.goalMet && !r.changes.alreadyMet) {
      changes.push({ target: t.id, words: first.parts.map((p) => partWords(loaded, p)).join(" and "), statements: first.parts.flatMap((p) => p.touches.slice(0, 1).map((x) => ({ dm: x.dm, position: x.position }))) });
    }
  }
  const s = sensitivity(a, { pairs: false });
  const dependsOn: NonNullable<MediationHooks["dependsOn"]>[number][] = [];
  if (s.estimates.length > 0) {
    const sa = sensitivityAnswerOf(loaded, s);
    answers.push({ id: "estimates", question: sa.answer.question, answer: sa.answer.answer, statements: statementsOf(sa.answer) });
    for (const c of s.conclusions) {
      const conclusion = c.id.startsWith("status-quo-stable:") ? "status-quo" : c.id.startsWith("reachable-equilibria:") ? "next-move" : c.id.startsWith("target-") ? (`target:${c.id.split(":")[1]}` as const) : undefined;
      if (conclusion === undefined) continue;
      const statements = c.changedBy.filter((x) => x.variations.length === 1).flatMap((x) => {
        const item = s.estimates[x.variations[0]!.item]!.item;
        return item.kind === "statement" ? [{ dm: item.dm, position: item.position }] : [];
      });
      const question = sa.questions.find((q) => q.conclusions.includes(c.id))?.question;
      if (statements.length > 0) dependsOn.push({ conclusion, ...(question !== undefined ? { question } : {}), statements });
    }
  }
  const asked = groups ? groups.value.filter((H) => H.length > 1) : model.decisionMakers.length <= MAX_PAIR_DMS ? coalitionsOf(model.decisionMakers.length, 2, 2) : [];
  if (a.space.statusQuo !== undefined) {
    for (const H of asked) {
      const r = jointMoveReport(a, H);
      if (!r.ok) continue;
      const answer = togetherAnswer(loaded, a, H, r.value);
      answers.push({ id: `together-${r.value.members.join("-")}`, question: answer.question, answer: answer.answer, statements: statementsOf(answer) });
    }
  }
  const variants = options.robustness === undefined ? defaultRobustnessVariants(a.space.size) : Number(options.robustness);
  let robustness: MediationHooks["robustness"];
  if (variants > 0 && s.estimates.length > 0) {
    const plan = planRobustness(a.space, { variants, seed: options.seed ?? 1 });
    const job = { plan, ...(source ? { source } : {}) };
    const counts = runner.robustness ? await runner.robustness(a, job) : robustnessInline(a, job);
    const res = robustnessResult(a, plan, counts);
    const answer = robustnessAnswer(loaded, res);
    answers.push({ id: "robustness", question: answer.question, answer: answer.answer, statements: [] });
    robustness = { variants: res.variants, exhaustive: plan.exhaustive, seed: plan.seed, distinct: plan.distinct, states: res.states.map((x) => ({ state: x.state, share: x.share, asWritten: x.asWritten })) };
  }
  return ok({ answers, ...(changes.length ? { changes } : {}), ...(s.estimates.length > 0 ? { dependsOn } : {}), ...(robustness ? { robustness } : {}) });
}
