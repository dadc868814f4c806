import { describe, expect, it } from "vitest";
import { generateModel, rng } from "../scenario/generate.js";
import type { ScenarioDocument } from "../format/schema.js";
import { loadScenario, validateDocument } from "../scenario/load.js";
import { analyze } from "./analysis.js";
import { BASIC_CONCEPTS } from "./concepts.js";
import { Oracle } from "./oracle.js";
import { PerceivedOracle } from "../perception/oracle.js";
import { unperceivedStates } from "./unperceived.js";

function withMisperceptions(seed: number): ScenarioDocument {
  const r = rng(seed * 101);
  const doc = generateModel({ decisionMakers: 2 + (seed % 3), options: [2, 1, 2, 1], statements: 3, conditions: seed % 3, oneWay: 0.3, seed });
  const ids = doc.model!.decisionMakers.flatMap((d) => d.options.map((o) => o.id));
  const literal = (): string => `${r() < 0.5 ? "-" : ""}${ids[Math.floor(r() * ids.length)]!}`;
  return {
    ...doc,
    model: {
      ...doc.model!,
      decisionMakers: doc.model!.decisionMakers.map((d) => (r() < 0.7 ? { ...d, doesNotPerceive: [`${literal()} & ${literal()}`, ...(r() < 0.3 ? [literal()] : [])] } : d)),
    },
  };
}

describe("misperceived states", () => {
  it("take away exactly a decision maker's moves into and out of the states it does not see (engine vs. literal oracle)", () => {
    let changed = 0;
    let models = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const v = validateDocument(withMisperceptions(seed));
      if (!v.ok) continue;
      models++;
      const space = v.value.space!;
      for (const maxGroupBits of [12, 0]) {
        const a = analyze(space, BASIC_CONCEPTS, { maxGroupBits });
        const P = a.payoffs.map((p) => p.payoff);
        const o = new PerceivedOracle(space, P);
        const plain = new Oracle(space, P);
        for (let i = 0; i < P.length; i++) {
          for (let s = 0; s < space.size; s++) {
            for (const c of BASIC_CONCEPTS) {
              const want = o.stable(i, s, c);
              expect(a.stable[c]![i]![s] === 1, `seed ${seed} dm ${i} s ${s + 1} ${c} bits ${maxGroupBits}`).toBe(want);
              if (maxGroupBits === 12 && want !== plain.stable(i, s, c)) changed++;
            }
          }
        }
      }
    }
    expect(models).toBeGreaterThan(100);
    expect(changed).toBeGreaterThan(100);
  });

  it("leave a decision maker stuck in a state it does not see, as gmcr-py does", () => {
    // Two decision makers with one option each; A prefers x taken but does not see the
    // state where neither option is taken. From there A cannot move, so that state is
    // Nash stable for A and, since B likes it, an equilibrium — which it is not when A
    // sees it (A would take x).
    const text = `
concord: 1
id: blind
title: blind spot
model:
  decisionMakers:
    - id: a
      options: [{ id: x, label: x }]
      preferences: [x]
      doesNotPerceive: ["-x & -y"]
    - id: b
      options: [{ id: y, label: y }]
      preferences: [-y]
`;
    const r = loadScenario(text, { file: "blind.yaml" });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const space = r.value.space!;
    expect(unperceivedStates(space).map((u) => (u ? Array.from(u) : null))).toEqual([[1, 0, 0, 0], null]);
    const a = analyze(space);
    // States (x, y): 1 = NN, 2 = YN, 3 = NY, 4 = YY.
    expect(Array.from(a.stable.nash![0]!)).toEqual([1, 1, 0, 1]);
    expect(a.equilibria.nash).toEqual([0, 1]);
  });
});
