import { describe, expect, it } from "vitest";
import { evaluate } from "../model/expression.js";
import { generateModel, randomRankings } from "../scenario/generate.js";
import { loadScenario, validateDocument } from "../scenario/load.js";
import type { ScenarioDocument } from "../format/schema.js";
import { asStateIndex } from "../numbering.js";
import { computePayoffs, rankOf } from "./payoffs.js";
import type { StateSpace } from "./space.js";

function load(doc: ScenarioDocument): StateSpace {
  const r = validateDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value.space!;
}

/** All vectors of n bits that satisfy no infeasible pattern, by brute force. */
function bruteStates(space: StateSpace): number[] {
  const m = space.model;
  const out: number[] = [];
  for (let v = 0; v < 2 ** m.options.length; v++) {
    const taken = (o: number): boolean => Math.floor(v / 2 ** o) % 2 === 1;
    const removed = m.conditions.some((c) =>
      c.removes.some((t) => {
        for (let o = 0; o < m.options.length; o++) {
          const inMask = o < 32 ? (t.loMask >>> o) & 1 : (t.hiMask >>> (o - 32)) & 1;
          const want = o < 32 ? (t.loValue >>> o) & 1 : (t.hiValue >>> (o - 32)) & 1;
          if (inMask && (taken(o) ? 1 : 0) !== want) return false;
        }
        return true;
      }),
    );
    if (!removed) out.push(v);
  }
  return out;
}

describe("state space", () => {
  it("numbers feasible states by binary value, first option least significant (gmcr-py order)", () => {
    const r = loadScenario(
      `concord: 1
id: t
title: t
model:
  decisionMakers:
    - id: a
      options: [{id: x, label: x}, {id: y, label: y}]
      preferences: [x]
    - id: b
      options: [{id: z, label: z}]
      preferences: [z]
  feasibility:
    - mutuallyExclusive: [x, y]
`,
      { file: "t.yaml" },
    );
    expect(r.ok).toBe(true);
    const space = r.ok ? r.value.space! : null!;
    // xyz: NNN, YNN, NYN, NNY, YNY, NYY  (YY? removed)
    expect(Array.from({ length: space.size }, (_, s) => space.yn(asStateIndex(s)))).toEqual(["NNN", "YNN", "NYN", "NNY", "YNY", "NYY"]);
    expect(space.indexOf(0b110)).toBe(5);
    expect(space.indexOf(0b011)).toBeUndefined();
  });

  it("enumerates exactly the vectors no condition removes (random models vs brute force)", () => {
    for (let seed = 1; seed <= 150; seed++) {
      const doc = generateModel({ decisionMakers: 1 + (seed % 3), options: 1 + (seed % 4), conditions: seed % 7, statements: 2, seed });
      const r = validateDocument(doc);
      if (!r.ok) {
        // Only "no feasible state" is an acceptable rejection of a random model.
        expect(r.problems.every((p) => p.code === "infeasible")).toBe(true);
        continue;
      }
      const space = r.value.space!;
      const got = Array.from({ length: space.size }, (_, s) => space.vector(asStateIndex(s)));
      expect(got).toEqual(bruteStates(space));
    }
  });

  it("handles options above bit 31 and beyond the inner loop's 16 bits", () => {
    const doc = generateModel({ decisionMakers: 2, options: [17, 17], statements: 3, seed: 7 });
    // 34 options but only a few states: every option of DM1 except the first is fixed to N.
    const m = doc.model!;
    const fix = m.decisionMakers.flatMap((d, i) => d.options.filter((_, k) => (i === 0 ? k > 0 : k > 1)).map((o) => o.id));
    const doc2: ScenarioDocument = { ...doc, model: { ...m, feasibility: fix.map((id) => ({ infeasible: id })) } };
    const space = load(doc2);
    expect(space.size).toBe(8);
    const s7 = asStateIndex(7);
    expect(space.taken(s7, 17)).toBe(true);
    expect(space.taken(s7, 18)).toBe(true);
    expect(space.yn(s7)).toBe("Y" + "N".repeat(16) + "YY" + "N".repeat(15));
  });

  it("ranks by option prioritization: statement k of K weighs 2^(K-k), higher total preferred", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const doc = generateModel({ decisionMakers: 2, options: 3, statements: 1 + (seed % 9), conditions: 1, seed });
      const r = validateDocument(doc);
      if (!r.ok) continue;
      const space = r.value.space!;
      for (const dm of space.model.decisionMakers) {
        if (dm.preference.kind !== "priorities") throw new Error("expected statements");
        const stmts = dm.preference.statements;
        const K = stmts.length;
        const score = (s: number): bigint =>
          stmts.reduce((acc, st, k) => (evaluate(st.expr, (o) => space.taken(asStateIndex(s), o)) ? acc + 2n ** BigInt(K - 1 - k) : acc), 0n);
        const p = computePayoffs(space, dm);
        const scores = Array.from({ length: space.size }, (_, s) => score(s));
        for (let a = 0; a < space.size; a++) {
          for (let b = 0; b < space.size; b++) {
            const want = scores[a]! > scores[b]! ? 1 : scores[a]! < scores[b]! ? -1 : 0;
            if (Math.sign(p.payoff[a]! - p.payoff[b]!) !== want) expect.fail(`seed ${seed}: states ${a + 1} and ${b + 1} compare wrongly`);
          }
        }
      }
    }
  });

  it("has no limit on statements from number overflow (70 statements)", () => {
    // The last statement alone separates two states; 2^69 would lose it in a double.
    const prefs = [...Array.from({ length: 69 }, () => "x | -x"), "x"];
    const r = loadScenario(JSON.stringify({
      concord: 1, id: "t", title: "t",
      model: { decisionMakers: [{ id: "a", options: [{ id: "x", label: "x" }], preferences: prefs }] },
    }));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const space = r.value.space!;
    const p = computePayoffs(space, space.model.decisionMakers[0]!);
    expect(p.levels).toBe(2);
    expect(rankOf(p, asStateIndex(1))).toBe(1);
    expect(rankOf(p, asStateIndex(0))).toBe(2);
  });

  it("turns an explicit ranking with ties into levels", () => {
    const base = generateModel({ decisionMakers: 2, options: 2, statements: 1, seed: 3 });
    const size = load(base).size;
    const doc = randomRankings(base, size, 11);
    const space = load(doc);
    const dm0 = doc.model!.decisionMakers[0]!;
    const p = computePayoffs(space, space.model.decisionMakers[0]!);
    dm0.ranking!.forEach((entry, i) => {
      for (const st of Array.isArray(entry) ? entry : [entry]) expect(rankOf(p, asStateIndex((st as number) - 1))).toBe(i + 1);
    });
  });
});
