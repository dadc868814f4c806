/**
 * Packages the conflict model allows. A package is allowed when some feasible state
 * satisfies every chosen alternative; the alternatives that hold together at one
 * state form a box (one set of alternatives per issue, every combination of them
 * allowed), so the allowed packages are the union of one box per feasible state.
 * The frontier of that union is the frontier of the union of the boxes' frontiers
 * (each computed by the dynamic programme restricted to the box): a package
 * undominated among all allowed packages is undominated within its own box.
 * Boxes overlap, so a point's packages are gathered from every box and deduplicated.
 */
import { paretoFrontier, type Frontier } from "./frontier.js";

/** Per box, per issue: the alternative indices allowed together (ascending). */
export type PackageBoxes = readonly (readonly (readonly number[])[])[];

/**
 * The boxes of a model: columns[i][a][s] = 1 when alternative a of issue i holds at
 * feasible state s. Duplicate boxes and boxes inside another are dropped.
 */
export function boxesOf(columns: readonly (readonly Uint8Array[])[], size: number): PackageBoxes {
  const seen = new Map<string, number[][]>();
  for (let s = 0; s < size; s++) {
    const box = columns.map((alts) => alts.flatMap((col, a) => (col[s] === 1 ? [a] : [])));
    if (box.some((x) => x.length === 0)) continue;
    const key = box.map((x) => x.join(",")).join("|");
    if (!seen.has(key)) seen.set(key, box);
  }
  const all = [...seen.values()];
  const inside = (x: number[][], y: number[][]): boolean => x.every((xs, i) => xs.every((a) => y[i]!.includes(a)));
  return all.filter((x, i) => !all.some((y, j) => j !== i && inside(x, y) && (!inside(y, x) || j < i)));
}

/** Whether the package (an alternative index per issue) lies in some box. */
export function inBoxes(boxes: PackageBoxes, alts: ArrayLike<number>): boolean {
  return boxes.some((box) => box.every((allowed, i) => allowed.includes(alts[i]!)));
}

/** The frontier of the packages in the boxes (see the file comment); counts and listings are exact. */
export function frontierWithin(util: readonly Float64Array[], k: number, boxes: PackageBoxes): Frontier {
  const parts = boxes.map((box) => paretoFrontier(util, k, box));
  // Every box's points, in decreasing lexicographic order; equal vectors grouped.
  const points: { part: number; j: number }[] = [];
  parts.forEach((F, part) => {
    for (let j = 0; j < F.size; j++) points.push({ part, j });
  });
  const at = (x: { part: number; j: number }, p: number): number => parts[x.part]!.util[x.j * k + p]!;
  const cmp = (x: { part: number; j: number }, y: { part: number; j: number }): number => {
    for (let p = 0; p < k; p++) {
      const d = at(y, p) - at(x, p);
      if (d !== 0) return d;
    }
    return 0;
  };
  points.sort(cmp);
  const kept: { util: number[]; sources: { part: number; j: number }[] }[] = [];
  for (let g = 0; g < points.length; ) {
    let h = g + 1;
    while (h < points.length && cmp(points[g]!, points[h]!) === 0) h++;
    const u = Array.from({ length: k }, (_, p) => at(points[g]!, p));
    // Kept points come first in the order, so only they can dominate this one.
    const dominated = kept.some((q) => q.util.every((x, p) => x >= u[p]!));
    if (!dominated) kept.push({ util: u, sources: points.slice(g, h) });
    g = h;
  }
  // Every package of a point, gathered once: boxes overlap.
  const listing = kept.map((q) => {
    const byKey = new Map<string, Int32Array>();
    for (const src of q.sources) {
      const F = parts[src.part]!;
      for (const alts of F.packages(src.j, F.count[src.j]!)) byKey.set(alts.join(","), alts);
    }
    return [...byKey.values()].sort((a, b) => compareAlts(a, b));
  });
  return {
    k,
    size: kept.length,
    util: Float64Array.from(kept.flatMap((q) => q.util)),
    count: Float64Array.from(listing.map((l) => l.length)),
    packages: (j, limit) => listing[j]!.slice(0, limit).map((a) => a.slice()),
  };
}

function compareAlts(a: Int32Array, b: Int32Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
