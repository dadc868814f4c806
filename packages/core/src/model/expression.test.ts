import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { value } from "../../../../test/fixtures/result.js";
import { evaluate, formatExpr, parseExpr, resolveExpr, toTerms, type Expr } from "./expression.js";

const names = ["a", "b", "c", "d", "e"];
const lookup = (n: string): number | string => {
  const i = names.indexOf(n);
  if (i >= 0) return i;
  if (/^\d+$/.test(n) && Number(n) >= 1 && Number(n) <= names.length) return Number(n) - 1;
  return `unknown option "${n}"`;
};
const compile = (text: string): Expr => value(resolveExpr(value(parseExpr(text)), lookup));
const truth = (e: Expr, vector: number): boolean => evaluate(e, (o) => ((vector >> o) & 1) === 1);

describe("expression language", () => {
  it("reads literals, negation, and, or, IF and grouping with the usual precedence", () => {
    expect(truth(compile("a"), 0b1)).toBe(true);
    expect(truth(compile("-a"), 0b1)).toBe(false);
    expect(truth(compile("a & -b"), 0b01)).toBe(true);
    expect(truth(compile("a & -b"), 0b11)).toBe(false);
    // & binds tighter than |
    expect(truth(compile("a | b & c"), 0b001)).toBe(true);
    expect(truth(compile("(a | b) & c"), 0b001)).toBe(false);
    // IF: "a IF b" is true when b is false or a is true
    expect(truth(compile("a IF b"), 0b00)).toBe(true);
    expect(truth(compile("a IF b"), 0b10)).toBe(false);
    expect(truth(compile("a IF b"), 0b11)).toBe(true);
    // gmcr-py style numbers name options by 1-based position
    expect(truth(compile("-3 IF 1"), 0b101)).toBe(false);
    expect(truth(compile("--a"), 0b1)).toBe(true);
  });

  it("reports where a statement stops making sense", () => {
    const problem = (offset: number | undefined, message: unknown) => ({ ok: false, problems: [{ code: "statement", path: [], ...(offset !== undefined ? { offset } : {}), message }] });
    expect(parseExpr("a & ")).toEqual(problem(4, expect.stringContaining("end of the expression")));
    expect(parseExpr("a b")).toEqual(problem(2, expect.stringContaining("expected an operator")));
    expect(parseExpr("(a | b")).toMatchObject({ problems: [{ message: expect.stringContaining('expected ")"') }] });
    expect(parseExpr("a IF b IF c")).toMatchObject({ problems: [{ message: expect.stringContaining("ambiguous") }] });
    expect(parseExpr("a $ b")).toMatchObject({ problems: [{ offset: 2 }] });
    expect(resolveExpr(value(parseExpr("a & zz")), lookup)).toEqual({ ok: false, problems: [{ code: "unknown-ref", path: [], offset: 4, message: 'unknown option "zz"' }] });
  });

  // Random expressions over 5 options: the normal form must agree with the tree on every vector.
  const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.integer({ min: 0, max: 4 }).map((option): Expr => ({ kind: "option", option })),
      tie("e").map((arg): Expr => ({ kind: "not", arg })),
      fc.array(tie("e"), { minLength: 2, maxLength: 3 }).map((args): Expr => ({ kind: "and", args })),
      fc.array(tie("e"), { minLength: 2, maxLength: 3 }).map((args): Expr => ({ kind: "or", args })),
      fc.tuple(tie("e"), tie("e")).map(([then, cond]): Expr => ({ kind: "if", then, cond })),
    ),
  })).e;

  it("normal-form terms agree with direct evaluation (property)", () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const terms = toTerms(e);
        if (terms === null) return;
        for (let v = 0; v < 32; v++) {
          const byTerms = terms.some((t) => ((v & t.loMask) >>> 0) === t.loValue);
          expect(byTerms).toBe(truth(e, v));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("prints an expression that parses back to the same truth table (property)", () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const back = compile(formatExpr(e, (o) => names[o]!));
        for (let v = 0; v < 32; v++) expect(truth(back, v)).toBe(truth(e, v));
      }),
      { numRuns: 500 },
    );
  });

  it("handles options above bit 31 in the high word", () => {
    const e: Expr = { kind: "and", args: [{ kind: "option", option: 40 }, { kind: "not", arg: { kind: "option", option: 3 } }] };
    const [t] = toTerms(e)!;
    expect(t).toEqual({ loMask: 8, loValue: 0, hiMask: 2 ** 8, hiValue: 2 ** 8 });
  });
});
