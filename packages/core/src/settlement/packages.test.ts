import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../problems.js";
import { boxesOf } from "./feasible.js";
import { bruteForce } from "./oracle.js";
import { packagesCore, settlePackages, type PackagesResult } from "./packages.js";
import type { PackagesInput } from "../valuation/types.js";
import { compilePackages, type CompiledPackages } from "../valuation/validate.js";

/** A random instance as plain input: utilities and disagreement values drawn from `values`. */
function instance(k: number, m: number[], values: fc.Arbitrary<number>): fc.Arbitrary<PackagesInput> {
  const parties = Array.from({ length: k }, (_, p) => ({ id: `p${p}` }));
  const issues = m.map((alts, i) => ({ id: `i${i}`, alternatives: Array.from({ length: alts }, (_, a) => ({ id: `a${a}` })) }));
  const row = (alts: number) => fc.array(values, { minLength: alts, maxLength: alts });
  return fc
    .tuple(fc.array(fc.tuple(...m.map(row)), { minLength: k, maxLength: k }), fc.array(values, { minLength: k, maxLength: k }))
    .map(([u, d]) => ({
      parties,
      issues,
      utilities: Object.fromEntries(parties.map((p, pi) => [p.id, Object.fromEntries(issues.map((is, i) => [is.id, Object.fromEntries(is.alternatives.map((a, ai) => [a.id, u[pi]![i]![ai]!]))]))])),
      disagreement: { values: Object.fromEntries(parties.map((p, pi) => [p.id, d[pi]!])) },
    }));
}

const shape = (maxParties: number, maxIssues: number, maxAlts: number) =>
  fc.tuple(fc.integer({ min: 2, max: maxParties }), fc.array(fc.integer({ min: 1, max: maxAlts }), { minLength: 1, maxLength: maxIssues }));

function compiled(input: PackagesInput): CompiledPackages {
  const c = compilePackages(input);
  if (!c.ok) throw new Error(c.problems.map(formatProblem).join("\n"));
  return c.value;
}

/** The packages of some frontier points, as "a,b,c" keys (all of them, not a sample). */
function keys(core: ReturnType<typeof packagesCore>, points: readonly number[]): Set<string> {
  return new Set(points.flatMap((j) => core.frontier.packages(j, Infinity).map((alts) => Array.from(alts).join(","))));
}

/** States of a model as the settlement sees them: per state, per issue, the alternatives that hold there. */
type States = number[][][];

function compareWithOracle(input: PackagesInput, states?: States): void {
  const c = compiled(input);
  const k = c.parties.length;
  // The model's columns: alternative a of issue i holds at state s.
  const columns = states ? c.issues.map((issue, i) => issue.alternatives.map((_, a) => Uint8Array.from(states, (st) => (st[i]!.includes(a) ? 1 : 0)))) : undefined;
  const core = packagesCore(c, columns ? boxesOf(columns, states!.length) : undefined);
  // Straight from the definition: a package exists when some state satisfies every chosen alternative.
  const allowed = states ? (alts: readonly number[]) => states.some((st) => alts.every((a, i) => st[i]!.includes(a))) : undefined;
  const oracle = bruteForce(c.util, k, c.disagreement, allowed);
  const all = [...Array(core.frontier.size).keys()];
  expect(keys(core, all)).toEqual(oracle.frontier);
  // Counts agree with the packages listed.
  for (const j of all) expect(core.frontier.packages(j, Infinity).length).toBe(core.frontier.count[j]);
  expect(keys(core, core.nash?.best ?? [])).toEqual(oracle.nash);
  expect(keys(core, core.ks?.best ?? [])).toEqual(oracle.ks);
}

/** Random states over the instance's issues: each state lets 1 or more alternatives of every issue hold. */
const statesFor = (m: readonly number[]): fc.Arbitrary<States> =>
  fc.array(fc.tuple(...m.map((alts) => fc.subarray([...Array(alts).keys()], { minLength: 1 }))), { minLength: 1, maxLength: 6 });

describe("packages the model allows: frontier, Nash and Kalai–Smorodinsky against brute force over the allowed packages (oracle)", () => {
  it("small integer utilities with ties, 2–4 parties, a few random states", () => {
    fc.assert(
      fc.property(
        shape(4, 4, 4).chain(([k, m]) => fc.tuple(instance(k, m, fc.integer({ min: 0, max: 5 })), statesFor(m))),
        ([input, states]) => compareWithOracle(input, states),
      ),
      { numRuns: 300, seed: 3 },
    );
  });

  it("reports the frontier packages the model rules out, and only those", () => {
    fc.assert(
      fc.property(
        shape(3, 4, 3).chain(([k, m]) => fc.tuple(instance(k, m, fc.integer({ min: 0, max: 9 })), statesFor(m))),
        ([input, states]) => {
          const c = compiled(input);
          const columns = c.issues.map((issue, i) => issue.alternatives.map((_, a) => Uint8Array.from(states, (st) => (st[i]!.includes(a) ? 1 : 0))));
          const r = settlePackages(input, { boxes: boxesOf(columns, states.length), maxPackagesPerPoint: Infinity });
          if (!r.ok) throw new Error("invalid");
          const idx = (choice: Record<string, string>): number[] => c.issues.map((issue) => issue.alternatives.findIndex((a) => a.id === choice[issue.id]));
          const allowed = (alts: readonly number[]) => states.some((st) => alts.every((a, i) => st[i]!.includes(a)));
          const everything = bruteForce(c.util, c.parties.length, c.disagreement);
          const ruledOut = [...everything.frontier].filter((key) => !allowed(key.split(",").map(Number)));
          expect(new Set(r.value.excluded.map((x) => idx(x.package).join(",")))).toEqual(new Set(ruledOut));
          // None of the candidates is ruled out.
          for (const f of r.value.frontier) for (const p of f.packages) expect(allowed(idx(p))).toBe(true);
        },
      ),
      { numRuns: 200, seed: 4 },
    );
  });
});

describe("packages: frontier, Nash and Kalai–Smorodinsky against brute force (oracle)", () => {
  it("small integer utilities with many ties, 2–4 parties", () => {
    fc.assert(
      fc.property(shape(4, 5, 4).chain(([k, m]) => instance(k, m, fc.integer({ min: 0, max: 5 }))), (i) => compareWithOracle(i)),
      { numRuns: 300, seed: 1 },
    );
  });

  it("wider integer utilities, 3 parties (the staircase), up to 6 issues", () => {
    fc.assert(
      fc.property(shape(3, 6, 4).map(([, m]) => [3, m] as const).chain(([k, m]) => instance(k, m, fc.integer({ min: 0, max: 40 }))), (i) => compareWithOracle(i)),
      { numRuns: 200, seed: 2 },
    );
  });

  it("halves and negative utilities (allowed), 2 parties", () => {
    fc.assert(
      fc.property(
        shape(2, 5, 4).chain(([k, m]) => instance(k, m, fc.integer({ min: -12, max: 12 }).map((x) => x / 2))).map((i) => ({ ...i, allowNegative: true })),
        (i) => compareWithOracle(i),
      ),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe("packages: a worked example", () => {
  // Two parties, two issues. A hand-checkable case:
  //   transit: none (A 0, B 6), monitored (A 4, B 4), sovereign (A 6, B 0)
  //   venue:   bilateral (A 3, B 1), western (A 1, B 3)
  // no agreement: A 2, B 2.
  const input: PackagesInput = {
    parties: [{ id: "a", label: "Aland" }, { id: "b", label: "Belmark" }],
    issues: [
      { id: "transit", label: "Transit", alternatives: [{ id: "none", label: "none" }, { id: "monitored", label: "monitored" }, { id: "sovereign", label: "sovereign" }] },
      { id: "venue", label: "Venue", alternatives: [{ id: "bilateral", label: "bilateral" }, { id: "western", label: "Western platform" }] },
    ],
    utilities: {
      a: { transit: { none: 0, monitored: 4, sovereign: 6 }, venue: { bilateral: 3, western: 1 } },
      b: { transit: { none: 6, monitored: 4, sovereign: 0 }, venue: { bilateral: 1, western: 3 } },
    },
    disagreement: { values: { a: 2, b: 2 } },
    proposals: [{ id: "draft", label: "Aland's draft", choice: { transit: "sovereign", venue: "western" } }],
  };
  const r = settlePackages(input);
  const v = r.ok ? r.value : (null as unknown as PackagesResult);

  it("lists the frontier: all six packages but one are efficient", () => {
    // Outcomes (A, B): none+bil (3,7), none+west (1,9), mon+bil (7,5), mon+west (5,7), sov+bil (9,1), sov+west (7,3).
    // (5,7) dominates (3,7) and (7,5) dominates (7,3); the other four are on the frontier.
    expect(v.frontier.map((f) => f.utilities)).toEqual([[9, 1], [7, 5], [5, 7], [1, 9]]);
    expect(v.acceptable).toEqual([1, 2]);
    expect(v.packageCount).toBe(6);
  });

  it("finds Nash (products 5·3 = 15 and 3·5 = 15 tie; leximin cannot part them) and Kalai–Smorodinsky", () => {
    // Acceptable: (7,5) and (5,7); ideal point (7,7), so ranges 5 and 5.
    expect(v.ideal).toEqual([7, 7]);
    expect(v.nash).toMatchObject({ point: 1, tied: [1, 2], value: 15, package: { transit: "monitored", venue: "bilateral" } });
    expect(v.kalaiSmorodinsky).toMatchObject({ point: 1, tied: [1, 2], value: 0.6, shares: [1, 0.6] });
    expect(v.nash!.explanation).toBe(
      "The Nash bargaining solution is the package that maximises the product of the parties' gains over no agreement: Aland gains 5 (from 2 to 7) and Belmark gains 3 (from 2 to 5); the product is 15. " +
        "The package: Transit: monitored; Venue: bilateral. 1 other outcome ties with it; this one is chosen because it treats the worst-off party best (in shares of the best possible gain).",
    );
  });

  it("places a proposal against the frontier", () => {
    expect(v.proposals[0]).toMatchObject({ utilities: [7, 3], acceptable: true, efficient: false, improvedBy: 1 });
    expect(v.proposals[0]!.explanation).toBe(
      "Aland's draft gives Aland 7 and Belmark 3; every party prefers it to no agreement; another package is at least as good for every party and better for Belmark (Transit: monitored; Venue: bilateral; Aland 7 and Belmark 5).",
    );
  });

  it("says so when no package beats no agreement", () => {
    const none = settlePackages({ ...input, disagreement: { values: { a: 8, b: 8 } } });
    expect(none.ok && none.value).toMatchObject({ nash: null, kalaiSmorodinsky: null, ideal: null, acceptable: [] });
    expect(none.ok && none.value.explanation).toContain("there is no package all parties would prefer to no agreement");
  });

  it("takes the disagreement point as a package", () => {
    const p = settlePackages({ ...input, disagreement: { package: { transit: "none", venue: "western" } } });
    expect(p.ok && p.value.disagreement).toEqual({ utilities: [1, 9], package: { transit: "none", venue: "western" } });
  });
});

describe("packages: bad input", () => {
  const good: PackagesInput = {
    parties: [{ id: "armenia", label: "Armenia" }, { id: "azerbaijan", label: "Azerbaijan" }],
    issues: [{ id: "transit", alternatives: [{ id: "sovereign" }, { id: "monitored" }] }],
    utilities: { armenia: { transit: { sovereign: 60, monitored: 40 } }, azerbaijan: { transit: { sovereign: 30, monitored: 70 } } },
    disagreement: { values: { armenia: 20, azerbaijan: 20 } },
  };
  const problems = (input: PackagesInput): string[] => {
    const r = settlePackages(input, {}, ["settlement"]);
    return r.ok ? [] : r.problems.map(formatProblem);
  };

  it("accepts the good input", () => expect(problems(good)).toEqual([]));

  it("points that do not add up to the stated total", () => {
    expect(problems({ ...good, totals: { armenia: 100, azerbaijan: 70 } })).toEqual([
      "settlement.utilities.armenia: Armenia's best alternatives add up to 60 points; expected its stated total 100 (its best package is worth exactly the total)",
    ]);
  });

  it("negative utilities where not allowed, and a range that excludes its value", () => {
    expect(
      problems({
        ...good,
        utilities: { armenia: { transit: { sovereign: -5, monitored: { value: 40, estimate: true, range: { min: 45, max: 60 } } } }, azerbaijan: good.utilities.azerbaijan! },
      }),
    ).toEqual([
      `settlement.utilities.armenia.transit.sovereign: Armenia's utility for "sovereign" (transit) is -5; expected a number ≥ 0 (negative utilities are not allowed here)`,
      `settlement.utilities.armenia.transit.monitored.range: Armenia's utility for "monitored" (transit) is 40, outside its own range 45–60; expected min ≤ value ≤ max`,
    ]);
  });

  it("duplicate ids, an unknown alternative, a package alternative that does not exist", () => {
    expect(
      problems({
        ...good,
        issues: [{ id: "transit", alternatives: [{ id: "sovereign" }, { id: "monitored" }, { id: "monitored" }] }],
        utilities: { ...good.utilities, azerbaijan: { transit: { sovereign: 30, monitored: 70, extraterritorial: 90 } } },
        disagreement: { package: { transit: "monitorred" } },
        proposals: [{ id: "draft", choice: { transit: "extraterritorial" } }, { id: "draft", choice: {} }],
      }),
    ).toEqual([
      'settlement.issues[0].alternatives[2].id: duplicate alternative id "monitored" (also alternative 2); ids must be unique',
      'settlement.utilities.azerbaijan.transit.extraterritorial: unknown alternative of issue "transit" "extraterritorial"; expected one of "sovereign", "monitored"',
      'settlement.disagreement.package.transit: unknown alternative of issue "transit" "monitorred"; did you mean "monitored"?',
      'settlement.proposals[1].id: duplicate proposal id "draft" (also proposal 1); ids must be unique',
      'settlement.proposals[0].choice.transit: unknown alternative of issue "transit" "extraterritorial"; expected one of "sovereign", "monitored"',
      'settlement.proposals[1].choice.transit: the package chooses nothing for issue "transit"; expected one of its alternatives',
    ]);
  });

  it("a duplicate issue, and an issue without alternatives after it", () => {
    const transit = good.issues[0]!;
    expect(problems({ ...good, issues: [transit, { id: "transit", alternatives: [{ id: "x" }] }, { id: "venue", alternatives: [] }] })).toEqual([
      'settlement.issues[1].id: duplicate issue id "transit" (also issue 1); ids must be unique',
      'settlement.issues[2].alternatives: issue "venue" has no alternatives; expected at least 1',
    ]);
  });

  it("a missing party, an unknown party, a missing disagreement point", () => {
    expect(problems({ ...good, utilities: { armenia: good.utilities.armenia!, azerbaijan_: {} }, disagreement: undefined as never })).toEqual([
      'settlement.utilities.azerbaijan_: unknown party "azerbaijan_"; did you mean "azerbaijan"?',
      "settlement.utilities.azerbaijan: missing the utilities of Azerbaijan; expected a number per alternative of every issue",
      "settlement.disagreement: missing the disagreement point; expected each party's value of no agreement (values) or the package that no agreement means (package)",
    ]);
  });
});
