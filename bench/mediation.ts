/**
 * The mediation analyses' speed targets (issue 10), standalone:
 *   node --import tsx bench/mediation.ts [statusQuo|sensitivity|robustness|stabilize]
 * (a name runs that figure only). Robustness runs on every core through the Node
 * runner (@concord/node's worker threads; build first: npx tsc -b).
 * Each figure is the minimum of a few runs (the machine is shared; see the house rules).
 * Prints one line per figure and whether it meets its target; the last line is JSON.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { robustnessParallel } from "@concord/node";
import {
  analyze,
  generateModel,
  loadScenario,
  planRobustness,
  reachFrom,
  resolveTarget,
  sensitivity,
  stabilize,
  statusQuoAnalysis,
  validateDocument,
  type ScenarioDocument,
} from "@concord/core";
import { emit, measureSync, type Timing } from "./figures.js";

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const results: Record<string, number> = {};
let missed = 0;

/** The least time of `runs` runs of `f`, after a warm-up run (compiling); the timing is kept for `report`. */
let last: Timing | undefined;
function best(runs: number, f: () => void): number {
  last = measureSync(runs, f, 1);
  return last.min;
}

/** One figure against its target; `npm run bench` holds the median to it (the min is printed here). */
function report(name: string, ms: number, targetMs: number, note = "", figure?: { issue: number; name: string }): void {
  results[name] = Math.round(ms);
  const ok = ms <= targetMs;
  if (!ok) missed++;
  console.log(`  ${fmt(ms)} — target ≤ ${fmt(targetMs)}: ${ok ? "meets target" : "MISSES target"}${note}`);
  if (figure && last) emit({ issue: figure.issue, name: figure.name, unit: "ms", value: last.median, timing: last, target: { atMost: targetMs }, ...(note ? { note: note.trim() } : {}) });
}

function load(doc: ScenarioDocument): ReturnType<typeof validateDocument> & { ok: true } {
  const r = validateDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r;
}

const only = process.argv[2];
const want = (name: string): boolean => only === undefined || only === name;

console.log(`Concord mediation benchmarks — Node ${process.version}, ${availableParallelism()} cores; each figure the least of several runs\n`);

// 1. Status quo analysis on 2^20 states, given the model's stability analysis. Each decision
// maker wants its own options taken before anything else, so from "nothing taken" every
// state is reachable by unilateral improvements: the whole state space is searched.
if (want("statusQuo")) {
  const doc = generateModel({ decisionMakers: 4, options: 5, statements: 4, oneWay: 0.15, seed: 20 });
  for (const dm of doc.model!.decisionMakers) {
    dm.preferences = [...dm.options.map((o) => o.id), ...dm.preferences!];
    dm.options = dm.options.map(({ oneWay: _oneWay, ...o }) => o);
  }
  const space = load({ ...doc, model: { ...doc.model!, statusQuo: [] } }).value.space!;
  const t0 = performance.now();
  const a = analyze(space);
  const analysisMs = performance.now() - t0;
  const P = a.payoffs.map((p) => p.payoff);
  const sq = space.statusQuo!;
  let reached = 0;
  const reach = best(3, () => {
    reached = reachFrom(a.index, P, sq, "improvements").order.length;
  });
  let equilibria = 0;
  const full = best(2, () => {
    const r = statusQuoAnalysis(a);
    if (r.ok) equilibria = r.value.equilibria.nash!.length;
  });
  console.log(`Status quo analysis: 4 DMs × 5 options, ${space.size} states; from the status quo ${reached} states are reachable by unilateral improvements, ${equilibria} of them Nash equilibria`);
  console.log(`  reachability with shortest paths: ${fmt(reach)}; with the reachable states and the reachable equilibria's paths written out (statusQuoAnalysis): ${fmt(full)}; the stability analysis itself: ${fmt(analysisMs)} (one run)`);
  report("statusQuo2^20Ms", full, 3000, "", { issue: 10, name: `status quo analysis, ${space.size.toLocaleString("en")} states` });
}

// 2. Sensitivity of the seed: every single and pairwise variation of its 11 estimates.
const seed = loadScenario(readFileSync(new URL("../test/fixtures/armenia-azerbaijan-2023-estimates.yaml", import.meta.url), "utf8"), { file: "seed" });
if (!seed.ok) throw new Error("the seed fixture does not load");
const seedAnalysis = analyze(seed.value.space!);
if (want("sensitivity")) {
  let singles = 0;
  let pairs = 0;
  const ms = best(3, () => {
    const r = sensitivity(seedAnalysis);
    singles = r.coverage.singles;
    pairs = r.coverage.pairs;
  });
  console.log(`\nSensitivity: the seed (${seed.value.space!.size} states), ${singles} single variations (drop or flip each of 11 estimates) and ${pairs} pairs`);
  report("sensitivitySeedMs", ms, 5000, "", { issue: 10, name: "sensitivity of the seed: every single and pairwise flip" });
}

// 3. Robustness: 10,000 variants of a 1,024-state, 4-DM model with 12 estimates, four concepts.
if (want("robustness")) {
  const doc = generateModel({ decisionMakers: 4, options: [3, 3, 2, 2], statements: 6, oneWay: 0.15, seed: 10 });
  for (const dm of doc.model!.decisionMakers) {
    dm.preferences = dm.preferences!.map((p, k) => (k % 2 === 0 ? { statement: typeof p === "string" ? p : p.statement, estimate: true } : p));
  }
  const a = analyze(load(doc).value.space!);
  const plan = planRobustness(a.space, { variants: 10_000, seed: 1 });
  // Every core: one chunk of variants per worker thread, merged by adding counts.
  const threads = availableParallelism();
  const source = { text: JSON.stringify(doc), format: "json" as const };
  const t0 = performance.now();
  const counts = await robustnessParallel(a, { plan, source }, { threads, force: true });
  const ms = performance.now() - t0;
  console.log(`\nRobustness: ${counts.variants} variants (of ${plan.distinct}) of a ${a.space.size}-state, 4-DM model, four concepts, on ${threads} threads (one run, worker start-up included)`);
  report("robustness10kMs", ms, 10_000, ` (${fmt((ms * threads) / counts.variants)} per variant per thread)`);
  emit({ issue: 10, name: `robustness, 10,000 variants of a 1,024-state 4-DM model, on ${threads} threads`, unit: "ms", value: ms, target: { atMost: 10_000 }, note: "one run, worker start-up included" });
}

// 4. For information: stabilization of a bilateral treaty on the seed (no target set).
if (want("stabilize")) {
  const target = resolveTarget(seedAnalysis.space.model, "treaty-direct");
  if (!target.ok) throw new Error("no target");
  let found = 0;
  const ms = best(2, () => {
    found = stabilize(seedAnalysis, target.value).changes.total;
  });
  console.log(`\nStabilization (information, no target): "treaty-direct" on the seed, size-1 search with third-party options: ${fmt(ms)}, ${found} changes found`);
  results.stabilizeSeedMs = Math.round(ms);
}

console.log(`\n${missed === 0 ? "All targets met." : `${missed} target(s) missed.`}`);
console.log(JSON.stringify(results));
