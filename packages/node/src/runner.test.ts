// The worker-thread runner must give exactly the single-thread analysis.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analysisResult } from "@concord/app";
import { analyze, generateModel, loadScenario, validateDocument } from "@concord/core";
import { analyzeParallel } from "./parallel/pool.js";
import { workerRunner } from "./runner.js";

const PD = fileURLToPath(new URL("../../../scenarios/prisoners-dilemma.yaml", import.meta.url));

describe("parallel analysis", () => {
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
