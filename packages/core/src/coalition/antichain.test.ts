import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { beats, join, meet, prune } from "./antichain.js";

const K = 3;
/** Up to 60 points with few levels, so ties and repeats are common. */
const points = fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: K, maxLength: K }), { maxLength: 60 });
const flat = (ps: number[][]): Int32Array => Int32Array.from(ps.flat());
const rows = (a: Int32Array): string[] => Array.from({ length: a.length / K }, (_, i) => a.subarray(i * K, i * K + K).join(",")).sort();
const ge = (x: number[], y: number[]): boolean => x.every((v, c) => v >= y[c]!);

describe("antichains", () => {
  it("prune keeps exactly the weakly maximal points, once each", () => {
    fc.assert(
      fc.property(points, (ps) => {
        const want = [...new Set(ps.filter((p) => !ps.some((q) => ge(q, p) && q.join() !== p.join())).map((p) => p.join()))].sort();
        expect(rows(prune(flat(ps), K))).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it("join and meet answer 'does some point beat p' like the union and like both at once", () => {
    fc.assert(
      fc.property(points, points, fc.array(fc.integer({ min: -1, max: 4 }), { minLength: K, maxLength: K }), (xs, ys, p) => {
        const a = prune(flat(xs), K);
        const b = prune(flat(ys), K);
        const strictly = (ps: number[][]): boolean => ps.some((q) => q.every((v, c) => v > p[c]!));
        expect(beats(join(a, b, K), K, p)).toBe(strictly([...xs, ...ys]));
        expect(beats(meet(a, b, K), K, p)).toBe(strictly(xs) && strictly(ys));
        expect(rows(join(a, b, K))).toEqual(rows(prune(flat([...xs, ...ys]), K)));
      }),
      { numRuns: 400 },
    );
  });
});
