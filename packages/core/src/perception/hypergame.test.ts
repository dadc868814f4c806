import { describe, expect, it } from "vitest";
import { generateModel, rng } from "../scenario/generate.js";
import type { ScenarioDocument } from "../format/schema.js";
import { asDmIndex } from "../numbering.js";
import { validateDocument } from "../scenario/load.js";
import { analyze } from "../stability/analysis.js";
import { BASIC_CONCEPTS } from "../stability/concepts.js";
import { computePayoffs } from "../statespace/payoffs.js";
import { StateSpace } from "../statespace/space.js";
import { analyzeHypergame, hypergameJson, perceivedModel } from "./hypergame.js";
import { PerceivedOracle } from "./oracle.js";

/** A random model in which some decision makers read others' preferences their own way. */
function randomDoc(seed: number): ScenarioDocument {
  const r = rng(seed * 31);
  const dms = 2 + Math.floor(r() * 2);
  const doc = generateModel({ decisionMakers: dms, options: 2, statements: 3, conditions: seed % 2, oneWay: 0.15, seed });
  const ids = doc.model!.decisionMakers.flatMap((d) => d.options.map((o) => o.id));
  const literal = (): string => `${r() < 0.5 ? "-" : ""}${ids[Math.floor(r() * ids.length)]!}`;
  return {
    ...doc,
    model: {
      ...doc.model!,
      decisionMakers: doc.model!.decisionMakers.map((d, i) => {
        const others = doc.model!.decisionMakers.filter((_, j) => j !== i && r() < 0.6);
        if (others.length === 0) return d;
        return { ...d, perceives: Object.fromEntries(others.map((o) => [o.id, [literal(), `${literal()} & ${literal()}`, literal()]])) };
      }),
    },
  };
}

describe("first-level hypergames", () => {
  it("judge each decision maker in its own game, as the literal definitions do", () => {
    let differs = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const v = validateDocument(randomDoc(seed));
      if (!v.ok) continue;
      const space = v.value.space!;
      const h = analyzeHypergame(analyze(space));
      const D = space.model.decisionMakers.length;
      // Viewer i's game: its readings in place of the others' preferences, judged by the literal oracle.
      const oracles = Array.from({ length: D }, (_, i) => {
        const view = new StateSpace(perceivedModel(space.model, asDmIndex(i)), space);
        return new PerceivedOracle(view, view.model.decisionMakers.map((dm) => computePayoffs(view, dm).payoff));
      });
      const truth = new PerceivedOracle(space, space.model.decisionMakers.map((dm) => computePayoffs(space, dm).payoff));
      for (const c of BASIC_CONCEPTS) {
        const want: number[] = [];
        for (let s = 0; s < space.size; s++) if (oracles.every((o, i) => o.stable(i, s, c))) want.push(s);
        expect(h.equilibria[c], `seed ${seed} ${c}`).toEqual(want);
        const trueEq = Array.from({ length: space.size }, (_, s) => s).filter((s) => Array.from({ length: D }, (_, i) => i).every((i) => truth.stable(i, s, c)));
        expect(h.onlyByMisreading[c]!.map((e) => e.state)).toEqual(want.filter((s) => !trueEq.includes(s)));
        expect(h.brokenByMisreading[c]!.map((e) => e.state)).toEqual(trueEq.filter((s) => !want.includes(s)));
        if (c !== "seq") expect(h.onlyByMisreading[c]!.length + h.brokenByMisreading[c]!.length).toBe(0);
        else differs += h.onlyByMisreading[c]!.length + h.brokenByMisreading[c]!.length;
        // Each named misreading, on its own or together, gives the viewer the stability it has in its game.
        for (const e of [...h.onlyByMisreading[c]!, ...h.brokenByMisreading[c]!]) {
          expect(e.because.length).toBeGreaterThan(0);
          for (const b of e.because) {
            const view = new StateSpace(perceivedModel(space.model, b.viewer, b.misread), space);
            const o = new PerceivedOracle(view, view.model.decisionMakers.map((dm) => computePayoffs(view, dm).payoff));
            expect(o.stable(b.viewer, e.state, c)).toBe(oracles[b.viewer]!.stable(b.viewer, e.state, c));
            expect(o.stable(b.viewer, e.state, c)).not.toBe(truth.stable(b.viewer, e.state, c));
          }
        }
      }
      const json = hypergameJson(h);
      expect(json.equilibria.hypergame.seq).toEqual(h.equilibria.seq!.map((s) => s + 1));
    }
    expect(differs).toBeGreaterThan(10);
  });

  it("is the true game when nobody misreads anyone", () => {
    const v = validateDocument(generateModel({ decisionMakers: 3, options: 2, statements: 3, seed: 5 }));
    if (!v.ok) throw new Error("model");
    const a = analyze(v.value.space!);
    const h = analyzeHypergame(a);
    expect(h.games).toEqual([]);
    for (const c of BASIC_CONCEPTS) expect(h.equilibria[c]).toEqual(a.equilibria[c]);
    expect(hypergameJson(h).summary).toMatch(/^No decision maker reads another's preferences differently/);
  });
});
