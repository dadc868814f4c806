/**
 * Coalition analysis speed: every coalition of a 4-decision-maker, 4,096-state model
 * (issue 10 target: ≤ 2 s), under Nash, GMR, SMR and SEQ, after the ordinary analysis.
 * Two models: preferences as statements (the usual kind), and random explicit rankings
 * (no ties, preferences unrelated to each other: the hardest case for the antichains).
 * Through the application layer's `coalitions` use case, as the CLI runs it: the
 * coalition time is the use case's time less its stability analysis (timed by the runner).
 * Run alone: `node --import tsx bench/coalitions.ts`; prints one JSON line per model.
 * Times are the minimum of several runs, since the machine is shared; for `npm run bench`,
 * the median of the runs after the first (a warm-up).
 */
import { coalitions, generateModel, inlineRunner, openScenario, randomRankings, type AnalysisRunner, type ScenarioDocument } from "@concord/app";
import { emit, timingOf } from "./figures.js";

const RUNS = 5;
const TARGET_MS = 2000;

async function measure(name: string, doc: ScenarioDocument): Promise<void> {
  const loaded = openScenario({ text: JSON.stringify(doc), format: "json" });
  if (!loaded.ok) throw new Error("the benchmark model does not validate");
  const space = loaded.value.space!;
  let lastAnalysisMs = 0;
  const runner: AnalysisRunner = {
    analyze: async (s, concepts) => {
      const t = performance.now();
      const a = await inlineRunner.analyze(s, concepts);
      lastAnalysisMs = performance.now() - t;
      return a;
    },
  };
  let analysisMs = Infinity;
  let coalitionMs = Infinity;
  const times: number[] = [];
  let fallen = 0;
  let count = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const r = await coalitions(loaded.value, {}, runner);
    const total = performance.now() - t0;
    if (!r.ok || !r.value.all) throw new Error("coalition analysis refused");
    analysisMs = Math.min(analysisMs, lastAnalysisMs);
    coalitionMs = Math.min(coalitionMs, total - lastAnalysisMs);
    times.push(total - lastAnalysisMs);
    count = r.value.all.coalitions.length;
    fallen = Object.values(r.value.all.fallen).reduce((t, f) => t + f.length, 0);
  }
  console.log(JSON.stringify({ name, states: space.size, coalitions: count, fallenEquilibria: fallen, analysisMs, coalitionMs, targetMs: TARGET_MS, meetsTarget: coalitionMs <= TARGET_MS, runs: RUNS }));
  const timing = timingOf(times, 1);
  emit({ issue: 10, name, unit: "ms", value: timing.median, timing, target: { atMost: TARGET_MS } });
}

const statements = generateModel({ decisionMakers: 4, options: 3, statements: 6, oneWay: 0.15, seed: 12 });
await measure("all coalitions, 4 DMs × 3 options (4,096 states), statements, Nash/GMR/SMR/SEQ", statements);
await measure("all coalitions, 4 DMs × 3 options (4,096 states), random rankings, Nash/GMR/SMR/SEQ", randomRankings(statements, 4096, 12));
