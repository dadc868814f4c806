/**
 * Packages by brute force, straight from the definitions, for tests: every package
 * enumerated, the frontier by comparing every pair, Nash and Kalai–Smorodinsky by
 * scanning every package better than disagreement for all. Shares no code with
 * frontier.ts or bargaining.ts.
 */

export interface OracleResult {
  /** Every package on the frontier, as "a,b,c" (alternative index per issue). */
  readonly frontier: Set<string>;
  /** Every package maximising the Nash product (gains > 0 for all). */
  readonly nash: Set<string>;
  /** Every leximin-best package on normalised gains (gains > 0 for all). */
  readonly ks: Set<string>;
}

/** util[i][a * k + p] as in CompiledPackages; sums in issue order. With `allowed`, only the packages it accepts exist. */
export function bruteForce(util: readonly Float64Array[], k: number, d: ArrayLike<number>, allowed?: (alts: readonly number[]) => boolean): OracleResult {
  const m = util.map((u) => u.length / k);
  const all: { key: string; u: number[] }[] = [];
  const alts = m.map(() => 0);
  for (;;) {
    const u = Array.from({ length: k }, (_, p) => alts.reduce((s, a, i) => s + util[i]![a * k + p]!, 0));
    if (!allowed || allowed(alts)) all.push({ key: alts.join(","), u });
    let i = alts.length - 1;
    while (i >= 0 && alts[i] === m[i]! - 1) alts[i--] = 0;
    if (i < 0) break;
    alts[i]!++;
  }
  const dominates = (x: number[], y: number[]): boolean => x.every((v, p) => v >= y[p]!) && x.some((v, p) => v > y[p]!);
  const frontier = new Set(all.filter((a) => !all.some((b) => dominates(b.u, a.u))).map((a) => a.key));

  const ok = all.filter((a) => a.u.every((v, p) => v > d[p]!));
  const product = (u: number[]): number => u.reduce((x, v, p) => x * (v - d[p]!), 1);
  const top = Math.max(...ok.map((a) => product(a.u)));
  const nash = new Set(ok.filter((a) => product(a.u) === top).map((a) => a.key));

  const ideal = Array.from({ length: k }, (_, p) => Math.max(...ok.map((a) => a.u[p]!)));
  // Normalised gains as fractions [numerator, denominator], sorted ascending.
  const shares = (u: number[]): [number, number][] =>
    u.map((v, p): [number, number] => [v - d[p]!, ideal[p]! - d[p]!]).sort((x, y) => x[0] * y[1] - y[0] * x[1]);
  const better = (x: [number, number][], y: [number, number][]): number => {
    for (let t = 0; t < x.length; t++) {
      const c = x[t]![0] * y[t]![1] - y[t]![0] * x[t]![1];
      if (c !== 0) return c;
    }
    return 0;
  };
  let bestShares: [number, number][] | null = null;
  for (const a of ok) {
    const s = shares(a.u);
    if (bestShares === null || better(s, bestShares) > 0) bestShares = s;
  }
  const ks = new Set(ok.filter((a) => bestShares !== null && better(shares(a.u), bestShares) === 0).map((a) => a.key));
  return { frontier, nash, ks };
}
