import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateDocument } from "../scenario/load.js";
import type { ScenarioDocument } from "../format/schema.js";
import { analyze } from "../stability/analysis.js";
import { BASIC_CONCEPTS } from "../stability/concepts.js";
import { fairAndStable, type PackageToState } from "./fair-stable.js";
import { boxesOf } from "./feasible.js";
import { bruteForce } from "./oracle.js";
import { settlePackages } from "./packages.js";
import { valuationSensitivity, type Segment, type SolutionAt } from "./sensitivity.js";
import type { PackagesInput, ValueInput } from "../valuation/types.js";
import { compilePackages, type CompiledPackages } from "../valuation/validate.js";

function compiled(input: PackagesInput): CompiledPackages {
  const c = compilePackages(input);
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  return c.value;
}

/** The same instance with one number replaced (a utility, or a disagreement value). */
function withValue(c: CompiledPackages, target: { party: number; issue?: number; alt?: number }, t: number): CompiledPackages {
  const k = c.parties.length;
  if (target.issue === undefined) {
    const disagreement = Float64Array.from(c.disagreement);
    disagreement[target.party] = t;
    return { ...c, disagreement };
  }
  const util = c.util.map((u, i) => {
    const v = Float64Array.from(u);
    if (i === target.issue) v[target.alt! * k + target.party] = t;
    return v;
  });
  return { ...c, util };
}

/**
 * Up to 6 values spread over the segment, at least `margin` from its ends, each a
 * multiple of 1/64 (so sums stay exact for small integers).
 */
function inside(s: Segment<unknown>, margin = 0): number[] {
  const lo = Math.floor((s.from + margin) * 64 + 1);
  const hi = Math.ceil((s.to - margin) * 64 - 1);
  if (hi < lo) return [];
  const step = Math.max(1, Math.ceil((hi - lo) / 5));
  const out: number[] = [];
  for (let x = lo; x <= hi; x += step) out.push(x / 64);
  return out;
}

const key = (c: CompiledPackages, choice: Record<string, string>): string => c.issues.map((is) => is.alternatives.findIndex((a) => a.id === choice[is.id])).join(",");

describe("sensitivity against recomputation by brute force (oracle)", () => {
  const arb = fc
    .record({
      k: fc.integer({ min: 2, max: 3 }),
      m: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
      seed: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 40, maxLength: 40 }),
      d: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
      pick: fc.nat(),
      spread: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 6 })),
      disagreement: fc.boolean(),
      // A model's states, sometimes: per state and issue, a bit mask of the alternatives that hold there.
      masks: fc.option(fc.array(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 })),
    })
    .map((r) => {
      let n = 0;
      const next = (): number => r.seed[n++ % r.seed.length]!;
      const parties = Array.from({ length: r.k }, (_, p) => ({ id: `p${p}` }));
      const issues = r.m.map((alts, i) => ({ id: `i${i}`, alternatives: Array.from({ length: alts }, (_, a) => ({ id: `a${a}` })) }));
      const cells = issues.flatMap((is, i) => is.alternatives.flatMap((_, a) => parties.map((_, p) => ({ i, a, p }))));
      const cell = cells[r.pick % cells.length]!;
      const target: { party: number; issue?: number; alt?: number } = r.disagreement ? { party: r.pick % r.k } : { issue: cell.i, alt: cell.a, party: cell.p };
      const estimate = (v: number): ValueInput => ({ value: v, estimate: true, range: { min: Math.max(0, v - r.spread[0]), max: v + r.spread[1] } });
      const utilities = Object.fromEntries(
        parties.map((pt, p) => [pt.id, Object.fromEntries(issues.map((is, i) => [is.id, Object.fromEntries(is.alternatives.map((al, a) => {
          const v = next();
          return [al.id, !r.disagreement && target.issue === i && target.alt === a && target.party === p ? estimate(v) : v];
        }))]))]),
      );
      const values = Object.fromEntries(parties.map((pt, p) => [pt.id, r.disagreement && target.party === p ? estimate(r.d[p]!) : r.d[p]!]));
      const states = r.masks?.map((st) => r.m.map((alts, i) => {
        const set = [...Array(alts).keys()].filter((a) => (st[i]! >> a) & 1);
        return set.length ? set : [st[i]! % alts];
      }));
      return { input: { parties, issues, utilities, disagreement: { values } } as PackagesInput, target, states };
    });

  it("every segment's Nash and Kalai–Smorodinsky package, and acceptable count, are what recomputing at a value inside it gives", () => {
    fc.assert(
      fc.property(arb, ({ input, target, states }) => {
        const c = compiled(input);
        const boxes = states ? boxesOf(c.issues.map((issue, i) => issue.alternatives.map((_, a) => Uint8Array.from(states, (st) => (st[i]!.includes(a) ? 1 : 0)))), states.length) : undefined;
        // Straight from the definition: a package exists when some state satisfies every chosen alternative.
        const allowed = states ? (alts: readonly number[]) => states.some((st) => alts.every((a, i) => st[i]!.includes(a))) : undefined;
        const r = valuationSensitivity(c, boxes ? { boxes } : {});
        expect(r.parameters.length).toBe(1);
        const s = r.parameters[0]!;
        // Segments tile the range.
        for (const segs of [s.acceptable, s.nash, s.kalaiSmorodinsky] as Segment<unknown>[][]) {
          expect(segs[0]!.from).toBe(s.range.min);
          expect(segs[segs.length - 1]!.to).toBe(s.range.max);
          segs.slice(1).forEach((x, j) => expect(x.from).toBe(segs[j]!.to));
        }
        const check = (segs: readonly Segment<SolutionAt | null>[], which: "nash" | "ks", margin: number): void => {
          for (const seg of segs) for (const t of inside(seg, margin)) {
            const cc = withValue(c, target, t);
            const o = bruteForce(cc.util, cc.parties.length, cc.disagreement, allowed)[which];
            if (seg.value === null) expect(o.size).toBe(0);
            else expect(o.has(key(c, seg.value.package))).toBe(true);
          }
        };
        // Nash breakpoints are exact; Kalai–Smorodinsky ones are located to within the tolerance.
        check(s.nash, "nash", 0);
        check(s.kalaiSmorodinsky, "ks", 2 * s.tolerance);
        for (const seg of s.acceptable) for (const t of inside(seg)) {
          const cc = withValue(c, target, t);
          const k = cc.parties.length;
          const o = bruteForce(cc.util, k, cc.disagreement, allowed);
          const vectors = new Set(
            [...o.frontier].map((p) => p.split(",").map(Number)).map((alts) => Array.from({ length: k }, (_, q) => alts.reduce((x, a, i) => x + cc.util[i]![a * k + q]!, 0))).filter((u) => u.every((x, q) => x > cc.disagreement[q]!)).map((u) => u.join(",")),
          );
          expect(seg.value).toBe(vectors.size);
        }
      }),
      { numRuns: 300, seed: 6 },
    );
  });
});

describe("sensitivity: a worked example", () => {
  // As in packages.test.ts: transit none (A 0, B 6), monitored (A m, B 4), sovereign (A 6, B 0);
  // venue bilateral (A 3, B 1), western (A 1, B 3); no agreement (2, 2). A's m is an estimate, 4 within 2–6.
  const input: PackagesInput = {
    parties: [{ id: "a", label: "Aland" }, { id: "b", label: "Belmark" }],
    issues: [
      { id: "transit", label: "Transit", alternatives: [{ id: "none" }, { id: "monitored" }, { id: "sovereign" }] },
      { id: "venue", label: "Venue", alternatives: [{ id: "bilateral" }, { id: "western" }] },
    ],
    utilities: {
      a: { transit: { none: 0, monitored: { value: 4, estimate: true, range: { min: 2, max: 6 } }, sovereign: 6 }, venue: { bilateral: 3, western: 1 } },
      b: { transit: { none: 6, monitored: 4, sovereign: 0 }, venue: { bilateral: 1, western: 3 } },
    },
    disagreement: { values: { a: { value: 2, estimate: true }, b: 2 } },
  };
  const r = valuationSensitivity(compiled(input));
  const s = r.parameters[0]!;

  it("finds the exact Nash breakpoint", () => {
    // With m: monitored+bilateral (m+3, 5), monitored+western (m+1, 7); none+western (1, 9); sovereign+bilateral (9, 1).
    // Products: (m+1)·3 and (m−1)·5: equal at m = 4; below 4 monitored+bilateral wins, above it monitored+western.
    expect(s.nash.map((x) => [x.from, x.to, x.value?.package])).toEqual([
      [2, 4, { transit: "monitored", venue: "bilateral" }],
      [4, 6, { transit: "monitored", venue: "western" }],
    ]);
  });

  it("says which estimate was not varied, and why", () => {
    expect(r.unvaried).toEqual([{ path: ["disagreement", "values", "a"], what: "Aland's value of no agreement", reason: "no range is stated" }]);
    expect(s.explanation).toMatch(/^Aland's utility for "monitored" \(Transit\), an estimate of 4 within 2–6: the Nash bargaining solution is Transit: monitored; Venue: bilateral from 2 to 4, then Transit: monitored; Venue: western from 4 to 6;/);
  });
});

describe("sensitivity of the fair-and-stable set", () => {
  // The README's fictional ceasefire (see fair-stable.test.ts). Equilibria: under Nash only "talks" (state 3);
  // under GMR, SMR and SEQ also "withdraw, disarm, talks" (state 6). The government's utility x for not
  // withdrawing is an estimate: "talks" only is worth (x + 1, 5), and is dominated by state 6, worth (5, 8),
  // until x passes 4 — so the fair-and-stable set gains "talks" at x = 4.
  const doc = {
    concord: 1,
    id: "ceasefire",
    title: "A ceasefire in a fictional valley",
    model: {
      decisionMakers: [
        { id: "gov", name: "Government", options: [{ id: "withdraw", label: "Withdraw the troops" }], preferences: ["disarm", "-withdraw"] },
        { id: "front", name: "Valley Front", options: [{ id: "disarm", label: "Hand in heavy weapons" }, { id: "talks", label: "Join talks" }], preferences: ["withdraw", "talks", "-disarm"] },
      ],
      feasibility: [{ infeasible: "disarm & -talks" }],
    },
  } as unknown as ScenarioDocument;
  const loaded = validateDocument(doc);
  if (!loaded.ok) throw new Error("the test model does not load");
  const space = loaded.value.space!;
  const analysis = analyze(space);
  const toState: PackageToState = (ch) => {
    return space.indexOf((ch.withdraw === "yes" ? 1 : 0) + (ch.disarm === "yes" ? 2 : 0) + (ch.talks === "yes" ? 4 : 0)) ?? "infeasible";
  };
  const yesNo = [{ id: "no" }, { id: "yes" }];
  const input = (withdrawNo: ValueInput): PackagesInput => ({
    parties: [{ id: "gov" }, { id: "front" }],
    issues: [{ id: "withdraw", alternatives: yesNo }, { id: "disarm", alternatives: yesNo }, { id: "talks", alternatives: yesNo }],
    utilities: {
      gov: { withdraw: { no: withdrawNo, yes: 0 }, disarm: { no: 0, yes: 4 }, talks: { no: 0, yes: 1 } },
      front: { withdraw: { no: 0, yes: 5 }, disarm: { no: 2, yes: 0 }, talks: { no: 0, yes: 3 } },
    },
    disagreement: { values: { gov: 3, front: 4 } },
  });

  it("gives, on each stretch of the range, the set that recomputing there gives", () => {
    const r = valuationSensitivity(compiled(input({ value: 3, estimate: true, range: { min: 0, max: 6 } })), { analysis, toState });
    const segs = r.parameters[0]!.fairAndStable!;
    const talksOnly = { withdraw: "no", disarm: "no", talks: "yes" };
    const all = { withdraw: "yes", disarm: "yes", talks: "yes" };
    expect(segs).toEqual([
      { from: 0, to: 4, value: { nash: [], gmr: [all], smr: [all], seq: [all] } },
      { from: 4, to: 6, value: { nash: [talksOnly], gmr: [talksOnly, all], smr: [talksOnly, all], seq: [talksOnly, all] } },
    ]);
    for (const seg of segs) {
      for (const t of inside(seg)) {
        const settled = settlePackages(input(t), { maxPackagesPerPoint: 100 });
        const f = settled.ok ? fairAndStable(settled.value, analysis, toState) : null;
        if (!f?.ok) throw new Error("recomputation failed");
        for (const c of BASIC_CONCEPTS) {
          const want = f.value.fairAndStable[c]!.map((i) => JSON.stringify(f.value.packages[i]!.package)).sort();
          expect(seg.value[c]!.map((x) => JSON.stringify(x)).sort(), `${c} at ${t}`).toEqual(want);
        }
      }
    }
  });
});
