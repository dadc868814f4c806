/**
 * Sets of payoff vectors (one coordinate per coalition member) kept as antichains:
 * only the points no other point weakly exceeds in every coordinate. The coalition
 * analysis asks one question of such a set — does some point beat a state's payoffs
 * for every member, strictly? — and for that question a set and its antichain are
 * interchangeable (a point that is weakly exceeded can be replaced by the one that
 * exceeds it).
 *
 * An antichain is an Int32Array of n points × k coordinates, point after point.
 */

/** The weakly maximal points of `points` (n × k), each once. */
export function prune(points: Int32Array, k: number): Int32Array {
  const n = points.length / k;
  if (n <= 1) return points;
  // A point can only be weakly exceeded by a point with at least its sum; equal sums
  // exceed each other only when equal. So take points by decreasing sum and keep
  // those no kept point weakly exceeds.
  const sum = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let t = 0;
    for (let c = 0; c < k; c++) t += points[p * k + c]!;
    sum[p] = t;
  }
  const order = Array.from({ length: n }, (_, p) => p).sort((a, b) => sum[b]! - sum[a]! || a - b);
  const kept: number[] = [];
  for (const p of order) {
    let covered = false;
    for (const q of kept) {
      let all = true;
      for (let c = 0; c < k; c++) {
        if (points[q * k + c]! < points[p * k + c]!) {
          all = false;
          break;
        }
      }
      if (all) {
        covered = true;
        break;
      }
    }
    if (!covered) kept.push(p);
  }
  if (kept.length === n) return points;
  const out = new Int32Array(kept.length * k);
  kept.sort((a, b) => a - b).forEach((p, j) => out.set(points.subarray(p * k, p * k + k), j * k));
  return out;
}

/** The antichain of the union of two antichains. */
export function join(a: Int32Array, b: Int32Array, k: number): Int32Array {
  if (a.length === 0) return b;
  if (b.length === 0 || a === b) return a;
  const both = new Int32Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return prune(both, k);
}

/**
 * The antichain of pairwise minimums. A point p is strictly below some point of `a`
 * and strictly below some point of `b` exactly when it is strictly below the
 * minimum of the two, so this is the meet of the two "strictly below" regions.
 */
export function meet(a: Int32Array, b: Int32Array, k: number): Int32Array {
  if (a === b) return a;
  const na = a.length / k;
  const nb = b.length / k;
  const out = new Int32Array(na * nb * k);
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const o = (i * nb + j) * k;
      for (let c = 0; c < k; c++) out[o + c] = Math.min(a[i * k + c]!, b[j * k + c]!);
    }
  }
  return prune(out, k);
}

/** Whether some point of `a` is strictly greater than `p` in every coordinate. */
export function beats(a: Int32Array, k: number, p: ArrayLike<number>): boolean {
  const n = a.length / k;
  for (let q = 0; q < n; q++) {
    let all = true;
    for (let c = 0; c < k; c++) {
      if (a[q * k + c]! <= p[c]!) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}
