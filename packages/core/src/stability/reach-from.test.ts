import { describe, expect, it } from "vitest";
import { generateModel } from "../scenario/generate.js";
import { validateDocument } from "../scenario/load.js";
import { analyze } from "./analysis.js";
import { Oracle } from "./oracle.js";
import { reachFrom } from "./reach-from.js";

describe("reachFrom", () => {
  it("finds each state at its shortest distance from the lowest-numbered state one move nearer, with or without sorted cells", () => {
    let compared = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const v = validateDocument(generateModel({ decisionMakers: 2 + (seed % 3), options: 2, statements: 3, conditions: seed % 4, oneWay: 0.3, seed }));
      if (!v.ok) continue;
      const space = v.value.space!;
      // Half the models without packed one-way groups, so some decision makers have no cells.
      const a = analyze(space, ["nash"], seed % 2 === 0 ? { maxGroupBits: 0 } : {});
      const P = a.payoffs.map((p) => p.payoff);
      const oracle = new Oracle(space, P);
      for (const by of ["improvements", "moves"] as const) {
        const from = seed % space.size;
        const fast = reachFrom(a.index, P, from, by, a.cells);
        const plain = reachFrom(a.index, P, from, by);
        expect([fast.dist, fast.prev, fast.mover, fast.order]).toEqual([plain.dist, plain.prev, plain.mover, plain.order]);
        // By the definition: distances by repeated relaxation; the predecessor is the lowest-numbered state one move nearer.
        const dist = Array<number>(space.size).fill(-1);
        dist[from] = 0;
        const step = (u: number, k: number, w: number): boolean => oracle.R(k, u).includes(w) && (by === "moves" || P[k]![w]! > P[k]![u]!);
        for (let d = 1, grew = true; grew; d++) {
          grew = false;
          for (let w = 0; w < space.size; w++) {
            if (dist[w] !== -1) continue;
            if (dist.some((du, u) => du === d - 1 && P.some((_, k) => step(u, k, w)))) {
              dist[w] = d;
              grew = true;
            }
          }
        }
        expect(Array.from(fast.dist)).toEqual(dist);
        for (let w = 0; w < space.size; w++) {
          if (dist[w]! <= 0) continue;
          const u = dist.findIndex((du, x) => du === dist[w]! - 1 && P.some((_, k) => step(x, k, w)));
          expect(fast.prev[w]).toBe(u);
          expect(step(u, fast.mover[w]!, w)).toBe(true);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
