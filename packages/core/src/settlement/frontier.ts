/**
 * The Pareto frontier of packages (one alternative per issue) under additive
 * utilities, without enumerating every package: a dynamic programme over the issues
 * that keeps, after each issue, only the non-dominated partial sums.
 *
 * Why that is exact: if partial sum P (over issues 1..j) is dominated by Q, then P + R
 * is dominated by Q + R for every completion R, so no frontier package extends P.
 * The same argument drops an alternative dominated by another of the same issue.
 * Partial sums that are equal are merged into one node that remembers every way to
 * reach it, so packages with the same utilities are counted, not copied.
 *
 * Cost: per issue, sorting |F|·m candidates (|F| the frontier of the issues so far)
 * and one dominance check each — O(1) for 2 parties, O(log |F|) for 3 (a staircase
 * of maxima), O(|F|) for 4 or more.
 *
 * Sums are taken in issue order (0 + u₁ + u₂ + …), so equal packages give equal
 * floating-point sums and equality is exact for integers and for decimals that add
 * up without rounding.
 */

export interface Frontier {
  /** Number of parties. */
  readonly k: number;
  /** Distinct frontier points, in decreasing lexicographic order of utilities (party 1 first). */
  readonly size: number;
  /** util[j * k + p]: party p's utility at frontier point j. */
  readonly util: Float64Array;
  /** How many packages reach point j (a float: exact below 2^53). */
  readonly count: Float64Array;
  /** Up to `limit` packages reaching point j: the alternative index chosen per issue. */
  packages(j: number, limit: number): Int32Array[];
}

interface Layer {
  /** Node vectors, node-major. */
  readonly util: Float64Array;
  readonly count: Float64Array;
  /** Predecessors of node v: pairs (parent in the previous layer, alternative) at predStart[v] .. predStart[v+1]. */
  readonly predStart: Int32Array;
  readonly predParent: Int32Array;
  readonly predAlt: Int32Array;
}

/** Alternatives of one issue (of `among`, default all) that no other of them dominates; equal ones are all kept. */
export function undominatedAlternatives(u: Float64Array, k: number, among?: readonly number[]): number[] {
  const list = among ?? [...Array(u.length / k).keys()];
  return list.filter((a) =>
    !list.some((b) => {
      if (b === a) return false;
      let gt = false;
      for (let p = 0; p < k; p++) {
        const x = u[b * k + p]!;
        const y = u[a * k + p]!;
        if (x < y) return false;
        if (x > y) gt = true;
      }
      return gt;
    }),
  );
}

/**
 * The frontier of all packages: util[i][a * k + p] is party p's utility for
 * alternative a of issue i; a package is worth the sum over issues. With `allowed`,
 * only packages whose issue i takes one of allowed[i] (where given) are considered.
 */
export function paretoFrontier(util: readonly Float64Array[], k: number, allowed?: readonly (readonly number[] | undefined)[]): Frontier {
  const layers: Layer[] = [];
  let prev: Layer = {
    util: new Float64Array(k),
    count: Float64Array.of(1),
    predStart: Int32Array.of(0, 0),
    predParent: new Int32Array(0),
    predAlt: new Int32Array(0),
  };
  for (const [i, u] of util.entries()) {
    prev = step(prev, u, undominatedAlternatives(u, k, allowed?.[i]), k);
    layers.push(prev);
  }
  const last = prev;
  const n = last.count.length;
  return {
    k,
    size: n,
    util: last.util,
    count: last.count,
    packages(j, limit) {
      const out: Int32Array[] = [];
      const alts = new Int32Array(layers.length);
      const walk = (layer: number, node: number): void => {
        if (out.length >= limit) return;
        if (layer < 0) {
          out.push(alts.slice());
          return;
        }
        const L = layers[layer]!;
        for (let e = L.predStart[node]!; e < L.predStart[node + 1]! && out.length < limit; e++) {
          alts[layer] = L.predAlt[e]!;
          walk(layer - 1, L.predParent[e]!);
        }
      };
      walk(layers.length - 1, j);
      return out;
    },
  };
}

/** One issue more: every node plus every kept alternative, merged and filtered to the non-dominated. */
function step(prev: Layer, u: Float64Array, alts: readonly number[], k: number): Layer {
  const n = prev.count.length;
  const c = n * alts.length;
  const cand = new Float64Array(c * k);
  const candParent = new Int32Array(c);
  const candAlt = new Int32Array(c);
  let x = 0;
  for (let v = 0; v < n; v++) {
    for (const a of alts) {
      for (let p = 0; p < k; p++) cand[x * k + p] = prev.util[v * k + p]! + u[a * k + p]!;
      candParent[x] = v;
      candAlt[x] = a;
      x++;
    }
  }
  const order = new Int32Array(c);
  for (let i = 0; i < c; i++) order[i] = i;
  order.sort((i, j) => {
    for (let p = 0; p < k; p++) {
      const d = cand[j * k + p]! - cand[i * k + p]!;
      if (d !== 0) return d;
    }
    return i - j;
  });

  const check = dominanceCheck(k);
  const util: number[] = [];
  const count: number[] = [];
  const predStart: number[] = [0];
  const predParent: number[] = [];
  const predAlt: number[] = [];
  for (let g = 0; g < c; ) {
    // A group of equal vectors: order[g] .. order[h - 1].
    const first = order[g]!;
    let h = g + 1;
    while (h < c && sameVector(cand, order[h]!, first, k)) h++;
    // Every kept node comes earlier in decreasing lexicographic order, so only kept nodes can dominate this one.
    if (!check.dominated(cand, first)) {
      check.keep(cand, first);
      let total = 0;
      for (let e = g; e < h; e++) {
        const i = order[e]!;
        predParent.push(candParent[i]!);
        predAlt.push(candAlt[i]!);
        total += prev.count[candParent[i]!]!;
      }
      for (let p = 0; p < k; p++) util.push(cand[first * k + p]!);
      count.push(total);
      predStart.push(predParent.length);
    }
    g = h;
  }
  return {
    util: Float64Array.from(util),
    count: Float64Array.from(count),
    predStart: Int32Array.from(predStart),
    predParent: Int32Array.from(predParent),
    predAlt: Int32Array.from(predAlt),
  };
}

function sameVector(v: Float64Array, i: number, j: number, k: number): boolean {
  for (let p = 0; p < k; p++) if (v[i * k + p] !== v[j * k + p]) return false;
  return true;
}

/**
 * Dominance against the points kept so far, visited in decreasing lexicographic
 * order: a kept point is already ≥ on the first coordinate and different, so it
 * dominates the candidate as soon as it is ≥ on all the other coordinates.
 */
interface DominanceCheck {
  dominated(v: Float64Array, i: number): boolean;
  keep(v: Float64Array, i: number): void;
}

function dominanceCheck(k: number): DominanceCheck {
  if (k === 1) {
    let any = false;
    return { dominated: () => any, keep: () => { any = true; } };
  }
  if (k === 2) {
    let best = -Infinity;
    return {
      dominated: (v, i) => best >= v[i * 2 + 1]!,
      keep: (v, i) => { best = Math.max(best, v[i * 2 + 1]!); },
    };
  }
  if (k === 3) return staircase();
  const kept: number[] = [];
  return {
    dominated(v, i) {
      for (let s = 0; s < kept.length; s += k) {
        let ge = true;
        for (let p = 1; p < k && ge; p++) ge = kept[s + p]! >= v[i * k + p]!;
        if (ge) return true;
      }
      return false;
    },
    keep(v, i) {
      for (let p = 0; p < k; p++) kept.push(v[i * k + p]!);
    },
  };
}

/**
 * Three parties: the maxima of the kept points' (u₂, u₃), sorted by u₂ ascending
 * (so u₃ descending). A candidate is dominated iff the first step with u₂ ≥ its u₂
 * also has u₃ ≥ its u₃.
 */
function staircase(): DominanceCheck {
  const s2: number[] = [];
  const s3: number[] = [];
  const firstAtLeast = (x2: number): number => {
    let lo = 0;
    let hi = s2.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s2[mid]! < x2) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    dominated(v, i) {
      const at = firstAtLeast(v[i * 3 + 1]!);
      return at < s2.length && s3[at]! >= v[i * 3 + 2]!;
    },
    keep(v, i) {
      const x2 = v[i * 3 + 1]!;
      const x3 = v[i * 3 + 2]!;
      const at = firstAtLeast(x2);
      // Steps the new one covers: an equal u₂ with a lower u₃, and lower u₂ with u₃ ≤ x3 just before.
      let end = at;
      if (end < s2.length && s2[end] === x2) end++;
      let start = at;
      while (start > 0 && s3[start - 1]! <= x3) start--;
      s2.splice(start, end - start, x2);
      s3.splice(start, end - start, x3);
    },
  };
}
