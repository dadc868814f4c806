/**
 * Bargaining solutions over a discrete set of outcomes (utility vectors), relative to
 * a disagreement point d. Both are taken over the outcomes better than d for every
 * party (gains > 0), and both lie on the Pareto frontier, so it is enough to search it.
 *
 * - Nash (1950): maximise the product of gains Π (u_p − d_p).
 * - Kalai–Smorodinsky (1975), discrete: with the ideal point I_p = the largest u_p among
 *   those outcomes, maximise the smallest normalised gain (u_p − d_p)/(I_p − d_p);
 *   ties are broken by the next smallest, and so on (leximin). The continuous solution
 *   is the frontier point on the segment from d to I, where all normalised gains are
 *   equal; among discrete packages that point rarely exists, and the leximin package
 *   is the one that comes closest to it from below.
 * Fractions are compared by cross-multiplication, so integer utilities compare exactly.
 */

/** Indices (into util, k per outcome) of the outcomes with every gain > 0. */
export function acceptableOutcomes(util: Float64Array, size: number, k: number, d: Float64Array): number[] {
  const out: number[] = [];
  for (let j = 0; j < size; j++) {
    let ok = true;
    for (let p = 0; p < k && ok; p++) ok = util[j * k + p]! > d[p]!;
    if (ok) out.push(j);
  }
  return out;
}

export function nashProduct(util: Float64Array, k: number, d: Float64Array, j: number): number {
  let x = 1;
  for (let p = 0; p < k; p++) x *= util[j * k + p]! - d[p]!;
  return x;
}

/** I_p: the largest utility of each party among `points`. */
export function idealPoint(util: Float64Array, k: number, points: readonly number[]): Float64Array {
  const ideal = new Float64Array(k).fill(-Infinity);
  for (const j of points) for (let p = 0; p < k; p++) ideal[p] = Math.max(ideal[p]!, util[j * k + p]!);
  return ideal;
}

/** The parties of outcome j in increasing order of normalised gain g_p / r_p (r = I − d). */
function sortedShares(util: Float64Array, k: number, d: Float64Array, r: Float64Array, j: number): number[] {
  const g = (p: number): number => util[j * k + p]! - d[p]!;
  return [...Array(k).keys()].sort((p, q) => g(p) * r[q]! - g(q) * r[p]!);
}

/** Leximin order on normalised gains: > 0 when outcome i is better than j. */
export function leximinCompare(util: Float64Array, k: number, d: Float64Array, r: Float64Array, i: number, j: number): number {
  const si = sortedShares(util, k, d, r, i);
  const sj = sortedShares(util, k, d, r, j);
  for (let t = 0; t < k; t++) {
    const p = si[t]!;
    const q = sj[t]!;
    const x = (util[i * k + p]! - d[p]!) * r[q]! - (util[j * k + q]! - d[q]!) * r[p]!;
    if (x !== 0) return x;
  }
  return 0;
}

export interface SolutionPoints {
  /** Every maximiser, best first by the tie rule (leximin on normalised gains, then the order given). */
  readonly best: readonly number[];
  /** I − d over the acceptable outcomes. */
  readonly range: Float64Array;
}

/** The Nash maximisers among `points` (acceptable outcomes); null when there are none. */
export function nashOutcomes(util: Float64Array, k: number, d: Float64Array, points: readonly number[]): SolutionPoints | null {
  if (points.length === 0) return null;
  const range = rangeOf(util, k, d, points);
  let top = -Infinity;
  let best: number[] = [];
  for (const j of points) {
    const x = nashProduct(util, k, d, j);
    if (x > top) {
      top = x;
      best = [j];
    } else if (x === top) best.push(j);
  }
  best.sort((i, j) => leximinCompare(util, k, d, range, j, i) || i - j);
  return { best, range };
}

/** The Kalai–Smorodinsky (leximin) maximisers among `points`; null when there are none. */
export function kalaiSmorodinskyOutcomes(util: Float64Array, k: number, d: Float64Array, points: readonly number[]): SolutionPoints | null {
  if (points.length === 0) return null;
  const range = rangeOf(util, k, d, points);
  let best: number[] = [];
  for (const j of points) {
    const c = best.length === 0 ? 1 : leximinCompare(util, k, d, range, j, best[0]!);
    if (c > 0) best = [j];
    else if (c === 0) best.push(j);
  }
  return { best, range };
}

function rangeOf(util: Float64Array, k: number, d: Float64Array, points: readonly number[]): Float64Array {
  const ideal = idealPoint(util, k, points);
  return ideal.map((x, p) => x - d[p]!);
}
