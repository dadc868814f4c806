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
  if (n <= 32) return pruneSmall(points, k, n);
  // A point can only be weakly exceeded by a point with at least its sum; equal sums
  // exceed each other only when equal. So take points by decreasing sum (a packed
  // numeric key, sorted natively) and keep those no kept point weakly exceeds.
  let maxSum = 0;
  const sums = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let t = 0;
    for (let c = 0; c < k; c++) t += points[p * k + c]!;
    sums[p] = t;
    if (t > maxSum) maxSum = t;
  }
  const order = byDecreasingSum(sums, maxSum);
  const kept = new Int32Array(points.length);
  let nk = 0;
  for (let i = 0; i < n; i++) {
    const p = order[i]!;
    const o = p * k;
    let covered = false;
    for (let q = 0; q < nk && !covered; q++) {
      let all = true;
      for (let c = 0; c < k; c++) {
        if (kept[q * k + c]! < points[o + c]!) {
          all = false;
          break;
        }
      }
      covered = all;
    }
    if (!covered) {
      for (let c = 0; c < k; c++) kept[nk * k + c] = points[o + c]!;
      nk++;
    }
  }
  return nk === n ? points : kept.slice(0, nk * k);
}

/** Point indices by decreasing sum, then index: a packed key sorted natively when it fits in a double. */
function byDecreasingSum(sums: Float64Array, maxSum: number): Int32Array | number[] {
  const n = sums.length;
  const mult = 2 ** Math.ceil(Math.log2(n + 1));
  if ((maxSum + 1) * mult > Number.MAX_SAFE_INTEGER) return Array.from({ length: n }, (_, p) => p).sort((a, b) => sums[b]! - sums[a]! || a - b);
  const key = new Float64Array(n);
  for (let p = 0; p < n; p++) key[p] = (maxSum - sums[p]!) * mult + p;
  key.sort();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = key[i]! % mult;
  return out;
}

/** prune for a few points: every pair compared, no sorting (most calls are this small). */
function pruneSmall(points: Int32Array, k: number, n: number): Int32Array {
  let keep = 0;
  const kept = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    let covered = false;
    for (let q = 0; q < n && !covered; q++) {
      if (q === p) continue;
      let ge = true;
      let eq = true;
      for (let c = 0; c < k; c++) {
        const a = points[q * k + c]!;
        const b = points[p * k + c]!;
        if (a < b) {
          ge = false;
          break;
        }
        if (a !== b) eq = false;
      }
      // Strictly covered, or an equal point earlier in the list.
      covered = ge && (!eq || q < p);
    }
    if (!covered) {
      kept[p] = 1;
      keep++;
    }
  }
  if (keep === n) return points;
  const out = new Int32Array(keep * k);
  for (let p = 0, o = 0; p < n; p++) if (kept[p] === 1) out.set(points.subarray(p * k, p * k + k), (o++) * k);
  return out;
}

/**
 * The antichain of the union of two antichains. Points of one antichain never cover
 * each other, so only cross pairs are compared, and `a` itself is returned (no copy)
 * when it already covers `b` — the usual case when combining over reachable sets.
 */
export function join(a: Int32Array, b: Int32Array, k: number): Int32Array {
  if (a.length === 0) return b;
  if (b.length === 0 || a === b) return a;
  const newB = uncovered(b, a, k);
  if (newB.length === 0) return a;
  // Points of a strictly covered by a new point of b go (equal ones were dropped from b).
  const keptA = uncovered(a, pick(b, newB, k), k);
  const out = new Int32Array((keptA.length + newB.length) * k);
  let o = 0;
  for (const p of keptA) out.set(a.subarray(p * k, p * k + k), (o++) * k);
  for (const p of newB) out.set(b.subarray(p * k, p * k + k), (o++) * k);
  return out;
}

/** Indices of the points of `x` that no point of `by` weakly covers. */
function uncovered(x: Int32Array, by: Int32Array, k: number): number[] {
  const nx = x.length / k;
  const nb = by.length / k;
  const out: number[] = [];
  for (let p = 0; p < nx; p++) {
    let covered = false;
    for (let q = 0; q < nb && !covered; q++) {
      let all = true;
      for (let c = 0; c < k; c++) {
        if (by[q * k + c]! < x[p * k + c]!) {
          all = false;
          break;
        }
      }
      covered = all;
    }
    if (!covered) out.push(p);
  }
  return out;
}

function pick(x: Int32Array, idx: readonly number[], k: number): Int32Array {
  const out = new Int32Array(idx.length * k);
  idx.forEach((p, j) => out.set(x.subarray(p * k, p * k + k), j * k));
  return out;
}

/**
 * The antichain of pairwise minimums. A point p is strictly below some point of `a`
 * and strictly below some point of `b` exactly when it is strictly below the
 * minimum of the two, so this is the meet of the two "strictly below" regions.
 */
export function meet(a: Int32Array, b: Int32Array, k: number): Int32Array {
  if (a === b) return a;
  // A point of one side that the other side weakly exceeds is its own minimum with that
  // point, and every other minimum it takes part in lies below it: it stands for all of
  // them. Only the remaining pairs need their minimum.
  const freeA = uncovered(a, b, k);
  const freeB = uncovered(b, a, k);
  const na = a.length / k;
  const nb = b.length / k;
  const out = new Int32Array((na - freeA.length + nb - freeB.length + freeA.length * freeB.length) * k);
  let o = 0;
  const isFreeA = new Uint8Array(na);
  const isFreeB = new Uint8Array(nb);
  for (const i of freeA) isFreeA[i] = 1;
  for (const j of freeB) isFreeB[j] = 1;
  for (let i = 0; i < na; i++) if (isFreeA[i] === 0) out.set(a.subarray(i * k, i * k + k), (o++) * k);
  for (let j = 0; j < nb; j++) if (isFreeB[j] === 0) out.set(b.subarray(j * k, j * k + k), (o++) * k);
  for (const i of freeA) {
    for (const j of freeB) {
      for (let c = 0; c < k; c++) out[o * k + c] = Math.min(a[i * k + c]!, b[j * k + c]!);
      o++;
    }
  }
  return prune(out, k);
}

/**
 * The antichain with every point lowered to at most `bound` (the meet with the single
 * point `bound`): what is left when only points below `bound` will ever be asked about.
 */
export function cap(a: Int32Array, bound: ArrayLike<number>, k: number): Int32Array {
  let above = false;
  for (let i = 0; i < a.length && !above; i++) above = a[i]! > bound[i % k]!;
  if (!above) return a;
  const out = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = Math.min(a[i]!, bound[i % k]!);
  return prune(out, k);
}

/** Whether some point of `a` is strictly greater than the point at `p[at..at+k)` in every coordinate. */
export function beats(a: Int32Array, k: number, p: ArrayLike<number>, at = 0): boolean {
  const n = a.length / k;
  for (let q = 0; q < n; q++) {
    let all = true;
    for (let c = 0; c < k; c++) {
      if (a[q * k + c]! <= p[at + c]!) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}
