/**
 * The mediation analyses' speed targets (issue 10), standalone:
 *   node --import tsx bench/mediation.ts [statusQuo|sensitivity|robustness|stabilize|coalitions|report]
 * (a name runs that figure only). Robustness runs on every core through the Node
 * runner (@concord/node's worker threads; build first: npx tsc -b).
 * Each figure is the minimum of a few runs (the machine is shared; see the house rules).
 * Prints one line per figure and whether it meets its target; the last line is JSON.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { robustnessParallel } from "@concord/node";
import { coalitions as coalitionsUseCase, defaultRobustnessVariants, openScenario, report as reportUseCase, sensitivity as sensitivityUseCase, stabilize as stabilizeUseCase } from "@concord/app";
import { analyze, generateModel, planRobustness, reachFrom, statusQuoAnalysis, validateDocument, type ScenarioDocument } from "@concord/core";
import { emit, measure, measureSync, type Timing } from "./figures.js";

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

// 2-4. The seed as a user asks it, through the application layer (what the CLI and the report
// call): each figure includes the use case's own stability analysis of the 18,432 states.
const seedText = readFileSync(new URL("../scenarios/armenia-azerbaijan-2023.yaml", import.meta.url), "utf8");
const seed = openScenario({ text: seedText, file: "armenia-azerbaijan-2023.yaml" });
if (!seed.ok) throw new Error("the seed does not load");
const seedStates = seed.value.space!.size.toLocaleString("en");
/** The least time of `runs` runs of an async use case, after a warm-up run. */
async function bestAsync(runs: number, f: () => Promise<unknown>): Promise<number> {
  last = await measure(runs, f, 1);
  return last.min;
}
if (want("sensitivity")) {
  let singles = 0;
  let pairs = 0;
  const ms = await bestAsync(3, async () => {
    const r = await sensitivityUseCase(seed.value);
    if (!r.ok) throw new Error("sensitivity failed");
    singles = r.value.detail.coverage.singles;
    pairs = r.value.detail.coverage.pairs;
  });
  console.log(`\nSensitivity: the seed (${seedStates} states), ${singles} single variations of its estimates and ${pairs} pairs (app layer, analysis included)`);
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

// 4. Stabilization of a bilateral treaty and "can Armenia and the West together move the status
// quo?" on the seed, through the application layer ("a few seconds" in issue 10's done-when).
if (want("stabilize")) {
  let found = 0;
  const ms = await bestAsync(2, async () => {
    const r = await stabilizeUseCase(seed.value, { target: "treaty-direct" });
    if (!r.ok) throw new Error("stabilize failed");
    found = r.value.detail.changes.total;
  });
  console.log(`\nStabilization: "treaty-direct" on the seed, exact size-1 search with third-party options (app layer, analysis included): ${found} changes found`);
  report("stabilizeSeedMs", ms, 5000, "", { issue: 10, name: "stabilize --target treaty-direct on the seed" });
}
if (want("coalitions")) {
  const ms = await bestAsync(2, async () => {
    const r = await coalitionsUseCase(seed.value, { partition: "Armenia+US+EU" });
    if (!r.ok) throw new Error("coalitions failed");
  });
  console.log(`\nCoalitions: can Armenia, the US and the EU together move the seed's status quo? (app layer, analysis included)`);
  report("coalitionsSeedMs", ms, 5000, "", { issue: 10, name: "coalitions --partition Armenia+US+EU on the seed" });
}

// 5. The seed's report with the mediation sections, as `concord report --mediation` writes it
// with its default robustness variants (scaled to the model's size); "a few seconds" to ~15 s.
if (want("report")) {
  const ms = await bestAsync(2, async () => {
    const r = await reportUseCase({ text: seedText, file: "armenia-azerbaijan-2023.yaml" }, { format: "html", mediation: true });
    if (!r.ok) throw new Error("report failed");
  });
  console.log(`\nReport with --mediation on the seed, robustness over ${defaultRobustnessVariants(seed.value.space!.size)} variants (app layer, analysis included)`);
  report("reportMediationSeedMs", ms, 15_000, "", { issue: 10, name: "report --mediation on the seed" });
}

console.log(`\n${missed === 0 ? "All targets met." : `${missed} target(s) missed.`}`);
console.log(JSON.stringify(results));
