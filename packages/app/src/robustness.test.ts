// Stopping a robustness or sensitivity analysis with an AbortSignal, in this thread; robustness split into parts; and how many variants the report draws by default.
import { generateModel } from "@concord/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultRobustnessVariants } from "./mediation-hooks.js";
import { robustness, robustnessFromParts, robustnessPart, robustnessParts } from "./robustness.js";
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

describe("robustness split into parts", () => {
  it("counts parts in any order into exactly the unsplit result, for any seed, variants and part size", async () => {
    const model = estimatesModel();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 12 }), async (seed, variants, minVariants, maxParts) => {
        const options = { seed, variants };
        const parts = robustnessParts(model, options, { minVariants, maxParts });
        if (!parts.ok) throw new Error("no parts");
        const ranges = parts.value;
        expect(ranges.length).toBeLessThanOrEqual(maxParts);
        expect(ranges[0]!.from).toBe(0);
        for (let k = 1; k < ranges.length; k++) expect(ranges[k]!.from).toBe(ranges[k - 1]!.to);
        // Counted last part first: where and when a part runs does not matter.
        const counts = [];
        for (const range of [...ranges].reverse()) {
          const c = await robustnessPart(model, options, range);
          if (!c.ok) throw new Error("a part failed");
          counts.unshift(c.value);
        }
        const merged = await robustnessFromParts(model, options, counts);
        const whole = await robustness(model, options);
        expect(merged).toEqual(whole);
      }),
      { numRuns: 25 },
    );
  });

  it("splits the default 1,000 variants into 10 parts of 100, and refuses a range outside the plan or counts that do not add up", async () => {
    const model = estimatesModel();
    const parts = robustnessParts(model, { variants: 1000 });
    expect(parts.ok && parts.value.map((r) => r.to - r.from)).toEqual(Array(10).fill(100));
    const outside = await robustnessPart(model, { variants: 50 }, { from: 40, to: 51 });
    expect(outside.ok ? "ok" : outside.problems[0]!.message).toMatch(/expected variants from\.\.to within 0\.\.50, found 40\.\.51/);
    const some = await robustnessPart(model, { variants: 50 }, { from: 0, to: 20 });
    const short = await robustnessFromParts(model, { variants: 50 }, some.ok ? [some.value] : []);
    expect(short.ok ? "ok" : short.problems[0]!.message).toMatch(/expected counts of 50 variants in all, found 20/);
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
