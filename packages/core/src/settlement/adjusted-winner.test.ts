import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../problems.js";
import { adjustedWinner, checkDivision, type AdjustedWinnerResult } from "./adjusted-winner.js";
import type { PointsInput } from "../valuation/types.js";

function run(input: PointsInput): AdjustedWinnerResult {
  const r = adjustedWinner(input);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  return r.value;
}

/**
 * Published: Brams and Taylor's divorce example on their Adjusted Winner site (Steven J.
 * Brams and Alan D. Taylor, "Adjusted Winner: AW Procedure", New York University,
 * https://pages.nyu.edu/adjustedwinner/awProcedure.htm). The page gives the points
 * (Carol 50/20/15/10/5, Bob 40/30/10/10/10), the winner phase (Carol 65, Bob 40; the
 * tied investments go to Bob, who trails, bringing him to 50), and the adjustment:
 * the retirement account is split, Bob receiving a fraction p with 50 + 40p = 15 + 50(1 − p),
 * so p = 1/6 and each ends with 56.67 points. (The last two figures are quoted from a
 * copy of the same site's text in the Nemotron-CC-Math-v1 data set on Hugging Face,
 * whose excerpt continues where the stored copy of the page stops.)
 */
describe("Adjusted Winner: Brams and Taylor's divorce example (published)", () => {
  const input: PointsInput = {
    parties: [{ id: "carol", label: "Carol" }, { id: "bob", label: "Bob" }],
    issues: [
      { id: "retirement", label: "the retirement account" },
      { id: "home", label: "the home" },
      { id: "cottage", label: "the summer cottage" },
      { id: "investments", label: "the investments" },
      { id: "other", label: "other" },
    ],
    points: {
      carol: { retirement: 50, home: 20, cottage: 15, investments: 10, other: 5 },
      bob: { retirement: 40, home: 30, cottage: 10, investments: 10, other: 10 },
    },
  };
  const r = run(input);

  it("gives the published winner phase: Carol 65, Bob 40, the tied investments to Bob (then 50)", () => {
    expect(r.winnerPhase).toEqual({ points: [65, 50], ahead: "carol", tiesTo: "bob" });
  });

  it("splits the retirement account 5/6 to Carol, 1/6 to Bob, and gives each 56 2/3 points", () => {
    expect(r.split).toMatchObject({ issue: "retirement", exact: ["5/6", "1/6"] });
    expect(r.exactPoints).toEqual(["170/3", "170/3"]);
    expect(r.points[0]).toBeCloseTo(56.67, 2);
    expect(r.allocation.map((x) => [x.issue, x.to])).toEqual([
      ["retirement", "split"],
      ["home", "bob"],
      ["cottage", "carol"],
      ["investments", "bob"],
      ["other", "bob"],
    ]);
    // The retirement account (ratio 50/40) moves before the cottage (15/10).
    expect(r.transfers).toEqual([{ issue: "retirement", from: "carol", to: "bob", part: 1 / 6, ratio: 1.25 }]);
  });

  it("certifies envy-freeness, equitability and efficiency", () => {
    expect(r.certificates.envyFree).toMatchObject({ holds: true, own: [r.points[0], r.points[1]] });
    expect(r.certificates.envyFree.other[0]).toBeCloseTo(100 - 170 / 3, 9);
    expect(r.certificates.equitable.holds).toBe(true);
    // The split issue fixes the weights: 40 for Carol's points, 50 for Bob's (reduced: 4 and 5).
    expect(r.certificates.efficient).toMatchObject({ holds: true, exactWeights: ["4", "5"] });
  });

  it("explains the division in words with the numbers", () => {
    expect(r.explanation).toBe(
      "Carol gets the summer cottage; Bob gets the home, the investments and other; the split issue is the retirement account, divided 83.3%/16.7% (Carol/Bob). " +
        "Each side receives 56.67 of its 100 points, at least half, so neither prefers the other's share.",
    );
  });
});

describe("Adjusted Winner: method details", () => {
  const two = (a: Record<string, number>, b: Record<string, number>, total?: number): PointsInput => ({
    parties: [{ id: "a" }, { id: "b" }],
    issues: Object.keys(a).map((id) => ({ id })),
    ...(total === undefined ? {} : { total }),
    points: { a, b },
  });

  it("splits nothing when the winner phase is already level", () => {
    const r = run(two({ x: 60, y: 40 }, { x: 40, y: 60 }));
    expect(r.split).toBeNull();
    expect(r.transfers).toEqual([]);
    expect(r.exactPoints).toEqual(["60", "60"]);
    expect(r.explanation).toContain("no issue needs to be split");
  });

  it("moves a whole issue without splitting when that levels the points exactly", () => {
    // Winner phase: a gets x and y (10 + 70 = 80), b gets z (65). x has the lower ratio (10/5 < 70/30)
    // and moving all of it closes the gap of 15 exactly: 70 each.
    const r = run(two({ x: 10, y: 70, z: 20 }, { x: 5, y: 30, z: 65 }));
    expect(r.transfers).toEqual([{ issue: "x", from: "a", to: "b", part: 1, ratio: 2 }]);
    expect(r.split).toBeNull();
    expect(r.exactPoints).toEqual(["70", "70"]);
  });

  it("gives a tied issue to the party behind, and moves it first when that party ends up ahead (ratio 1)", () => {
    // Winner phase: a gets x (40), b gets z (60); y is tied and goes to a, who is behind: a 70, b 60.
    const r = run(two({ x: 40, y: 30, z: 30 }, { x: 10, y: 30, z: 60 }));
    expect(r.winnerPhase).toEqual({ points: [70, 60], ahead: "a", tiesTo: "a" });
    // a's issues by ratio: y (30/30 = 1) before x (40/10); y is split: 70 − 30p = 60 + 30p, p = 1/6.
    expect(r.split).toMatchObject({ issue: "y", exact: ["5/6", "1/6"] });
    expect(r.exactPoints).toEqual(["65", "65"]);
  });

  it("reads decimals exactly and accepts another total", () => {
    const r = run(two({ x: 33.3, y: 33.3, z: 33.4 }, { x: 50, y: 25, z: 25 }));
    expect(r.certificates.equitable.holds).toBe(true);
    expect(r.certificates.efficient.holds).toBe(true);
    // Out of 10: a gets x (7), b gets y (8); b is ahead and gives up part of y: 7 + 3p = 8 − 8p, p = 1/11.
    const t = run(two({ x: 7, y: 3 }, { x: 2, y: 8 }, 10));
    expect(t.split).toMatchObject({ issue: "y", exact: ["1/11", "10/11"] });
    expect(t.exactPoints).toEqual(["80/11", "80/11"]);
    expect(t.explanation).toContain("of its 10 points");
  });

  it("gives both parties the same points, at least half, on random inputs; no other division is better for one and no worse for the other (oracle)", () => {
    const points = (n: number): fc.Arbitrary<number[]> =>
      fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n }).filter((xs) => xs.some((x) => x > 0)).map((xs) => scale100(xs));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) => fc.tuple(points(n), points(n))),
        ([pa, pb]) => {
          const issues = pa.map((_, i) => ({ id: `i${i}` }));
          const rec = (xs: number[]): Record<string, number> => Object.fromEntries(xs.map((x, i) => [`i${i}`, x]));
          const r = run({ parties: [{ id: "a" }, { id: "b" }], issues, points: { a: rec(pa), b: rec(pb) } });
          const share = r.allocation.map((x) => x.share[0]);
          const u0 = share.reduce((s, f, i) => s + f * pa[i]!, 0);
          const u1 = share.reduce((s, f, i) => s + (1 - f) * pb[i]!, 0);
          expect(r.allocation.filter((x) => x.to === "split").length).toBeLessThanOrEqual(1);
          expect(u0).toBeCloseTo(u1, 9);
          expect(u0).toBeGreaterThanOrEqual(50 - 1e-9);
          expect(r.points[0]).toBeCloseTo(u0, 9);
          expect(maxOtherGiven(pa, pb, u0)).toBeLessThanOrEqual(u1 + 1e-9);
          expect(maxOtherGiven(pb, pa, u1)).toBeLessThanOrEqual(u0 + 1e-9);
          expect(r.certificates.envyFree.holds && r.certificates.equitable.holds && r.certificates.efficient.holds).toBe(true);
        },
      ),
      { numRuns: 400, seed: 15 },
    );
  });

  it("checks any division: an inefficient, unequal one fails its certificates", () => {
    const input = two({ x: 60, y: 40 }, { x: 40, y: 60 });
    // a gets y, b gets x: each gets what it values less.
    const bad = checkDivision(input, { x: 0, y: 1 });
    expect(bad.ok && bad.value.certificates).toMatchObject({ envyFree: { holds: false }, equitable: { holds: true }, efficient: { holds: false } });
    const uneven = checkDivision(input, { x: 1, y: 0.25 });
    expect(uneven.ok && uneven.value).toMatchObject({ exactPoints: ["70", "45"], certificates: { equitable: { holds: false }, efficient: { holds: true } } });
    expect(checkDivision(input, { x: 1.5, y: 0 })).toMatchObject({ ok: false, problems: [{ path: ["shares", "x"] }] });
  });
});

/** Integers scaled to add up to exactly 100: the remainder goes to the largest. */
function scale100(xs: number[]): number[] {
  const sum = xs.reduce((a, b) => a + b, 0);
  const out = xs.map((x) => Math.floor((x * 100) / sum));
  const rest = 100 - out.reduce((a, b) => a + b, 0);
  const big = xs.indexOf(Math.max(...xs));
  out[big]! += rest;
  return out;
}

/**
 * The most points `them` can get while `me` keeps at least `floor` (a fractional
 * knapsack, solved greedily: `me` takes issues in decreasing order of me/them).
 */
function maxOtherGiven(me: number[], them: number[], floor: number): number {
  const order = me.map((_, i) => i).sort((i, j) => me[j]! * them[i]! - me[i]! * them[j]!);
  let mine = 0;
  let theirs = them.reduce((a, b) => a + b, 0);
  for (const i of order) {
    if (mine >= floor - 1e-12) break;
    if (me[i] === 0) continue;
    const part = Math.min(1, (floor - mine) / me[i]!);
    mine += part * me[i]!;
    theirs -= part * them[i]!;
  }
  return theirs;
}

describe("Adjusted Winner: bad input", () => {
  const base = {
    parties: [{ id: "a", label: "A" }, { id: "b", label: "B" }],
    issues: [{ id: "x" }, { id: "y" }],
  };
  const problems = (input: PointsInput): string[] => {
    const r = adjustedWinner(input, ["settlement"]);
    return r.ok ? [] : r.problems.map(formatProblem);
  };

  it("points that do not add up to the total", () => {
    expect(problems({ ...base, points: { a: { x: 60, y: 30 }, b: { x: 50, y: 50 } } })).toEqual([
      "settlement.points.a: A's points add up to 90; expected 100 (each party distributes the same total over the issues)",
    ]);
  });

  it("negative points, unknown issues and parties, missing points", () => {
    expect(problems({ ...base, points: { a: { x: 110, y: -10 }, b: { x: 50, yy: 50 }, c: {} } })).toEqual([
      'settlement.points.c: unknown party "c"; expected one of "a", "b"',
      `settlement.points.a.y: A's points for "y" is -10; expected a number ≥ 0 (negative utilities are not allowed here)`,
      'settlement.points.b.yy: unknown issue "yy"; expected one of "x", "y"',
      `settlement.points.b.y: missing B's points for "y"; expected a number (write 0 if it is worth nothing)`,
    ]);
  });

  it("duplicate ids and a third party", () => {
    expect(problems({ parties: [{ id: "a" }, { id: "b" }, { id: "a" }], issues: [{ id: "x" }, { id: "x" }], points: { a: { x: 100 }, b: { x: 100 } } })).toEqual([
      'settlement.parties[2].id: duplicate party id "a" (also party 1); ids must be unique',
      "settlement.parties: Adjusted Winner divides between exactly 2 parties, found 3",
      'settlement.issues[1].id: duplicate issue id "x" (also issue 1); ids must be unique',
    ]);
  });
});
