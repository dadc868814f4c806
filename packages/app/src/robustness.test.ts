// Stopping a robustness or sensitivity analysis with an AbortSignal, in this thread; and how many variants the report draws by default.
import { generateModel } from "@concord/core";
import { describe, expect, it } from "vitest";
import { defaultRobustnessVariants } from "./mediation-hooks.js";
import { robustness } from "./robustness.js";
import { sensitivity } from "./sensitivity.js";

function estimatesModel(): { text: string; format: "json" } {
  const doc = generateModel({ decisionMakers: 3, options: [2, 2, 2], statements: 4, conditions: 1, oneWay: 0.2, seed: 7 });
  for (const dm of doc.model!.decisionMakers) dm.preferences = dm.preferences!.map((p) => ({ statement: typeof p === "string" ? p : p.statement, estimate: true }));
  return { text: JSON.stringify(doc), format: "json" };
}

describe("aborting a long analysis", () => {
  it("stops robustness at the next variant and rejects with the signal's reason", async () => {
    const stop = new AbortController();
    const seen: number[] = [];
    const reason = new Error("enough");
    const run = robustness(estimatesModel(), { variants: 500, onProgress: (done) => (seen.push(done), done === 3 && stop.abort(reason)), signal: stop.signal });
    await expect(run).rejects.toBe(reason);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("stops sensitivity the same way, and an aborted signal stops it before it starts", async () => {
    const stop = new AbortController();
    let calls = 0;
    await expect(sensitivity(estimatesModel(), { onProgress: () => ++calls === 2 && stop.abort(), signal: stop.signal })).rejects.toThrow();
    expect(calls).toBe(2);
    let later = 0;
    await expect(sensitivity(estimatesModel(), { onProgress: () => void later++, signal: stop.signal })).rejects.toThrow();
    expect(later).toBe(0);
  });
});

describe("the report's default number of robustness variants", () => {
  it("is 200 on small models, fewer as the states grow (54 on the seed's 18,432), never below 20", () => {
    expect(defaultRobustnessVariants(1024)).toBe(200);
    expect(defaultRobustnessVariants(5000)).toBe(200);
    expect(defaultRobustnessVariants(18_432)).toBe(54);
    expect(defaultRobustnessVariants(40_000)).toBe(25);
    expect(defaultRobustnessVariants(1_048_576)).toBe(20);
    expect(defaultRobustnessVariants(0)).toBe(200);
  });
});
