/**
 * Use case: which answers rest on the modeller's estimates. Every variation of every
 * estimate the model marks (`estimate: true`) is tried alone and in pairs; the answer
 * says, for each question a mediator asks (does today's situation hold, where can the
 * conflict settle, can it get to each named outcome and stay there), which estimates
 * it rests on, in plain words with their evidence; core's result follows.
 */
import { BASIC_CONCEPTS, ok, sensitivity as sensitivityOf, type Estimate, type Loaded, type Result, type SensitivityResult, type StatementRef } from "@concord/core";
import { groundsOf, plainAnswer, type PlainAnswer } from "./grounds.js";
import { inlineRunner, stopIfAborted, type AnalysisRunner, type StopSignal } from "./runner.js";
import { openModel, type ScenarioInput } from "./source.js";

export interface SensitivityOptions {
  /** Whether to try pairs of estimates (default true). */
  readonly pairs?: boolean;
  /** Called after each variant analysed with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting it stops the search at the next variant; the use case then rejects with the signal's reason. */
  readonly signal?: StopSignal;
}

export interface SensitivityUseCaseResult {
  readonly answer: PlainAnswer;
  /** Per question in plain words, the estimates it rests on alone and those that change it only in pairs. */
  readonly questions: readonly { readonly question: string; readonly alone: readonly string[]; readonly inPairs: readonly string[]; readonly conclusions: readonly string[] }[];
  readonly detail: SensitivityResult;
}

export async function sensitivity(input: ScenarioInput, options: SensitivityOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<SensitivityUseCaseResult>> {
  const opened = openModel(input, " to analyse");
  if (!opened.ok) return opened;
  const { loaded, space } = opened.value;
  const a = await runner.analyze(space, BASIC_CONCEPTS);
  const { signal, onProgress } = options;
  stopIfAborted(signal);
  const progress = signal || onProgress ? (done: number, total: number): void => {
    stopIfAborted(signal);
    onProgress?.(done, total);
  } : undefined;
  const detail = sensitivityOf(a, { ...(options.pairs !== undefined ? { pairs: options.pairs } : {}), ...(progress ? { onProgress: progress } : {}) });
  return ok({ ...sensitivityAnswerOf(loaded, detail), detail });
}

/** The plain answer and the estimates per question, from core's sensitivity result. */
export function sensitivityAnswerOf(loaded: Loaded, detail: SensitivityResult): Omit<SensitivityUseCaseResult, "detail"> {
  const questions = byQuestion(loaded, detail);
  return { answer: sensitivityAnswer(loaded, detail, questions), questions };
}

/** A mediator's question for a conclusion id, whatever the concept. */
function questionOf(loaded: Loaded, id: string): string {
  const [kind, target] = id.split(":");
  const t = loaded.space!.model.targets?.find((x) => x.id === target);
  const name = t?.label ?? (target !== undefined ? `“${target}”` : "");
  switch (kind) {
    case "status-quo-stable": return "whether today's situation holds";
    case "equilibria": return "which outcomes would hold";
    case "reachable-equilibria": return "where the conflict can settle from today";
    case "target-reachable": return `whether the conflict can get to ${name}`;
    default: return `whether it can get to ${name} and stay there`;
  }
}

/** An estimate in plain words: a priority with its words, or core's words for conditions and options. */
export function estimateWords(loaded: Loaded, e: Estimate): string {
  if (e.item.kind !== "statement") return e.words;
  const g = groundsOf(loaded, [e.item.statement])[0]!;
  return `${g.decisionMaker}'s priority ${g.position}, ${g.words}`;
}

function byQuestion(loaded: Loaded, s: SensitivityResult): SensitivityUseCaseResult["questions"] {
  const groups = new Map<string, { alone: Set<number>; pairs: Set<number>; conclusions: string[] }>();
  for (const c of s.conclusions) {
    const q = questionOf(loaded, c.id);
    const g = groups.get(q) ?? { alone: new Set(), pairs: new Set(), conclusions: [] };
    g.conclusions.push(c.id);
    for (const ch of c.changedBy) for (const v of ch.variations) (ch.variations.length === 1 ? g.alone : g.pairs).add(v.item);
    groups.set(q, g);
  }
  const words = (xs: Iterable<number>): string[] => [...xs].sort((x, y) => x - y).map((i) => estimateWords(loaded, s.estimates[i]!));
  return [...groups].map(([question, g]) => ({ question, alone: words(g.alone), inPairs: words([...g.pairs].filter((i) => !g.alone.has(i))), conclusions: g.conclusions }));
}

function sensitivityAnswer(loaded: Loaded, s: SensitivityResult, questions: SensitivityUseCaseResult["questions"]): PlainAnswer {
  const question = "Which of the answers rest on the modeller's estimates?";
  const n = s.estimates.length;
  const unmarked = unmarkedEstimates(loaded);
  const warning = unmarked === 0 ? [] : [`${unmarked === 1 ? "One priority's note calls it" : `${unmarked} priorities' notes call them`} a modeller's estimate without marking ${unmarked === 1 ? "it" : "them"} \`estimate: true\`, so ${unmarked === 1 ? "it was" : "they were"} not varied.`];
  if (n === 0) return plainAnswer(loaded, question, ["The model marks none of its judgements as a modeller's estimate, so no answer was tested against one.", ...warning], []);
  const sentences = [`The model marks ${n === 1 ? "one judgement" : `${n} judgements`} as the modeller's estimates; each was dropped or reversed, alone and in pairs, to see which answers change.`];
  for (const q of questions) {
    const cap = q.question.charAt(0).toUpperCase() + q.question.slice(1);
    if (q.alone.length > 0) sentences.push(`${cap} rests on ${q.alone.length === 1 ? "one estimate" : `${q.alone.length} estimates`}: ${q.alone.join("; ")}.`);
    else if (q.inPairs.length > 0) sentences.push(`${cap} rests on no single estimate, but changes if two of these are wrong together: ${q.inPairs.join("; ")}.`);
    else sentences.push(`${cap} rests on none of them.`);
  }
  sentences.push(...warning);
  const refs: StatementRef[] = [];
  for (const b of s.byEstimate) {
    const e = s.estimates[b.estimate]!;
    if ((b.alone.length > 0 || b.inPairs.length > 0) && e.item.kind === "statement") refs.push(e.item.statement);
  }
  return plainAnswer(loaded, question, sentences, refs);
}

/** Priorities whose note calls them a modeller's estimate but that are not marked as one. */
function unmarkedEstimates(loaded: Loaded): number {
  return loaded.space!.model.decisionMakers.reduce(
    (n, d) => n + (d.preference.kind === "priorities" ? d.preference.statements.filter((st) => !st.estimate && /modeller's estimate/i.test(st.note ?? "")).length : 0),
    0,
  );
}
