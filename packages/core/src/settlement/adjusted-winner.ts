/**
 * Adjusted Winner (Brams & Taylor, "Fair Division", 1996, ch. 4; "The Win-Win
 * Solution", 1999): two parties each distribute the same number of points over
 * divisible issues. Each issue first goes to the party that puts more points on it
 * (tied issues to the party that is behind); then issues pass from the party ahead
 * to the other, in increasing order of the ratio of the two parties' points, until
 * both have the same number of their own points — splitting at most one issue.
 * The result is envy-free, equitable and efficient; each property comes back with a
 * certificate: the numbers that prove it, checked in exact arithmetic.
 */
import { fail, ok, type DocPath, type Result } from "../problems.js";
import { add, cmp, fraction, fractionText, mul, sub, toIntegers, toNumber, whole, type Fraction } from "./exact.js";
import type { PointsInput } from "../valuation/types.js";
import { compilePoints, type CompiledPoints, type Named } from "../valuation/validate.js";
import { joinWords, num, percent } from "./words.js";

export interface AwIssueShare {
  readonly issue: string;
  readonly label: string;
  /** Each party's points for the issue, in party order. */
  readonly points: readonly [number, number];
  /** The part of the issue each party gets (they add up to 1). */
  readonly share: readonly [number, number];
  /** Who gets the issue: a party id, or "split". */
  readonly to: string;
}

export interface AwTransfer {
  readonly issue: string;
  /** Party ids. */
  readonly from: string;
  readonly to: string;
  /** The part of the issue that moved (1 = all of it). */
  readonly part: number;
  /** The ratio from-points / to-points that set the order (null when the receiver puts 0 points on it). */
  readonly ratio: number | null;
}

export interface Certificate {
  readonly holds: boolean;
  /** What was checked, in words with the numbers. */
  readonly text: string;
}

export interface AdjustedWinnerResult {
  readonly method: "adjusted-winner";
  readonly parties: readonly [Named, Named];
  readonly total: number;
  readonly allocation: readonly AwIssueShare[];
  /** After the winner phase (tied issues included): each party's points and the party ahead (null when level). */
  readonly winnerPhase: { readonly points: readonly [number, number]; readonly ahead: string | null; readonly tiesTo: string | null };
  /** The adjustment: issues moved from the party ahead, in the order of the method. */
  readonly transfers: readonly AwTransfer[];
  /** The one issue divided between the parties, if any. */
  readonly split: { readonly issue: string; readonly label: string; readonly share: readonly [number, number]; readonly exact: readonly [string, string] } | null;
  /** Each party's points for what it gets (its own points), as numbers and exact fractions. */
  readonly points: readonly [number, number];
  readonly exactPoints: readonly [string, string];
  readonly certificates: {
    /** Each party values its own share at least as much as the other's. */
    readonly envyFree: Certificate & { readonly own: readonly [number, number]; readonly other: readonly [number, number] };
    /** Both get the same number of their own points. */
    readonly equitable: Certificate;
    /**
     * Pareto-optimal: the allocation maximises weights[0]·(party 1's points) +
     * weights[1]·(party 2's points) with both weights > 0, so no other division is
     * better for one party without being worse for the other. Each issue a party
     * holds, in whole or in part, is worth at least as much to it, weighted, as to
     * the other.
     */
    readonly efficient: Certificate & { readonly weights: readonly [number, number]; readonly exactWeights: readonly [string, string] };
  };
  readonly explanation: string;
}

/** Adjusted Winner on validated input; problems name the place in `input` (under `base`). */
export function adjustedWinner(input: PointsInput, base: DocPath = []): Result<AdjustedWinnerResult> {
  const c = compilePoints(input, base);
  return c.ok ? ok(adjustedWinnerOf(c.value)) : fail(c.problems);
}

/** Exact shares: party 0's part of each issue (party 1 gets the rest). */
function divide(a: readonly bigint[], b: readonly bigint[]): { share0: Fraction[]; tiesTo: 0 | 1 | null; ahead: 0 | 1 | null; phase: [bigint, bigint]; transfers: { issue: number; part: Fraction }[] } {
  const n = a.length;
  const share0: Fraction[] = a.map((x, i) => whole(x > b[i]! ? 1n : 0n));
  let s0 = 0n;
  let s1 = 0n;
  const tied: number[] = [];
  for (let i = 0; i < n; i++) {
    if (a[i]! > b[i]!) s0 += a[i]!;
    else if (b[i]! > a[i]!) s1 += b[i]!;
    else tied.push(i);
  }
  // Tied issues go to the party behind (to the first party when level: our choice, the method leaves it open).
  const tiesTo: 0 | 1 | null = tied.length === 0 ? null : s1 < s0 ? 1 : 0;
  for (const i of tied) {
    if (tiesTo === 0) {
      share0[i] = whole(1n);
      s0 += a[i]!;
    } else s1 += b[i]!;
  }
  const phase: [bigint, bigint] = [s0, s1];
  const transfers: { issue: number; part: Fraction }[] = [];
  if (s0 === s1) return { share0, tiesTo, ahead: null, phase, transfers };
  const w: 0 | 1 = s0 > s1 ? 0 : 1;
  const [pw, pl] = w === 0 ? [a, b] : [b, a];
  let gap = fraction(w === 0 ? s0 - s1 : s1 - s0, 1n);
  // The leader's issues, by increasing ratio pw/pl (stable: input order breaks ties); an issue worth 0 to both changes nothing.
  const held = [...Array(n).keys()].filter((i) => (w === 0 ? share0[i]!.n === 1n : share0[i]!.n === 0n) && pw[i]! + pl[i]! > 0n);
  held.sort((i, j) => {
    const x = pw[i]! * pl[j]! - pw[j]! * pl[i]!;
    return x < 0n ? -1 : x > 0n ? 1 : i - j;
  });
  for (const i of held) {
    const both = pw[i]! + pl[i]!;
    // Moving the whole issue closes the gap by both parties' points for it.
    const part = cmp(whole(both), gap) <= 0 ? whole(1n) : fraction(gap.n, gap.d * both);
    transfers.push({ issue: i, part });
    share0[i] = w === 0 ? sub(whole(1n), part) : part;
    gap = sub(gap, mul(part, whole(both)));
    if (gap.n === 0n) break;
  }
  return { share0, tiesTo, ahead: w, phase, transfers };
}

/** Points as exact integers over a common unit (10^decimals). */
interface Exact {
  readonly a: readonly bigint[];
  readonly b: readonly bigint[];
  readonly total: bigint;
  readonly unit: bigint;
}

function exactOf(c: CompiledPoints): Exact {
  const n = c.issues.length;
  const { ints, scale } = toIntegers([...c.points[0], ...c.points[1], c.total]);
  return { a: ints.slice(0, n), b: ints.slice(n, 2 * n), total: ints[2 * n]!, unit: 10n ** BigInt(scale) };
}

export function adjustedWinnerOf(c: CompiledPoints): AdjustedWinnerResult {
  const { parties, issues } = c;
  const x = exactOf(c);
  const { share0, tiesTo, ahead, phase, transfers } = divide(x.a, x.b);
  const id = (p: 0 | 1): string => parties[p].id;
  const d = describeDivision(c, x, share0);
  const toPoints = (v: bigint): number => toNumber(fraction(v, x.unit));
  return {
    method: "adjusted-winner",
    parties,
    total: c.total,
    allocation: d.allocation,
    winnerPhase: { points: [toPoints(phase[0]), toPoints(phase[1])], ahead: ahead === null ? null : id(ahead), tiesTo: tiesTo === null ? null : id(tiesTo) },
    transfers: transfers.map((t) => {
      const [from, to] = ahead === 0 ? [x.a[t.issue]!, x.b[t.issue]!] : [x.b[t.issue]!, x.a[t.issue]!];
      return { issue: issues[t.issue]!.id, from: id(ahead!), to: id(ahead === 0 ? 1 : 0), part: toNumber(t.part), ratio: to === 0n ? null : toNumber(fraction(from, to)) };
    }),
    split: d.split,
    points: d.points,
    exactPoints: d.exactPoints,
    certificates: d.certificates,
    explanation: d.explanation,
  };
}

export type DivisionCheck = Pick<AdjustedWinnerResult, "allocation" | "split" | "points" | "exactPoints" | "certificates" | "explanation">;

/**
 * Any division of the issues (say, the agreement actually reached), described and
 * checked as Adjusted Winner's own: `shares[issue id]` is the first party's part of
 * the issue, from 0 to 1 (decimals are read exactly).
 */
export function checkDivision(input: PointsInput, shares: Readonly<Record<string, number>>, base: DocPath = []): Result<DivisionCheck> {
  const c = compilePoints(input, base);
  if (!c.ok) return fail(c.problems);
  const problems = c.value.issues.flatMap((issue) => {
    const v = shares[issue.id];
    return typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1
      ? []
      : [{ code: "type" as const, path: [...base, "shares", issue.id], message: `expected ${c.value.parties[0].label}'s part of "${issue.label}" as a number from 0 to 1, found ${v === undefined ? "nothing" : String(v)}` }];
  });
  if (problems.length > 0) return fail(problems);
  const { ints, scale } = toIntegers(c.value.issues.map((i) => shares[i.id]!));
  const share0 = ints.map((v) => fraction(v, 10n ** BigInt(scale)));
  return ok(describeDivision(c.value, exactOf(c.value), share0));
}

/** The allocation, the split issue, the points and the certificates of a division (party 0's exact parts). */
function describeDivision(c: CompiledPoints, x: Exact, share0: readonly Fraction[]): DivisionCheck {
  const { parties, issues } = c;
  const { a, b, unit } = x;
  const share1 = share0.map((f) => sub(whole(1n), f));
  const value = (pts: readonly bigint[], share: readonly Fraction[]): Fraction => share.reduce((s, f, i) => add(s, mul(f, whole(pts[i]!))), whole(0n));
  const own: [Fraction, Fraction] = [value(a, share0), value(b, share1)];
  const other: [Fraction, Fraction] = [value(a, share1), value(b, share0)];
  const pts = (f: Fraction): number => toNumber(fraction(f.n, f.d * unit));
  const ptsText = (f: Fraction): string => fractionText(fraction(f.n, f.d * unit));
  const id = (p: 0 | 1): string => parties[p].id;
  const name = (p: 0 | 1): string => parties[p].label;

  const allocation: AwIssueShare[] = issues.map((issue, i) => {
    const s0 = toNumber(share0[i]!);
    return {
      issue: issue.id,
      label: issue.label,
      points: [c.points[0][i]!, c.points[1][i]!],
      share: [s0, toNumber(share1[i]!)],
      to: share0[i]!.n === share0[i]!.d ? id(0) : share0[i]!.n === 0n ? id(1) : "split",
    };
  });
  const splits = allocation.flatMap((s, i) => (s.to === "split" ? [i] : []));
  const at = splits[0];
  const split = at === undefined ? null : {
    issue: issues[at]!.id,
    label: issues[at]!.label,
    share: allocation[at]!.share,
    exact: [fractionText(share0[at]!), fractionText(share1[at]!)] as const,
  };

  const equitable = cmp(own[0], own[1]) === 0;
  const envy: [boolean, boolean] = [cmp(own[0], other[0]) >= 0, cmp(own[1], other[1]) >= 0];
  const efficient = efficiencyCertificate(a, b, share0);
  const w = efficient.weights;
  const certificates: AdjustedWinnerResult["certificates"] = {
    envyFree: {
      holds: envy[0] && envy[1],
      own: [pts(own[0]), pts(own[1])],
      other: [pts(other[0]), pts(other[1])],
      text: ([0, 1] as const)
        .map((p) => `${name(p)} values its own share at ${num(pts(own[p]))} points and ${name(p === 0 ? 1 : 0)}'s at ${num(pts(other[p]))}${envy[p] ? "" : ": it envies the other"}`)
        .join("; "),
    },
    equitable: {
      holds: equitable,
      text: `${name(0)} gets ${ptsText(own[0])} of its points and ${name(1)} ${ptsText(own[1])} of its points: ${equitable ? "the same" : "not the same"}`,
    },
    efficient: {
      holds: efficient.holds,
      weights: w ? [toNumber(w[0]), toNumber(w[1])] : [0, 0],
      exactWeights: w ? [fractionText(w[0]), fractionText(w[1])] : ["0", "0"],
      text: w
        ? `with weights ${fractionText(w[0])} for ${name(0)}'s points and ${fractionText(w[1])} for ${name(1)}'s, every issue goes, in whole or in part, only to a party that values it at least as much as the other does, weighted; so the division maximises the weighted sum of points and no other division is better for one party without being worse for the other`
        : "no positive weights make every issue go only to a party that values it at least as much, weighted: some other division is better for one party and no worse for the other",
    },
  };

  const gets = (p: 0 | 1): string => {
    const mine = allocation.filter((s) => s.to === id(p)).map((s) => s.label);
    return mine.length ? `${name(p)} gets ${joinWords(mine)}` : `${name(p)} gets no issue whole`;
  };
  const splitWords = splits.map((i) => `${issues[i]!.label}, divided ${percent(allocation[i]!.share[0])}/${percent(allocation[i]!.share[1])} (${name(0)}/${name(1)})`);
  const splitText = splits.length === 0 ? "no issue needs to be split" : splits.length === 1 ? `the split issue is ${splitWords[0]}` : `the split issues are ${joinWords(splitWords)}`;
  const half = (f: Fraction): boolean => 2n * f.n >= x.total * f.d;
  const pointsText = equitable
    ? `Each side receives ${num(pts(own[0]))} of its ${num(c.total)} points${half(own[0]) ? ", at least half, so neither prefers the other's share." : "."}`
    : `${name(0)} receives ${num(pts(own[0]))} and ${name(1)} ${num(pts(own[1]))} of their ${num(c.total)} points.`;
  return {
    allocation,
    split,
    points: [pts(own[0]), pts(own[1])],
    exactPoints: [ptsText(own[0]), ptsText(own[1])],
    certificates,
    explanation: `${gets(0)}; ${gets(1)}; ${splitText}. ${pointsText}`,
  };
}

/**
 * Positive weights (w0, w1) under which every issue party 0 holds in part has
 * w0·a ≥ w1·b and every issue party 1 holds in part has w1·b ≥ w0·a, if any exist.
 * Only the ratio r = w1/w0 matters: it must lie between the largest a/b among party
 * 1's issues and the smallest a/b among party 0's; we try those two bounds and 1.
 */
function efficiencyCertificate(a: readonly bigint[], b: readonly bigint[], share0: readonly Fraction[]): { holds: boolean; weights: readonly [Fraction, Fraction] | null } {
  const n = a.length;
  const check = (w0: bigint, w1: bigint): boolean => {
    for (let i = 0; i < n; i++) {
      if (share0[i]!.n > 0n && w0 * a[i]! < w1 * b[i]!) return false;
      if (share0[i]!.n < share0[i]!.d && w1 * b[i]! < w0 * a[i]!) return false;
    }
    return true;
  };
  const candidates: [bigint, bigint][] = [];
  for (let i = 0; i < n; i++) if (a[i]! > 0n && b[i]! > 0n) candidates.push([b[i]!, a[i]!]);
  candidates.push([1n, 1n]);
  for (const [w0, w1] of candidates) {
    if (check(w0, w1)) {
      const f = fraction(w1, w0);
      return { holds: true, weights: [whole(f.d), whole(f.n)] };
    }
  }
  return { holds: false, weights: null };
}
