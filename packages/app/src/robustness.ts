/**
 * Use case: robustness to the modeller's estimates — if they are wrong in any
 * combination, how often is each outcome still one that holds? Variants are all
 * enumerated when few, else drawn reproducibly from a seed; the runner may spread
 * them over every core (they merge by adding counts, so the result is the same).
 * For several machines, robustnessParts splits them into ranges, robustnessPart
 * counts one range anywhere, and robustnessFromParts merges the counts into the same
 * result as `robustness`.
 */
import {
  BASIC_CONCEPTS,
  mergeRobustness,
  ok,
  planRobustness,
  robustnessResult,
  type Analysis,
  type BasicConcept,
  type Loaded,
  type Result,
  type RobustnessCounts,
  type RobustnessPlan,
  type RobustnessResult,
  type StateRobustness,
  type StateSpace,
} from "@concord/core";
import { plainAnswer, type PlainAnswer } from "./grounds.js";
import { countOption, usage } from "./options.js";
import { inlineRunner, robustnessInline, type AnalysisRunner, type RobustnessJob, type StopSignal, type VariantRange } from "./runner.js";
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
  const p = prepare(input, options);
  if (!p.ok) return p;
  const base = await runner.analyze(p.value.space, BASIC_CONCEPTS);
  const counts = await count(base, p.value.plan, input, options, runner);
  return ok(finish(p.value, base, counts));
}

/**
 * How a robustness analysis is split for several workers (`concord worker` on
 * PostgreSQL): into parts of at least PART_MIN_VARIANTS variants, at most MAX_PARTS.
 * Each part pays a fixed cost before its first variant (a thread, loading the model,
 * the analysis as written: on the seed about 4 s of CPU, some 50 of its variants), so
 * smaller parts waste more than they balance. Twelve parts share out evenly among 2,
 * 3, 4 or 6 workers, and parts finishing at different times still leave every worker
 * busy until near the end.
 */
export const PART_MIN_VARIANTS = 100;
export const MAX_PARTS = 12;

export interface PartPolicy {
  /** Fewest variants in a part (default PART_MIN_VARIANTS). */
  readonly minVariants?: number;
  /** Most parts (default MAX_PARTS). */
  readonly maxParts?: number;
}

/** The variant ranges to count separately, in order (one range: not worth splitting). Their counts merge into exactly the unsplit result. */
export function robustnessParts(input: ScenarioInput, options: RobustnessOptions = {}, policy: PartPolicy = {}): Result<readonly VariantRange[]> {
  const p = prepare(input, options);
  if (!p.ok) return p;
  const n = p.value.plan.variants;
  const parts = Math.max(1, Math.min(policy.maxParts ?? MAX_PARTS, Math.floor(n / Math.max(1, policy.minVariants ?? PART_MIN_VARIANTS))));
  return ok(Array.from({ length: parts }, (_, k) => ({ from: Math.floor((k * n) / parts), to: Math.floor(((k + 1) * n) / parts) })));
}

/** The counts of one part (variant i is drawn from the seed and i alone, so a part counts the same wherever it runs). */
export async function robustnessPart(input: ScenarioInput, options: RobustnessOptions, range: VariantRange, runner: AnalysisRunner = inlineRunner): Promise<Result<RobustnessCounts>> {
  const p = prepare(input, options);
  if (!p.ok) return p;
  const n = p.value.plan.variants;
  if (!Number.isInteger(range.from) || !Number.isInteger(range.to) || range.from < 0 || range.to > n || range.from >= range.to) {
    return usage("range", `expected variants from..to within 0..${n}, found ${range.from}..${range.to}`);
  }
  const base = await runner.analyze(p.value.space, BASIC_CONCEPTS);
  return ok(await count(base, p.value.plan, input, options, runner, range));
}

/** The use case's result from the counts of its parts (robustnessParts), the same as `robustness` gives. */
export async function robustnessFromParts(input: ScenarioInput, options: RobustnessOptions, parts: readonly RobustnessCounts[], runner: AnalysisRunner = inlineRunner): Promise<Result<RobustnessUseCaseResult>> {
  const p = prepare(input, options);
  if (!p.ok) return p;
  const counts = mergeRobustness(parts);
  if (counts.variants !== p.value.plan.variants) return usage("parts", `expected counts of ${p.value.plan.variants} variants in all, found ${counts.variants}`);
  const base = await runner.analyze(p.value.space, BASIC_CONCEPTS);
  return ok(finish(p.value, base, counts));
}

interface Prepared {
  readonly loaded: Loaded;
  readonly space: StateSpace;
  readonly plan: RobustnessPlan;
  readonly limit: number;
}

function prepare(input: ScenarioInput, options: RobustnessOptions): Result<Prepared> {
  const variants = options.variants === undefined ? undefined : countOption(options.variants, "variants");
  if (variants && !variants.ok) return variants;
  const limit = countOption(options.limit ?? 20, "limit");
  if (!limit.ok) return limit;
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return usage("seed", `expected a whole number from 0 to 4294967295, found "${options.seed}"`);
  const opened = openModel(input, " to analyse");
  if (!opened.ok) return opened;
  const { loaded, space } = opened.value;
  const plan = planRobustness(space, { seed, ...(variants ? { variants: variants.value } : {}) });
  return ok({ loaded, space, plan, limit: limit.value });
}

function count(base: Analysis, plan: RobustnessPlan, input: ScenarioInput, options: RobustnessOptions, runner: AnalysisRunner, range?: VariantRange): Promise<RobustnessCounts> | RobustnessCounts {
  const job: RobustnessJob = { plan, ...(range ? { range } : {}), ...("text" in input ? { source: input } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  return runner.robustness ? runner.robustness(base, job) : robustnessInline(base, job);
}

function finish(p: Prepared, base: Analysis, counts: RobustnessCounts): RobustnessUseCaseResult {
  const full = robustnessResult(base, p.plan, counts);
  return { answer: robustnessAnswer(p.loaded, full), detail: { ...full, states: full.states.slice(0, p.limit) } };
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
