import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateModel } from "../scenario/generate.js";
import { validateDocument } from "../scenario/load.js";
import type { Payoffs } from "../statespace/payoffs.js";
import { analyze, analyzeDm, finishAnalysis, prepareAnalysis, type PreparedAnalysis } from "../stability/analysis.js";
import { buildSortedCells } from "../stability/cells.js";
import { BASIC_CONCEPTS } from "../stability/concepts.js";
import { reanalyse, stabilityOfDm, VariantCache } from "./variant.js";

/** A random model (2–4 DMs, up to 8 options, conditions, one-way options, sometimes a misperceived state). */
function randomBase(seed: number): PreparedAnalysis | null {
  const dms = 2 + (seed % 3);
  const counts = Array.from({ length: dms }, (_, d) => 1 + ((seed >> d) % 3));
  const doc = generateModel({ decisionMakers: dms, options: counts, statements: 2, conditions: seed % 3, oneWay: seed % 2 === 0 ? 0.4 : 0.15, seed });
  if (seed % 5 === 0) {
    const dm = doc.model!.decisionMakers[0]!;
    (dm as { doesNotPerceive?: string[] }).doesNotPerceive = [doc.model!.decisionMakers[1]!.options[0]!.id];
  }
  const r = validateDocument(doc);
  return r.ok ? prepareAnalysis(r.value.space!) : null;
}

/** The engine's own analysis of the same states with these payoffs: a fresh analysis, nothing reused. */
function fresh(base: PreparedAnalysis, payoffs: readonly Payoffs[]): ReturnType<typeof finishAnalysis> {
  const prep: PreparedAnalysis = { ...base, payoffs, cells: payoffs.map((p, k) => buildSortedCells(base.index, k, p.payoff)) };
  return finishAnalysis(prep, payoffs.map((_, k) => analyzeDm(prep, k)));
}

/** Random payoffs with many ties (levels 0..levels−1), one column per decision maker. */
const payoffsArb = (S: number, D: number): fc.Arbitrary<Payoffs[]> =>
  fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(), { minLength: S, maxLength: S })), { minLength: D, maxLength: D }).map((cols) =>
    cols.map(([levels, xs]) => ({ payoff: Int32Array.from(xs, (x) => x % levels), levels })),
  );

describe("variant engine", () => {
  it("re-analyses preference variants exactly as a fresh analysis does (random models and payoffs)", () => {
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const base = randomBase(seed);
      if (!base) continue;
      const S = base.index.size;
      const D = base.index.dmCount;
      fc.assert(
        fc.property(payoffsArb(S, D), fc.subarray([...BASIC_CONCEPTS], { minLength: 1 }), (payoffs, concepts) => {
          const got = reanalyse({ ...base, concepts }, payoffs);
          const want = fresh({ ...base, concepts }, payoffs);
          expect(got.equilibria).toEqual(want.equilibria);
          expect(got.stable).toEqual(want.stable);
          expect(got.cells).toEqual(want.cells);
        }),
        { numRuns: 10, seed },
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(25);
  });

  it("gives one decision maker's flags, and the variant cache's, as the engine does", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const base = randomBase(seed);
      if (!base) continue;
      const a = analyze(base.space);
      fc.assert(
        fc.property(payoffsArb(base.index.size, 1), fc.nat(), ([p], d) => {
          const dm = d % base.index.dmCount;
          const payoffs = base.payoffs.map((q, k) => (k === dm ? p! : q));
          const want = fresh(base, payoffs);
          const flags = stabilityOfDm(base, dm, p!, BASIC_CONCEPTS);
          for (const c of BASIC_CONCEPTS) expect(flags[c]).toEqual(want.stable[c]![dm]);
          const cache = new VariantCache(a);
          cache.payoffs(dm, "v", () => p!);
          for (const c of ["nash", "gmr", "smr"] as const) expect(cache.flags(dm, "v", c)).toEqual(want.stable[c]![dm]);
          const keys = base.payoffs.map((_, k) => (k === dm ? "v" : ""));
          for (let k = 0; k < base.index.dmCount; k++) expect(cache.seq(keys, k)).toEqual(want.stable.seq![k]);
        }),
        { numRuns: 8, seed },
      );
    }
  });
});
