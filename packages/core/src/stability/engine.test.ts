import { describe, expect, it } from "vitest";
import { generateModel, randomRankings } from "../scenario/generate.js";
import { validateDocument } from "../scenario/load.js";
import type { ScenarioDocument } from "../format/schema.js";
import type { StateSpace } from "../statespace/space.js";
import { BASIC_CONCEPTS } from "./concepts.js";
import { analyze } from "./analysis.js";
import { buildMoveIndex, movesFrom } from "./moves.js";
import { Oracle, oracleMoves } from "./oracle.js";

function spaceOf(doc: ScenarioDocument): StateSpace | null {
  const r = validateDocument(doc);
  return r.ok ? r.value.space! : null;
}

/** A random model: 2–5 DMs, up to 9 options, random conditions, one-way options, ties. */
function randomModel(seed: number): StateSpace | null {
  const dms = 2 + (seed % 4);
  // Between dms and 9 options in all, each DM at least one.
  const total = Math.min(9, dms + (seed % 6));
  const counts = Array.from({ length: dms }, () => 1);
  for (let extra = total - dms, d = seed % dms; extra > 0; extra--, d = (d + 1) % dms) counts[d]!++;
  const base = generateModel({
    decisionMakers: dms,
    options: counts,
    statements: 1 + (seed % 4),
    conditions: seed % 5,
    oneWay: seed % 3 === 0 ? 0.4 : 0.15,
    seed,
  });
  const space = spaceOf(base);
  if (!space) return null;
  // Half the models use explicit rankings with ties instead of statements.
  return seed % 2 === 0 ? spaceOf(randomRankings(base, space.size, seed + 1)) : space;
}

describe("move index", () => {
  it("gives exactly the moves of the definition (random models)", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const space = randomModel(seed);
      if (!space) continue;
      const idx = buildMoveIndex(space);
      for (let k = 0; k < space.model.decisionMakers.length; k++) {
        for (let s = 0; s < space.size; s++) expect(movesFrom(idx, k, s)).toEqual(oracleMoves(space, k, s));
      }
    }
  });
  it("also on sparse models with many options, where blocks are found by sorting", () => {
    // 2 DMs × 17 options, all but a few fixed to N: 2^17 possible keys for 8 states.
    const doc = generateModel({ decisionMakers: 2, options: [17, 17], statements: 3, oneWay: 0.3, seed: 7 });
    const m = doc.model!;
    const fixed = m.decisionMakers.flatMap((d, i) => d.options.filter((_, k) => (i === 0 ? k > 1 : k > 0)).map((o) => o.id));
    const space = spaceOf({ ...doc, model: { ...m, feasibility: fixed.map((id) => ({ infeasible: id })) } })!;
    expect(space.size).toBe(8);
    const idx = buildMoveIndex(space);
    for (let k = 0; k < 2; k++) for (let s = 0; s < space.size; s++) expect(movesFrom(idx, k, s)).toEqual(oracleMoves(space, k, s));
  });
});

describe("stability engine vs. the definitions", () => {
  it("agrees with the oracle on every (state, DM, concept) of 2,000 random models", { timeout: 600_000 }, () => {
    let checked = 0;
    let models = 0;
    let multiMoveOnly = 0;
    const stableCount = { nash: 0, gmr: 0, smr: 0, seq: 0 };
    for (let seed = 1; models < 2000; seed++) {
      const space = randomModel(seed);
      if (!space) continue;
      models++;
      // Every fourth model without packed one-way groups: the engine's general code paths.
      const a = analyze(space, BASIC_CONCEPTS, seed % 4 === 0 ? { maxGroupBits: 0 } : {});
      const P = a.payoffs.map((p) => p.payoff);
      const flags = a.stable;
      const oracle = new Oracle(space, P);
      for (const c of BASIC_CONCEPTS) {
        for (let i = 0; i < P.length; i++) {
          for (let s = 0; s < space.size; s++) {
            const want = oracle.stable(i, s, c);
            if ((flags[c]![i]![s] === 1) !== want) {
              expect.fail(`seed ${seed}: ${c} for DM ${i + 1} at state ${s + 1}: engine ${flags[c]![i]![s]}, definition ${want}`);
            }
            checked++;
            if (want) stableCount[c]++;
            if (c === "gmr" && want && P.length > 2) {
              // GMR with one move by one opponent only (gmcr-py's reading).
              const others = P.map((_, k) => k).filter((k) => k !== i);
              const oneMove = oracle
                .R(i, s)
                .filter((t) => P[i]![t]! > P[i]![s]!)
                .every((t) => others.some((k) => oracle.R(k, t).some((u) => P[i]![u]! <= P[i]![s]!)));
              if (!oneMove) multiMoveOnly++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50_000);
    // The models exercise what matters: sanctions that need several moves by several
    // opponents, which tools letting each opponent move once would miss.
    expect(multiMoveOnly).toBeGreaterThan(20);
    for (const c of BASIC_CONCEPTS) expect(stableCount[c]).toBeGreaterThan(1000);
  });
});
