import { describe, expect, it } from "vitest";
import { generateModel, rng } from "../scenario/generate.js";
import { validateDocument } from "../scenario/load.js";
import { computePayoffs } from "../statespace/payoffs.js";
import { TruthColumns } from "./truth-columns.js";

describe("payoffs from shared truth columns", () => {
  it("are computePayoffs's for every reordered, shortened or repeated list of a model's statements", () => {
    let lists = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const v = validateDocument(generateModel({ decisionMakers: 2 + (seed % 2), options: [2, 2, 1], statements: 5, conditions: seed % 3, oneWay: 0.1, seed }));
      if (!v.ok) continue;
      const space = v.value.space!;
      const columns = new TruthColumns(space);
      const r = rng(seed);
      const all = space.model.decisionMakers.flatMap((d) => (d.preference.kind === "priorities" ? d.preference.statements : []));
      for (const dm of space.model.decisionMakers) {
        for (let t = 0; t < 20; t++) {
          // A random list drawn from every decision maker's statements (the search's edits are such lists).
          const statements = Array.from({ length: Math.floor(r() * 7) }, () => all[Math.floor(r() * all.length)]!);
          const want = computePayoffs(space, { ...dm, preference: { kind: "priorities", statements } });
          const got = columns.payoffs(dm, statements);
          expect(got.levels).toBe(want.levels);
          expect([...got.payoff]).toEqual([...want.payoff]);
          lists++;
        }
      }
    }
    expect(lists).toBeGreaterThan(500);
  });
});
