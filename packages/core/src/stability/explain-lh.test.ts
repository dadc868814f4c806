import { describe, expect, it } from "vitest";
import { value } from "../../../../test/fixtures/result.js";
import { generateModel, randomRankings } from "../scenario/generate.js";
import { validateDocument } from "../scenario/load.js";
import type { ScenarioDocument } from "../format/schema.js";
import type { StateSpace } from "../statespace/space.js";
import { asDmIndex, asStateIndex } from "../numbering.js";
import { analyze } from "./analysis.js";
import { BASIC_CONCEPTS } from "./concepts.js";
import { explain } from "./explain.js";
import { limitedMove, nonMyopic } from "./limited-move.js";
import { Oracle, oracleLimitedMoveStable } from "./oracle.js";

function spaceOf(doc: ScenarioDocument): StateSpace | null {
  const r = validateDocument(doc);
  return r.ok ? r.value.space! : null;
}

function model(seed: number, dms: number): StateSpace | null {
  const base = generateModel({ decisionMakers: dms, options: [1 + (seed % 3), 1 + ((seed >> 2) % 3), 1, 2].slice(0, dms), statements: 3, conditions: seed % 3, oneWay: 0.2, seed });
  const space = spaceOf(base);
  if (!space) return null;
  return seed % 2 === 0 ? spaceOf(randomRankings(base, space.size, seed)) : space;
}

describe("explanations", () => {
  it("agree with the analysis, and every sanction is a legal, shortest-first sequence that ends where it must", () => {
    let deterred = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const space = model(seed, 2 + (seed % 3));
      if (!space) continue;
      const a = analyze(space);
      const P = a.payoffs.map((p) => p.payoff);
      const oracle = new Oracle(space, P);
      for (const c of BASIC_CONCEPTS) {
        for (let i = 0; i < P.length; i++) {
          for (let s = 0; s < space.size; s++) {
            const e = explain(a, asStateIndex(s), asDmIndex(i), c);
            expect(e.stable).toBe(oracle.stable(i, s, c));
            expect(e.improvements.map((x) => x.move.to - 1)).toEqual(oracle.R(i, s).filter((t) => P[i]![t]! > P[i]![s]!));
            for (const x of e.improvements) {
              if (!x.deterred) continue;
              deterred++;
              let at = x.move.to - 1;
              let last = i;
              for (const step of x.sanction!) {
                const k = space.model.decisionMakers.findIndex((d) => d.name === step.by);
                expect(k).not.toBe(last);
                expect(k).not.toBe(i);
                expect(step.from - 1).toBe(at);
                expect(oracle.R(k, at)).toContain(step.to - 1);
                if (c === "seq") expect(P[k]![step.to - 1]!).toBeGreaterThan(P[k]![at]!);
                at = step.to - 1;
                last = k;
              }
              expect(x.endsAt).toBe(at + 1);
              expect(P[i]![at]!).toBeLessThanOrEqual(P[i]![s]!);
              if (c === "smr") for (const w of oracle.R(i, at)) expect(P[i]![w]!).toBeLessThanOrEqual(P[i]![s]!);
              // Shortest: no state satisfying the condition is one move closer (checked for one-step sanctions).
              if (x.sanction!.length > 1 && c === "gmr") {
                const others = P.map((_, k) => k).filter((k) => k !== i);
                const oneStep = others.some((k) => oracle.R(k, x.move.to - 1).some((u) => P[i]![u]! <= P[i]![s]!));
                expect(oneStep).toBe(false);
              }
            }
          }
        }
      }
    }
    expect(deterred).toBeGreaterThan(300);
  });

  it("says in words what deters a move (Prisoner's Dilemma, mutual cooperation under GMR)", () => {
    const space = spaceOf({
      concord: 1, id: "pd", title: "pd",
      model: {
        decisionMakers: [
          { id: "a", name: "A", options: [{ id: "a_defects", label: "defect" }], ranking: ["YN", "NN", "YY", "NY"] },
          { id: "b", name: "B", options: [{ id: "b_defects", label: "defect" }], ranking: ["NY", "NN", "YY", "YN"] },
        ],
      },
    })!;
    const e = explain(analyze(space), asStateIndex(0), asDmIndex(0), "gmr");
    expect(e.stable).toBe(true);
    expect(e.text).toContain('A takes "defect" (state 1 → 2), to a state A prefers: deterred — B takes "defect" (state 2 → 4) would leave A at state 4, no better than state 1.');
    // The ranks are in the data, not in sentences that also name states (issue 9: "a state Government ranks 13").
    expect(e.text).not.toMatch(/rank/);
    expect(e.improvements[0]).toMatchObject({ rank: 1, endRank: 3 });
    const n = explain(analyze(space), asStateIndex(0), asDmIndex(0), "nash");
    expect(n.stable).toBe(false);
  });
});

describe("limited-move and non-myopic stability", () => {
  it("L_h agrees with the recursive definition for h = 1..4 on random two-DM models", () => {
    let stableSeen = 0;
    let unstableSeen = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const space = model(seed, 2);
      if (!space) continue;
      const a = analyze(space);
      const oracle = new Oracle(space, a.payoffs.map((p) => p.payoff));
      for (let h = 1; h <= 4; h++) {
        const r = value(limitedMove(a, h));
        for (let i = 0; i < 2; i++) {
          for (let s = 0; s < space.size; s++) {
            const want = oracleLimitedMoveStable(oracle, h, i, s);
            expect(r.stable[i]![s] === 1).toBe(want);
            if (want) stableSeen++;
            else unstableSeen++;
          }
        }
      }
    }
    expect(stableSeen).toBeGreaterThan(200);
    expect(unstableSeen).toBeGreaterThan(200);
  });

  it("L_1 is Nash stability", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const space = model(seed, 2);
      if (!space) continue;
      const a = analyze(space);
      const l1 = value(limitedMove(a, 1));
      for (let i = 0; i < 2; i++) expect(Array.from(l1.stable[i]!)).toEqual(Array.from(a.stable.nash![i]!));
    }
  });

  it("non-myopic stability is L_h once the look-ahead settles", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const space = model(seed, 2);
      if (!space) continue;
      const a = analyze(space);
      const nm = value(nonMyopic(a));
      if (nm.period !== 1) continue;
      const deep = value(limitedMove(a, nm.settlesAt + 3));
      for (let i = 0; i < 2; i++) expect(Array.from(nm.stable[i]!)).toEqual(Array.from(deep.stable[i]!));
    }
  });

  it("refuses models that do not have two decision makers", () => {
    const space = model(5, 3)!;
    const refusal = { ok: false, problems: [{ code: "usage", path: [], message: expect.stringMatching(/exactly two decision makers; this model has 3$/) }] };
    expect(limitedMove(analyze(space), 2)).toEqual(refusal);
    expect(nonMyopic(analyze(space))).toEqual(refusal);
    expect(limitedMove(analyze(model(5, 2)!), 0)).toMatchObject({ ok: false, problems: [{ code: "usage" }] });
  });
});
