/**
 * Coalition analysis speed: every coalition of a 4-decision-maker, 4,096-state model
 * (issue 10 target: ≤ 2 s), under Nash, GMR, SMR and SEQ, after the ordinary analysis.
 * Two models: preferences as statements (the usual kind), and random explicit rankings
 * (no ties, preferences unrelated to each other: the hardest case for the antichains).
 * Run alone: `node --import tsx bench/coalitions.ts`; prints one JSON line per model.
 * Times are the minimum of several runs, since the machine is shared; for `npm run bench`,
 * the median of the runs after the first (a warm-up).
 */
import { analyze, analyzeCoalitions, generateModel, randomRankings, validateDocument, type ScenarioDocument } from "@concord/core";
import { emit, timingOf } from "./figures.js";

const RUNS = 5;
const TARGET_MS = 2000;

function measure(name: string, doc: ScenarioDocument): void {
  const loaded = validateDocument(doc);
  if (!loaded.ok) throw new Error("the benchmark model does not validate");
  const space = loaded.value.space!;
  let analysisMs = Infinity;
  let coalitionMs = Infinity;
  const times: number[] = [];
  let fallen = 0;
  let coalitions = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const a = analyze(space);
    const t1 = performance.now();
    const r = analyzeCoalitions(a);
    const t2 = performance.now();
    if (!r.ok) throw new Error("coalition analysis refused");
    analysisMs = Math.min(analysisMs, t1 - t0);
    coalitionMs = Math.min(coalitionMs, t2 - t1);
    times.push(t2 - t1);
    coalitions = r.value.coalitions.length;
    fallen = Object.values(r.value.fallen).reduce((t, f) => t + f.length, 0);
  }
  console.log(JSON.stringify({ name, states: space.size, coalitions, fallenEquilibria: fallen, analysisMs, coalitionMs, targetMs: TARGET_MS, meetsTarget: coalitionMs <= TARGET_MS, runs: RUNS }));
  const timing = timingOf(times, 1);
  emit({ issue: 10, name, unit: "ms", value: timing.median, timing, target: { atMost: TARGET_MS } });
}

const statements = generateModel({ decisionMakers: 4, options: 3, statements: 6, oneWay: 0.15, seed: 12 });
measure("all coalitions, 4 DMs × 3 options (4,096 states), statements, Nash/GMR/SMR/SEQ", statements);
measure("all coalitions, 4 DMs × 3 options (4,096 states), random rankings, Nash/GMR/SMR/SEQ", randomRankings(statements, 4096, 12));
