import { describe, expect, it } from "vitest";
import { generateModel, randomRankings, rng } from "../scenario/generate.js";
import { PerceivedOracle } from "../perception/oracle.js";
import type { ScenarioDocument } from "../format/schema.js";
import { asDmIndex } from "../numbering.js";
import { validateDocument } from "../scenario/load.js";
import { analyze, engineData, type Analysis } from "../stability/analysis.js";
import { BASIC_CONCEPTS } from "../stability/concepts.js";
import { analyzeCoalitions, analyzePartition } from "./analysis.js";
import { coalitionsOf, type Coalition } from "./coalitions.js";
import { CoalitionOracle } from "./oracle.js";
import { coalitionStability, otherDecisionMakers } from "./stability.js";

/** A random small model; some get explicit rankings, some misperceived states. */
function randomAnalysis(seed: number): Analysis | null {
  const r = rng(seed * 7919);
  const dms = 2 + Math.floor(r() * 3);
  const options = Array.from({ length: dms }, () => 1 + Math.floor(r() * 2));
  let doc: ScenarioDocument = generateModel({ decisionMakers: dms, options, statements: 3, conditions: seed % 3, oneWay: 0.2, seed });
  const first = validateDocument(doc);
  if (!first.ok) return null;
  if (seed % 4 === 1) doc = randomRankings(doc, first.value.space!.size, seed);
  if (seed % 3 === 2) {
    const ids = doc.model!.decisionMakers.flatMap((d) => d.options.map((o) => o.id));
    const literal = (): string => `${r() < 0.5 ? "-" : ""}${ids[Math.floor(r() * ids.length)]!}`;
    doc = {
      ...doc,
      model: {
        ...doc.model!,
        decisionMakers: doc.model!.decisionMakers.map((d) => (r() < 0.5 ? { ...d, doesNotPerceive: [`${literal()} & ${literal()}`] } : d)),
      },
    };
  }
  const v = validateDocument(doc);
  return v.ok ? analyze(v.value.space!) : null;
}

function oracleOf(a: Analysis): CoalitionOracle {
  return new CoalitionOracle(new PerceivedOracle(a.space, a.payoffs.map((p) => p.payoff)));
}

function allSubsets(n: number): Coalition[] {
  return coalitionsOf(n, 1);
}

describe("coalition stability", () => {
  it("agrees with the literal definitions on random models, for every coalition, state and concept", () => {
    let models = 0;
    let checked = 0;
    // Cases a wrong program would get wrong: a state every member finds stable alone
    // that the coalition leaves; a sanction that needs several of the others' moves.
    let leftTogether = 0;
    let multiMoveSanction = 0;
    for (let seed = 1; seed <= 90; seed++) {
      const a = randomAnalysis(seed);
      if (!a) continue;
      models++;
      const o = oracleOf(a);
      const D = a.index.dmCount;
      for (const H of allSubsets(D)) {
        const others = otherDecisionMakers(D, H).map((d) => [d]);
        const fast = coalitionStability(engineData(a), H, BASIC_CONCEPTS, others);
        for (let s = 0; s < a.space.size; s++) {
          for (const c of BASIC_CONCEPTS) {
            const want = o.stable(H, s, c, others);
            expect(fast.flags[c]![s] === 1, `${a.space.model.decisionMakers.map((d) => d.id)} seed ${seed} H=${H} s=${s + 1} ${c}`).toBe(want);
            checked++;
          }
          if (H.length >= 2 && fast.flags.nash![s] === 0 && H.every((i) => a.stable.nash![i]![s] === 1)) leftTogether++;
          if (H.length >= 1 && others.length >= 2 && fast.flags.gmr![s] === 1 && fast.flags.nash![s] === 0) {
            const rest = others.flat();
            const oneMove = o.improvements(H, s).every((s1) => rest.some((k) => o.oracle.R(k, s1).some((s2) => !o.gains(H, s, s2))));
            if (!oneMove) multiMoveSanction++;
          }
        }
      }
    }
    expect(models).toBeGreaterThan(80);
    expect(checked).toBeGreaterThan(20_000);
    expect(leftTogether).toBeGreaterThan(20);
    expect(multiMoveSanction).toBeGreaterThan(5);
  });

  it("gives each decision maker alone exactly its ordinary stability", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const a = randomAnalysis(seed);
      if (!a) continue;
      for (let i = 0; i < a.index.dmCount; i++) {
        const fast = coalitionStability(engineData(a), [asDmIndex(i)], BASIC_CONCEPTS);
        for (const c of BASIC_CONCEPTS) expect(Array.from(fast.flags[c]!)).toEqual(Array.from(a.stable[c]![i]!));
      }
    }
  });

  it("agrees with the literal definitions for partitions whose blocks answer jointly", () => {
    let withBlocks = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const a = randomAnalysis(seed);
      if (!a || a.index.dmCount < 3) continue;
      const o = oracleOf(a);
      const D = a.index.dmCount;
      // Two partitions per model: one block of two, the rest alone; and a random one.
      const r = rng(seed);
      const label = Array.from({ length: D }, () => Math.floor(r() * 2));
      const partitions: Coalition[][] = [
        [[0, 1], ...Array.from({ length: D - 2 }, (_, j) => [j + 2])].map((b) => b.map(asDmIndex)),
        [0, 1].map((g) => Array.from({ length: D }, (_, d) => asDmIndex(d)).filter((d) => label[d] === g)).filter((b) => b.length > 0),
      ];
      for (const partition of partitions) {
        const pa = analyzePartition(a, partition);
        if (partition.some((b) => b.length > 1)) withBlocks++;
        pa.blocks.forEach((b) => {
          const others = partition.filter((x) => x !== b.coalition);
          for (let s = 0; s < a.space.size; s++) {
            for (const c of BASIC_CONCEPTS) expect(b.flags[c]![s] === 1, `seed ${seed} ${JSON.stringify(partition)} block ${b.coalition} s=${s + 1} ${c}`).toBe(o.stable(b.coalition, s, c, others));
          }
        });
        for (const c of BASIC_CONCEPTS) {
          const want = Array.from({ length: a.space.size }, (_, s) => s).filter((s) => partition.every((b) => o.stable(b, s, c, partition.filter((x) => x !== b))));
          expect(pa.equilibria[c]).toEqual(want);
        }
      }
    }
    expect(withBlocks).toBeGreaterThan(30);
  });

  it("finds the equilibria a coalition can leave", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const a = randomAnalysis(seed);
      if (!a) continue;
      const o = oracleOf(a);
      const r = analyzeCoalitions(a);
      if (!r.ok) throw new Error("analysis refused");
      const D = a.index.dmCount;
      for (const c of BASIC_CONCEPTS) {
        for (const s of a.equilibria[c]!) {
          const against = coalitionsOf(D).filter((H) => !o.stable(H, s, c, otherDecisionMakers(D, H).map((d) => [d])));
          const fell = r.value.fallen[c]!.find((f) => f.state === s);
          expect(fell?.coalitions ?? [], `seed ${seed} ${c} state ${s + 1}`).toEqual(against);
          expect(r.value.equilibria[c]!.includes(s)).toBe(against.length === 0);
        }
      }
    }
  });
});
