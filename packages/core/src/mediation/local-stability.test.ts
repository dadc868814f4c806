import { describe, expect, it } from "vitest";
import { generateModel } from "../scenario/generate.js";
import { validateDocument } from "../scenario/load.js";
import { analyze } from "../stability/analysis.js";
import { BASIC_CONCEPTS } from "../stability/concepts.js";
import { Oracle } from "../stability/oracle.js";
import { LocalStability } from "./local-stability.js";

describe("stability of one state, searched from that state", () => {
  it("agrees with the definitions and with the engine on every state of random models", () => {
    let checked = 0;
    let unstable = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const doc = generateModel({ decisionMakers: 2 + (seed % 3), options: [1 + (seed % 2), 2, 1, 1], statements: 3, conditions: seed % 3, oneWay: 0.2, seed });
      const v = validateDocument(doc);
      if (!v.ok) continue;
      const space = v.value.space!;
      const a = analyze(space);
      const P = a.payoffs.map((p) => p.payoff);
      const local = new LocalStability(a.index, P);
      const oracle = new Oracle(space, P);
      for (let i = 0; i < P.length; i++) {
        for (let s = 0; s < space.size; s++) {
          for (const c of BASIC_CONCEPTS) {
            const got = local.stable(i, s, c);
            expect(got, `seed ${seed}, dm ${i}, state ${s}, ${c}`).toBe(oracle.stable(i, s, c));
            expect(got).toBe(a.stable[c]![i]![s] === 1);
            checked++;
            if (!got) unstable++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
    expect(unstable).toBeGreaterThan(200);
  });
});
