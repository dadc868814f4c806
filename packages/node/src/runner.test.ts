// The worker-thread runner must give exactly the single-thread analysis.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { analysisResult, robustnessInline } from "@concord/app";
import { analyze, generateModel, loadScenario, passesFor, planRobustness, validateDocument } from "@concord/core";
import { analyzeParallel, chooseThreads, closeWorkers, type ParallelStats } from "./parallel/pool.js";
import { robustnessParallel } from "./parallel/robustness.js";
import { workerRunner } from "./runner.js";

const PD = fileURLToPath(new URL("../../../scenarios/prisoners-dilemma.yaml", import.meta.url));

describe("parallel analysis", () => {
  afterAll(() => closeWorkers());

  it("gives exactly the single-thread analysis on random models (fast-check), every phase shared out", async () => {
    const concepts = ["nash", "gmr", "smr", "seq"] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.boolean(),
        fc.subarray([...concepts], { minLength: 1 }),
        fc.integer({ min: 2, max: 3 }),
        async (dms, seed, misperceive, wanted, threads) => {
          const doc = generateModel({ decisionMakers: dms, options: Array.from({ length: dms }, (_, d) => 1 + ((seed >> d) % 3)), statements: 3, conditions: seed % 3, oneWay: 0.3, seed });
          // Misperceived states change the index after its parts are built: cells are then sorted in a phase of their own.
          if (misperceive) (doc.model!.decisionMakers[0] as { doesNotPerceive?: string[] }).doesNotPerceive = [doc.model!.decisionMakers[1]!.options[0]!.id];
          const r = validateDocument(doc);
          if (!r.ok) return;
          const space = r.value.space!;
          let stats: ParallelStats | undefined;
          const parallel = await analyzeParallel(space, wanted, { threads, force: true, onStats: (s) => (stats = s) });
          expect(analysisResult(parallel)).toEqual(analysisResult(analyze(space, wanted)));
          expect(parallel.index).toEqual(analyze(space, wanted).index);
          // Every task ran exactly once, on some thread.
          const solve = stats!.phases.find((p) => p.phase === "solve")!;
          expect(solve.tasks.reduce((x, y) => x + y, 0)).toBe(passesFor(wanted).length * dms + dms);
          // The phases shared out (the others are this thread's alone).
          expect(stats!.phases.filter((p) => p.tasks.length === threads).map((p) => p.phase)).toEqual(misperceive ? ["prepare", "cells", "solve"] : ["prepare", "solve"]);
        },
      ),
      { numRuns: 25, seed: 16 },
    );
  });

  it("chooses one thread for small models and for a busy machine", () => {
    expect(chooseThreads(1024, 4, 2)).toBe(1);
    expect(chooseThreads(1 << 20, 3, 1)).toBe(1);
    expect(chooseThreads(1 << 20, 3, 2)).toBe(2);
    expect(chooseThreads(1 << 20, 1, 8)).toBe(2);
  });

  it("gives the same results with worker threads as in one thread", async () => {
    for (const seed of [1, 2, 3]) {
      const r = validateDocument(generateModel({ decisionMakers: 3, options: [3, 2, 3], statements: 4, conditions: 2, oneWay: 0.3, seed }));
      if (!r.ok) continue;
      const space = r.value.space!;
      const parallel = await analyzeParallel(space, ["nash", "gmr", "smr", "seq"], { threads: 2, force: true });
      expect(analysisResult(parallel)).toEqual(analysisResult(analyze(space)));
    }
    const pd = loadScenario(readFileSync(PD, "utf8"));
    if (!pd.ok) throw new Error("pd");
    const runner = workerRunner({ threads: 2, force: true });
    expect(analysisResult(await runner.analyze(pd.value.space!, ["gmr"])).equilibria).toEqual({ gmr: [1, 4] });
  });
});

describe("parallel robustness", () => {
  it("counts exactly as one thread does, reporting progress up to the total", async () => {
    const doc = generateModel({ decisionMakers: 3, options: [2, 2, 2], statements: 4, conditions: 1, oneWay: 0.2, seed: 7 });
    // Mark every statement as an estimate, so that variants differ.
    for (const dm of doc.model!.decisionMakers) dm.preferences = dm.preferences!.map((p) => ({ statement: typeof p === "string" ? p : p.statement, estimate: true }));
    const text = JSON.stringify(doc);
    const loaded = loadScenario(text, { format: "json" });
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join("; "));
    const base = analyze(loaded.value.space!);
    const plan = planRobustness(loaded.value.space!, { variants: 60, seed: 3 });
    expect(plan.exhaustive).toBe(false);
    const seen: number[] = [];
    const parallel = await robustnessParallel(base, { plan, source: { text, format: "json" }, onProgress: (done) => seen.push(done) }, { threads: 2, force: true });
    expect(parallel).toEqual(robustnessInline(base, { plan }));
    expect(parallel.variants).toBe(60);
    expect(seen.at(-1)).toBe(60);
  });
});

describe("stopping parallel robustness", () => {
  it("ends its worker threads when the signal aborts, long before the variants are done", async () => {
    const doc = generateModel({ decisionMakers: 3, options: [3, 3, 3], statements: 5, conditions: 1, oneWay: 0.2, seed: 7 });
    for (const dm of doc.model!.decisionMakers) dm.preferences = dm.preferences!.map((p) => ({ statement: typeof p === "string" ? p : p.statement, estimate: true }));
    const text = JSON.stringify(doc);
    const loaded = loadScenario(text, { format: "json" });
    if (!loaded.ok) throw new Error("model");
    const base = analyze(loaded.value.space!);
    // About 7 ms a variant: an hour of work on two threads.
    const plan = planRobustness(loaded.value.space!, { variants: 1_000_000, seed: 3 });
    const stop = new AbortController();
    let last = 0;
    const started = performance.now();
    const run = robustnessParallel(base, { plan, source: { text, format: "json" }, onProgress: (done) => ((last = done), stop.abort(new Error("stopped"))), signal: stop.signal }, { threads: 2, force: true });
    await expect(run).rejects.toThrow("stopped");
    const at = last;
    await new Promise((r) => setTimeout(r, 500));
    // No progress after the abort: the threads are gone, not just unheard.
    expect(last).toBe(at);
    expect(at).toBeLessThan(1_000_000);
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});
