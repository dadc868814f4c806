// The improving pass (SEQ's sanctions) by chain search against the general search over
// the moves themselves (reach.ts): the same minimum for every state, on random models
// with one-way options, ties and cycles of improvements between movers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateModel } from "../scenario/generate.js";
import { validateDocument } from "../scenario/load.js";
import { prepareAnalysis } from "./analysis.js";
import { minReachImprovements } from "./improvement-reach.js";
import { minReach } from "./reach.js";

describe("minimum over the others' unilateral improvements", () => {
  it("chain search = the search over every move, for each decision maker (random models)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 2 }), (dms, seed, extra) => {
        const options = Array.from({ length: dms }, (_, d) => 1 + ((seed >> d) % 3) + (d === 0 ? extra : 0));
        const r = validateDocument(generateModel({ decisionMakers: dms, options, statements: 1 + (seed % 4), conditions: seed % 3, oneWay: 0.3, seed }));
        if (!r.ok || !r.value.space) return;
        const prep = prepareAnalysis(r.value.space);
        const payoffs = prep.payoffs.map((p) => p.payoff);
        for (let i = 0; i < dms; i++) {
          const movers = Array.from({ length: dms }, (_, k) => k).filter((k) => k !== i);
          const input = { index: prep.index, movers, improvementsBy: payoffs, value1: payoffs[i]! };
          const fast = new Int32Array(prep.index.size);
          const slow = new Int32Array(prep.index.size);
          minReachImprovements({ ...input, out1: fast }, prep.cells);
          minReach({ ...input, out1: slow });
          expect([...fast]).toEqual([...slow]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
