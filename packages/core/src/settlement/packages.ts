/**
 * Packages over discrete alternatives: the Pareto frontier, the Nash bargaining
 * solution and the Kalai–Smorodinsky solution, with each named proposal placed
 * against the frontier — numbers plus plain words for a mediator.
 */
import { fail, ok, type DocPath, type Result } from "../problems.js";
import { acceptableOutcomes, kalaiSmorodinskyOutcomes, nashOutcomes, nashProduct, type SolutionPoints } from "./bargaining.js";
import { frontierWithin, inBoxes, type PackageBoxes } from "./feasible.js";
import { paretoFrontier, type Frontier } from "./frontier.js";
import type { Choice, PackagesInput } from "../valuation/types.js";
import { compilePackages, type CompiledPackages, type Named, type NamedIssue } from "../valuation/validate.js";
import { joinWords, num, percent } from "./words.js";

export interface FrontierPoint {
  /** Each party's utility, in party order. */
  readonly utilities: readonly number[];
  /** Utility minus the disagreement value. */
  readonly gains: readonly number[];
  /** Better than no agreement for every party. */
  readonly acceptable: boolean;
  /** How many packages give exactly these utilities. */
  readonly packageCount: number;
  /** Up to `maxPackagesPerPoint` of them. */
  readonly packages: readonly Choice[];
}

export interface Solution {
  /** Index into `frontier` of the package chosen by the tie rule. */
  readonly point: number;
  /** Every frontier point that ties for best (the chosen one first). */
  readonly tied: readonly number[];
  readonly package: Choice;
  readonly utilities: readonly number[];
  readonly gains: readonly number[];
  /** Each party's gain as a share of its best possible gain (I − d). */
  readonly shares: readonly number[];
  /** Nash: the product of gains; Kalai–Smorodinsky: the smallest share. */
  readonly value: number;
  readonly explanation: string;
}

export interface ProposalResult {
  readonly id: string;
  readonly label: string;
  readonly package: Choice;
  readonly utilities: readonly number[];
  readonly gains: readonly number[];
  readonly acceptable: boolean;
  /** On the frontier: no package is better for one party without being worse for another. */
  readonly efficient: boolean;
  /** A frontier point that is at least as good for everyone and better for someone, when there is one. */
  readonly improvedBy: number | null;
  readonly explanation: string;
}

/** A package the frontier would hold but the conflict model rules out. */
export interface ExcludedPackage {
  readonly package: Choice;
  readonly utilities: readonly number[];
  readonly gains: readonly number[];
  readonly acceptable: boolean;
}

export interface PackagesResult {
  readonly method: "packages";
  readonly parties: readonly Named[];
  readonly issues: readonly NamedIssue[];
  /** Π (alternatives per issue). */
  readonly packageCount: number;
  readonly disagreement: { readonly utilities: readonly number[]; readonly package?: Choice };
  /** Distinct outcomes on the Pareto frontier, in decreasing order of the first party's utility (then the second's, …). */
  readonly frontier: readonly FrontierPoint[];
  /** Indices of frontier points better than no agreement for every party. */
  readonly acceptable: readonly number[];
  /** I: each party's best utility among the acceptable packages (null when none is acceptable). */
  readonly ideal: readonly number[] | null;
  readonly nash: Solution | null;
  readonly kalaiSmorodinsky: Solution | null;
  readonly proposals: readonly ProposalResult[];
  /** With `boxes`: packages on the frontier of all packages that the model rules out (up to `maxPackagesPerPoint` per outcome); they are not candidates. */
  readonly excluded: readonly ExcludedPackage[];
  readonly explanation: string;
}

export interface PackagesOptions {
  /** How many packages to list per frontier point (all are counted); 10 unless stated, 0 to list none. */
  readonly maxPackagesPerPoint?: number;
  /** The packages the conflict model allows (boxesOf); without it, every package is a candidate. */
  readonly boxes?: PackageBoxes;
}

export function settlePackages(input: PackagesInput, opts: PackagesOptions = {}, base: DocPath = []): Result<PackagesResult> {
  const c = compilePackages(input, base);
  return c.ok ? ok(settleCompiled(c.value, opts)) : fail(c.problems);
}

/** The numbers behind a result, for callers that recompute (sensitivity). */
export interface PackagesCore {
  readonly frontier: Frontier;
  readonly acceptable: number[];
  readonly nash: SolutionPoints | null;
  readonly ks: SolutionPoints | null;
}

export function packagesCore(c: CompiledPackages, boxes?: PackageBoxes): PackagesCore {
  const k = c.parties.length;
  const frontier = boxes ? frontierWithin(c.util, k, boxes) : paretoFrontier(c.util, k);
  const acceptable = acceptableOutcomes(frontier.util, frontier.size, k, c.disagreement);
  return {
    frontier,
    acceptable,
    nash: nashOutcomes(frontier.util, k, c.disagreement, acceptable),
    ks: kalaiSmorodinskyOutcomes(frontier.util, k, c.disagreement, acceptable),
  };
}

export const choiceOf = (issues: readonly NamedIssue[], alts: ArrayLike<number>): Choice =>
  Object.fromEntries(issues.map((issue, i) => [issue.id, issue.alternatives[alts[i]!]!.id]));

/** "transit: sovereign; venue: Western platform". */
export function packageWords(issues: readonly NamedIssue[], choice: Choice): string {
  return issues.map((issue) => `${issue.label}: ${issue.alternatives.find((a) => a.id === choice[issue.id])?.label ?? choice[issue.id]}`).join("; ");
}

export function settleCompiled(c: CompiledPackages, opts: PackagesOptions = {}): PackagesResult {
  const limit = opts.maxPackagesPerPoint ?? 10;
  const k = c.parties.length;
  const d = c.disagreement;
  const core = packagesCore(c, opts.boxes);
  const { frontier: F, acceptable } = core;
  const names = c.parties.map((p) => p.label);
  const isAcceptable = new Uint8Array(F.size);
  for (const j of acceptable) isAcceptable[j] = 1;
  const vector = (j: number): number[] => Array.from(F.util.subarray(j * k, (j + 1) * k));
  const gainsOf = (u: readonly number[]): number[] => u.map((x, p) => x - d[p]!);

  const frontier: FrontierPoint[] = [];
  for (let j = 0; j < F.size; j++) {
    const utilities = vector(j);
    frontier.push({
      utilities,
      gains: gainsOf(utilities),
      acceptable: isAcceptable[j] === 1,
      packageCount: F.count[j]!,
      packages: F.packages(j, limit).map((alts) => choiceOf(c.issues, alts)),
    });
  }

  const solution = (s: SolutionPoints | null, kind: "nash" | "ks"): Solution | null => {
    if (!s) return null;
    const j = s.best[0]!;
    const utilities = vector(j);
    const gains = gainsOf(utilities);
    const shares = gains.map((g, p) => g / s.range[p]!);
    const value = kind === "nash" ? nashProduct(F.util, k, d, j) : Math.min(...shares);
    const pkg = choiceOf(c.issues, F.packages(j, 1)[0]!);
    const who = gains.map((g, p) => `${names[p]} gains ${num(g)} (from ${num(d[p]!)} to ${num(utilities[p]!)})`);
    const others = s.best.length > 1 ? ` ${s.best.length - 1} other outcome${s.best.length > 2 ? "s tie" : " ties"} with it; this one is chosen because it ${kind === "nash" ? "treats the worst-off party best (in shares of the best possible gain)" : "comes first in the order of the frontier"}.` : "";
    const same = frontier[j]!.packageCount > 1 ? ` ${frontier[j]!.packageCount - 1} other package${frontier[j]!.packageCount > 2 ? "s give" : " gives"} the same utilities.` : "";
    const explanation =
      kind === "nash"
        ? `The Nash bargaining solution is the package that maximises the product of the parties' gains over no agreement: ${joinWords(who)}; the product is ${num(value)}. The package: ${packageWords(c.issues, pkg)}.${others}${same}`
        : `The Kalai–Smorodinsky solution gives every party as equal a share as the packages allow of the most it could gain in any package both sides prefer to no agreement: ${joinWords(gains.map((_, p) => `${names[p]} gets ${percent(shares[p]!)} of its best possible gain (${num(gains[p]!)} of ${num(s.range[p]!)})`))}; the smallest share is ${percent(value)}. The package: ${packageWords(c.issues, pkg)}.${others}${same}`;
    return { point: j, tied: s.best, package: pkg, utilities, gains, shares, value, explanation };
  };

  const proposals = c.proposals.map((pr): ProposalResult => {
    const utilities = names.map((_, p) => c.util.reduce((sum, u, i) => sum + u[pr.alts[i]! * k + p]!, 0));
    const gains = gainsOf(utilities);
    const improvedBy = dominatingPoint(F, utilities);
    const pkg = choiceOf(c.issues, pr.alts);
    const acceptableHere = gains.every((g) => g > 0);
    const verdict =
      improvedBy === null
        ? "it is on the Pareto frontier: no package is better for one party without being worse for another"
        : `another package is at least as good for every party and better for ${joinWords(names.filter((_, p) => F.util[improvedBy * k + p]! > utilities[p]!))} (${packageWords(c.issues, choiceOf(c.issues, F.packages(improvedBy, 1)[0]!))}; ${joinWords(names.map((n, p) => `${n} ${num(F.util[improvedBy * k + p]!)}`))})`;
    return {
      id: pr.id,
      label: pr.label,
      package: pkg,
      utilities,
      gains,
      acceptable: acceptableHere,
      efficient: improvedBy === null,
      improvedBy,
      explanation: `${pr.label} gives ${joinWords(names.map((n, p) => `${n} ${num(utilities[p]!)}`))}; ${acceptableHere ? "every party prefers it to no agreement" : `${joinWords(names.filter((_, p) => gains[p]! <= 0))} would do as well or better with no agreement`}; ${verdict}.`,
    };
  });

  const excluded: ExcludedPackage[] = [];
  if (opts.boxes) {
    const all = paretoFrontier(c.util, k);
    for (let j = 0; j < all.size; j++) {
      const utilities = Array.from(all.util.subarray(j * k, (j + 1) * k));
      const gains = gainsOf(utilities);
      const out = all.packages(j, all.count[j]!).filter((alts) => !inBoxes(opts.boxes!, alts)).slice(0, limit);
      for (const alts of out) excluded.push({ package: choiceOf(c.issues, alts), utilities, gains, acceptable: gains.every((g) => g > 0) });
    }
  }

  const nash = solution(core.nash, "nash");
  const kalaiSmorodinsky = solution(core.ks, "ks");
  const packageCount = c.issues.reduce((x, i) => x * i.alternatives.length, 1);
  const outcomes = (n: number): string => `${n.toLocaleString("en-US")} distinct outcome${n === 1 ? "" : "s"}`;
  const ruledOut = excluded.length ? ` ${excluded.length} package${excluded.length === 1 ? "" : "s"} that would otherwise be on the frontier ${excluded.length === 1 ? "is" : "are"} left out: the conflict model rules ${excluded.length === 1 ? "it" : "them"} out.` : "";
  const explanation =
    `Of ${packageCount.toLocaleString("en-US")} possible packages (one alternative per issue), ${outcomes(F.size)} ${F.size === 1 ? "is" : "are"} on the Pareto frontier${opts.boxes ? " of those the conflict model allows" : ""}: no other package is better for one party without being worse for another. ` +
    (acceptable.length === 0
      ? "None of them is better than no agreement for every party: there is no package all parties would prefer to no agreement."
      : `${acceptable.length.toLocaleString("en-US")} of them ${acceptable.length === 1 ? "is" : "are"} better than no agreement for every party. ${nash!.explanation} ${kalaiSmorodinsky!.explanation}`) +
    ruledOut;
  return {
    method: "packages",
    parties: c.parties,
    issues: c.issues,
    packageCount,
    disagreement: { utilities: Array.from(d), ...(c.disagreementPackage ? { package: choiceOf(c.issues, c.disagreementPackage) } : {}) },
    frontier,
    acceptable,
    ideal: core.nash ? Array.from(core.nash.range, (r, p) => r + d[p]!) : null,
    nash,
    kalaiSmorodinsky,
    proposals,
    excluded,
    explanation,
  };
}

/** A frontier point that dominates utility vector u, or null when u is on the frontier. */
export function dominatingPoint(F: Frontier, u: readonly number[]): number | null {
  const k = F.k;
  for (let j = 0; j < F.size; j++) {
    let ge = true;
    let gt = false;
    for (let p = 0; p < k && ge; p++) {
      const x = F.util[j * k + p]!;
      if (x < u[p]!) ge = false;
      else if (x > u[p]!) gt = true;
    }
    if (ge && gt) return j;
  }
  return null;
}
