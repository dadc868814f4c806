/**
 * Use case: stabilization of a target — why the conflict does not settle there, and
 * the smallest changes (a priority dropped, moved or added for one decision maker, or
 * a third party's offer or threat) that make it hold and be reachable from today.
 * The answer comes first in plain words with the priorities it rests on and their
 * sources; core's full result follows for specialists (states numbered from 1).
 */
import {
  BASIC_CONCEPTS,
  exprWords,
  ok,
  resolveTarget,
  stabilize as stabilizeTarget,
  type ChangePart,
  type Loaded,
  type Result,
  type StabilizeResult,
  type StatementRef,
} from "@concord/core";
import { groundWords, groundsOf, moveChangeWords, moveWords, plainAnswer, targetName, type PlainAnswer } from "./grounds.js";
import { atOption, conceptsOption, countOption, stateOption, usage } from "./options.js";
import { inlineRunner, type AnalysisRunner } from "./runner.js";
import { openModel, type ScenarioInput } from "./source.js";
import { targetOption } from "./target.js";

export interface StabilizeOptions {
  /** A pattern (`venue = direct & -(transit = extraterritorial)`) or a named target's id. */
  readonly target: string;
  /** The goal: an equilibrium under every one of these concepts (default all four). */
  readonly concepts?: string | readonly string[];
  /** The target state to explain (a state number from 1); default: chosen by the analysis. */
  readonly focus?: number | string;
  /** Largest change searched: 1 or 2 (default 2). */
  readonly maxSize?: number | string;
  /** Whether to try new options for third parties (default true). */
  readonly thirdParty?: boolean;
  /** Most changes listed (default 20). */
  readonly limit?: number | string;
}

export interface StabilizeUseCaseResult {
  /** "What would make it stable and reachable, and who would have to change what?" in plain words. */
  readonly answer: PlainAnswer;
  /** Core's stabilization: pulls at the focus state, the reach from the status quo, the changes and what the search covered. */
  readonly detail: StabilizeResult;
}

export async function stabilize(input: ScenarioInput, options: StabilizeOptions, runner: AnalysisRunner = inlineRunner): Promise<Result<StabilizeUseCaseResult>> {
  const concepts = conceptsOption(options.concepts);
  if (!concepts.ok) return concepts;
  const maxSize = options.maxSize === undefined ? 2 : Number(options.maxSize);
  if (maxSize !== 1 && maxSize !== 2) return usage("maxSize", `expected 1 or 2, found "${options.maxSize}"`);
  const limit = countOption(options.limit ?? 20, "limit");
  if (!limit.ok) return limit;
  const opened = openModel(input, " to stabilize");
  if (!opened.ok) return opened;
  const { loaded, space } = opened.value;
  const t = targetOption(space, options.target);
  if (!t.ok) return t;
  const focus = options.focus === undefined ? undefined : stateOption(space, options.focus, "focus");
  if (focus && !focus.ok) return focus;
  const a = await runner.analyze(space, BASIC_CONCEPTS);
  const detail = stabilizeTarget(a, t.value, {
    concepts: concepts.value,
    ...(focus ? { focus: focus.value } : {}),
    maxSize,
    ...(options.thirdParty !== undefined ? { thirdParty: options.thirdParty } : {}),
    limit: limit.value,
  });
  const name = targetName(t.value);
  return ok({ answer: stabilizeAnswer(loaded, name, detail), detail });
}

/** Top changes worded in the answer. */
const SHOWN_CHANGES = 3;

/** The answer in plain words: can the conflict get there, would it hold, what would it take and from whom. */
export function stabilizeAnswer(loaded: Loaded, name: string, r: StabilizeResult): PlainAnswer {
  const question = `What would make ${name} stable and reachable from today, and who would have to change what?`;
  if (r.target.count === 0) return plainAnswer(loaded, question, [`No possible outcome matches ${name}: the model's conditions rule it out, so no change of priorities can make it happen.`], []);
  const refs: StatementRef[] = [];
  const sentences: string[] = [];
  const reach = r.reach;
  if (reach === null) sentences.push("The model names no situation today, so whether the conflict can get there is not asked.");
  else if (reach.reachable && (reach.nearest?.path.length ?? 0) === 0) sentences.push(`Today's situation is already ${name}.`);
  else if (reach.reachable) sentences.push(`The conflict can get to ${name} from today by moves each side wants to make: ${reach.nearest!.path.map(moveWords).join(", then ")}.`);
  else if (reach.blocked === null || reach.blocked === undefined) sentences.push(`The conflict cannot get to ${name} from today at all: the model's one-way options and conditions rule out every way there.`);
  else {
    const refusals = reach.blocked.steps.filter((s) => !s.improvement).map((s) => {
      if (s.decision?.statement) refs.push(s.decision.statement);
      const why = s.decision?.statement ? `, because of ${groundWords(groundsOf(loaded, [s.decision.statement])[0]!)}` : s.decision?.prefers === "tie" ? ", as it gains nothing by it" : "";
      return `${s.move.by} would rather not ${moveChangeWords(s.move)}${why}`;
    });
    sentences.push(`The conflict does not get to ${name} from today by moves the sides want. On the way with the fewest refusals, ${refusals.join("; ")}.`);
  }
  const holds = BASIC_CONCEPTS.filter((c) => r.equilibria[c].length > 0);
  if (holds.includes("nash")) sentences.push(`Once there, it could hold: in at least one form of it no side could gain by changing its own choices.`);
  else if (holds.includes("seq")) sentences.push(`Once there, it could hold only because the others' answers would deter a side that left it.`);
  else if (holds.length > 0) sentences.push(`Once there, it would hold only against threats that would cost those who carry them out.`);
  else {
    const pulled = r.pulls.filter((p) => p.improvements.length > 0);
    for (const p of pulled) for (const imp of p.improvements.slice(0, 1)) if (imp.why) refs.push(imp.why);
    sentences.push(`Once there, it would not hold: ${pulled.map((p) => p.name).join(" and ") || "some side"} would gain by leaving it and could not be stopped.`);
  }
  const ch = r.changes;
  if (ch.alreadyMet) sentences.push("Nothing needs to change: it already holds and the conflict can get there.");
  else if (ch.changes.length === 0) {
    sentences.push(ch.coverage.pairs.searched ? "No change of one or two of the parties' priorities makes it hold and reachable." : "No change of a single priority of one party makes it hold and reachable; pairs of changes were not searched here.");
  }
  else {
    const top = ch.changes.slice(0, SHOWN_CHANGES);
    for (const c of top) for (const p of c.parts) refs.push(...p.touches);
    const lead = ch.goalMet ? (top[0]!.size === 1 ? "One change would be enough" : "Two changes together would be needed") : "No change the search tried makes it fully hold; the nearest";
    const words = top.map((c) => c.parts.map((p) => partWords(loaded, p)).join(" and ")).map((w, k) => (k === 0 ? w : `or ${w}`));
    sentences.push(`${lead}: ${words.join("; ")}${ch.total > top.length ? ` (${ch.total} such changes in all)` : ""}.`);
    // Per change, who would act (both, for a pair); the changes are alternatives.
    const who = [...new Set(top.map((c) => [...new Set(c.parts.map((p) => dmName(loaded, p.kind === "preference" ? p.change.dm : p.option.by)))].join(" and ")))];
    sentences.push(`Who would have to change: ${who.join(" or ")}.${top.some((c) => c.revisesEstimate) ? " The first change revises a modeller's estimate, not a stated position." : ""}`);
  }
  return plainAnswer(loaded, question, sentences, refs);
}

function dmName(loaded: Loaded, id: string): string {
  return loaded.space!.model.decisionMakers.find((d) => d.id === id)?.name ?? id;
}

/** A change in words, with the priorities it touches in words rather than as written. */
export function partWords(loaded: Loaded, p: ChangePart): string {
  if (p.kind === "third-party") return p.words;
  const [first] = groundsOf(loaded, p.touches.slice(0, 1));
  const name = dmName(loaded, p.change.dm);
  switch (p.change.kind) {
    case "drop":
      return `${name} gives up ${first ? groundWords(first) : `its priority ${p.change.position}`}`;
    case "move":
      return `${name} ranks ${first ? groundWords(first) : `its priority ${p.change.from}`} ${p.change.to < p.change.from ? "higher" : "lower"}, at place ${p.change.to}`;
    case "add": {
      const expr = atOption(resolveTarget(loaded.space!.model, p.change.statement), "statement");
      return `${name} comes to want ${expr.ok ? exprWords(expr.value.expr, loaded.space!.model.options) : p.change.statement} as its priority ${p.change.position}`;
    }
  }
}
