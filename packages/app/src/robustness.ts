/**
 * Use case: robustness to the modeller's estimates — if they are wrong in any
 * combination, how often is each outcome still one that holds? Variants are all
 * enumerated when few, else drawn reproducibly from a seed; the runner may spread
 * them over every core (they merge by adding counts, so the result is the same).
 */
import { BASIC_CONCEPTS, ok, planRobustness, robustnessResult, type BasicConcept, type Loaded, type Result, type RobustnessResult, type StateRobustness } from "@concord/core";
import { plainAnswer, type PlainAnswer } from "./grounds.js";
import { countOption, usage } from "./options.js";
import { inlineRunner, robustnessInline, type AnalysisRunner, type StopSignal } from "./runner.js";
import { openModel, type ScenarioInput } from "./source.js";

export interface RobustnessOptions {
  /** Variants to draw when there are more distinct ones (default 1,000); all are analysed when there are at most this many. */
  readonly variants?: number | string;
  /** The seed of the draws (default 1): the same seed gives the same result. */
  readonly seed?: number | string;
  /** Most states listed (default 20). */
  readonly limit?: number | string;
  /** Called as variants finish, with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting it stops the count (worker threads are ended); the use case then rejects with the signal's reason. */
  readonly signal?: StopSignal;
}

export interface RobustnessUseCaseResult {
  readonly answer: PlainAnswer;
  readonly detail: RobustnessResult;
}

export async function robustness(input: ScenarioInput, options: RobustnessOptions = {}, runner: AnalysisRunner = inlineRunner): Promise<Result<RobustnessUseCaseResult>> {
  const variants = options.variants === undefined ? undefined : countOption(options.variants, "variants");
  if (variants && !variants.ok) return variants;
  const limit = countOption(options.limit ?? 20, "limit");
  if (!limit.ok) return limit;
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return usage("seed", `expected a whole number from 0 to 4294967295, found "${options.seed}"`);
  const opened = openModel(input, " to analyse");
  if (!opened.ok) return opened;
  const { loaded, space } = opened.value;
  const base = await runner.analyze(space, BASIC_CONCEPTS);
  const plan = planRobustness(space, { seed, ...(variants ? { variants: variants.value } : {}) });
  const job = { plan, ...("text" in input ? { source: input } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  const counts = runner.robustness ? await runner.robustness(base, job) : robustnessInline(base, job);
  const full = robustnessResult(base, plan, counts);
  return ok({ answer: robustnessAnswer(loaded, full), detail: { ...full, states: full.states.slice(0, limit.value) } });
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** How firmly, in words: held by no one gaining alone (Nash), by deterrence that pays (SEQ), by costly threats (GMR). */
const FIRMLY: readonly [BasicConcept, string][] = [["nash", "no side gains by leaving"], ["seq", "leaving is deterred"], ["gmr", "leaving is deterred at least by costly threats"]];

export function robustnessAnswer(loaded: Loaded, r: RobustnessResult): PlainAnswer {
  const question = "If the modeller's estimates are wrong, in any combination, which outcomes still hold?";
  const n = r.plan.estimates.length;
  if (n === 0) return plainAnswer(loaded, question, ["The model marks none of its judgements as a modeller's estimate, so there is nothing to vary: the answers stand as the model gives them."], []);
  const how = r.plan.exhaustive ? `all ${r.variants} combinations` : `${r.variants} combinations drawn at random (seed ${r.plan.seed}) out of ${r.plan.distinct}`;
  const sentences = [`The model's ${n === 1 ? "estimate was" : `${n} estimates were`} varied together: ${how}.`];
  const sq = loaded.space!.statusQuo;
  const today = sq === undefined ? undefined : r.states.find((s) => s.state === sq + 1);
  if (sq !== undefined) {
    sentences.push(today ? `Today's situation holds in ${percent(today.share.seq)} of them (${percent(today.share.nash)} with no side gaining by leaving).` : "Today's situation holds in none of them.");
  }
  for (const [c, words] of FIRMLY) {
    const top = best(r.states, c);
    if (top && top.share[c] > 0) {
      sentences.push(`The outcome that holds most often, in the sense that ${words}: ${top.words} — in ${percent(top.share[c])} of them${top.asWritten[c] ? "" : " (not in the model as written)"}.`);
      break;
    }
  }
  return plainAnswer(loaded, question, sentences, []);
}

function best(states: readonly StateRobustness[], c: BasicConcept): StateRobustness | undefined {
  return states.reduce<StateRobustness | undefined>((b, s) => (b === undefined || s.share[c] > b.share[c] ? s : b), undefined);
}
