// A package → the model state it means, against a slow twin written from the definition:
// among the feasible states where every chosen alternative's statement holds, the one
// with the fewest options changed from the status quo, ties to the lowest state number.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../model/expression.js";
import { asStateIndex } from "../numbering.js";
import { loadScenario } from "../scenario/load.js";
import type { Choice } from "../valuation/types.js";
import { inBoxes } from "./feasible.js";
import { packageBoxes, packageStates, rulingConditions } from "./model-map.js";

/** A random model (3–5 options, two decision makers, maybe an infeasible pair, maybe a status quo) with two issues of 2–3 alternatives. */
const arbitraryScenario = fc
  .record({
    options: fc.integer({ min: 3, max: 5 }),
    exclusive: fc.boolean(),
    statusQuo: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    withStatusQuo: fc.boolean(),
    // Each alternative: a literal on one option (index, sign), or two (joined by & or |).
    alternatives: fc.array(fc.array(fc.array(fc.tuple(fc.nat(4), fc.boolean()), { minLength: 1, maxLength: 2 }), { minLength: 2, maxLength: 3 }), { minLength: 2, maxLength: 2 }),
    // "|" leaves a choice of states, so ties in distance happen (to the lowest number).
    or: fc.boolean(),
  })
  .map((r) => {
    const ids = Array.from({ length: r.options }, (_, o) => `o${o}`);
    const lit = ([o, yes]: [number, boolean]): string => `${yes ? "" : "-"}${ids[o % r.options]}`;
    const half = Math.ceil(r.options / 2);
    const dm = (id: string, opts: string[]): string => `    - id: ${id}\n      options: [${opts.map((o) => `{ id: ${o}, label: ${o} }`).join(", ")}]\n      preferences: [${opts[0]}]\n`;
    const sq = ids.filter((_, o) => r.statusQuo[o]);
    const text =
      `concord: 1\nid: random\ntitle: Random\nmodel:\n  decisionMakers:\n${dm("a", ids.slice(0, half))}${dm("b", ids.slice(half))}` +
      (r.exclusive ? `  feasibility:\n    - mutuallyExclusive: [o0, o1]\n` : "") +
      (r.withStatusQuo && !(r.exclusive && r.statusQuo[0] && r.statusQuo[1]) ? `  statusQuo: [${sq.join(", ")}]\n` : "") +
      `settlement:\n  parties: [a, b]\n  issues:\n` +
      r.alternatives.map((alts, i) => `    - id: i${i}\n      alternatives:\n${alts.map((ls, a) => `        - { id: x${a}, when: "${ls.map(lit).join(r.or && a === 0 ? " | " : " & ")}" }\n`).join("")}`).join("") +
      `  valuations:\n` +
      ["a", "b"].map((p) => `    ${p}:\n      estimate: true\n      utilities:\n${r.alternatives.map((alts, i) => `        i${i}: { ${alts.map((_, a) => `x${a}: ${a}`).join(", ")} }\n`).join("")}`).join("") +
      `  disagreement: { values: { a: 0, b: 0 } }\n`;
    return text;
  });

describe("packageStates", () => {
  it("gives the matching state closest to the status quo, or infeasible, as the definition says", () => {
    fc.assert(
      fc.property(arbitraryScenario, (text) => {
        const r = loadScenario(text);
        // Alternatives no feasible state satisfies are rejected when loading; such draws say nothing here.
        if (!r.ok) return r.problems.every((p) => p.code === "infeasible");
        const { space, scenario } = r.value;
        const s = scenario.settlement!;
        const map = packageStates(space!, s)!;
        const n = space!.model.options.length;
        const home = space!.statusQuo;
        for (const a of s.issues[0]!.alternatives) {
          for (const b of s.issues[1]!.alternatives) {
            const choice: Choice = { i0: a.id, i1: b.id };
            // The slow twin: scan every state, count changed options, keep the first minimum.
            let best: number | "infeasible" = "infeasible";
            let bestD = Infinity;
            for (let st = 0; st < space!.size; st++) {
              const taken = (o: number): boolean => space!.taken(asStateIndex(st), o);
              if (!evaluate(a.when!.expr, taken) || !evaluate(b.when!.expr, taken)) continue;
              let d = 0;
              for (let o = 0; o < n; o++) if (taken(o) !== (home === undefined ? false : space!.taken(home, o))) d++;
              if (d < bestD) [best, bestD] = [st, d];
            }
            expect(map(choice)).toBe(best);
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
});

describe("rulingConditions", () => {
  // Two conditions: o0 with o2 is ruled out, and so is o1 with o2.
  const text = `concord: 1
id: ruled
title: Ruled out
model:
  decisionMakers:
    - id: a
      options: [{ id: o0, label: o0 }, { id: o1, label: o1 }]
      preferences: [o0]
    - id: b
      options: [{ id: o2, label: o2 }]
      preferences: [o2]
  feasibility:
    - infeasible: o0 & o2
    - infeasible: o1 & o2
settlement:
  parties: [a, b]
  issues:
    - id: i0
      alternatives: [{ id: x, when: o0 }, { id: y, when: o1 }, { id: z, when: o0 & o1 }]
    - id: i1
      alternatives: [{ id: p, when: o2 }, { id: q, when: -o2 }]
  valuations:
    a: { estimate: true, utilities: { i0: { x: 1, y: 2, z: 3 }, i1: { p: 1, q: 0 } } }
    b: { estimate: true, utilities: { i0: { x: 1, y: 2, z: 3 }, i1: { p: 1, q: 0 } } }
  disagreement: { values: { a: 0, b: 0 } }
`;

  it("names the condition that alone rules a package out, and none when it takes both", () => {
    const r = loadScenario(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const { space, scenario } = r.value;
    const why = rulingConditions(space!, scenario.settlement!);
    expect(why({ i0: "x", i1: "p" }).map((c) => c.text)).toEqual(["o0 & o2"]);
    expect(why({ i0: "y", i1: "p" }).map((c) => c.text)).toEqual(["o1 & o2"]);
    // o0, o1 and o2 together break both conditions: leaving out either one is not enough.
    expect(why({ i0: "z", i1: "p" })).toEqual([]);
    // The model allows x with q (o0 alone), so it is in a box; x with p is not.
    const boxes = packageBoxes(space!, scenario.settlement!)!;
    expect(inBoxes(boxes, [0, 1])).toBe(true);
    expect(inBoxes(boxes, [0, 0])).toBe(false);
    expect(inBoxes(boxes, [2, 1])).toBe(true);
  });
});
