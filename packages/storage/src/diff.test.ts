import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textDiff, type DiffHunk } from "./diff.js";

/** Length of a longest common subsequence of two line lists — the definition, by dynamic programming. */
function lcs(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

const lines = (text: string): string[] => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));

/** Applies hunks to the old lines, checking every context and removed line on the way. */
function apply(old: readonly string[], hunks: readonly DiffHunk[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const h of hunks) {
    const start = h.oldLines === 0 ? h.oldStart : h.oldStart - 1;
    out.push(...old.slice(at, start));
    at = start;
    for (const line of h.lines) {
      if (line.startsWith("\\")) continue; // "\ No newline at end of file"
      if (line[0] === "+") out.push(line.slice(1));
      else {
        expect(old[at]).toBe(line.slice(1));
        if (line[0] === " ") out.push(line.slice(1));
        at++;
      }
    }
  }
  return [...out, ...old.slice(at)];
}

describe("text diff", () => {
  const text = fc.array(fc.constantFrom("a", "b", "c", "d", ""), { maxLength: 14 }).map((ls) => ls.map((l) => `${l}\n`).join(""));

  it("turns the old text into the new one with the fewest changed lines", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = textDiff(a, b, "a", "b");
        expect(d.identical).toBe(a === b);
        expect(apply(lines(a), d.hunks)).toEqual(lines(b));
        const common = lcs(lines(a), lines(b));
        expect(d.removed).toBe(lines(a).length - common);
        expect(d.added).toBe(lines(b).length - common);
      }),
      { numRuns: 300 },
    );
  });

  it("gives up, saying so, past its edit limit instead of taking minutes", () => {
    const a = Array.from({ length: 60_000 }, (_, i) => `a${i}\n`).join("");
    const b = Array.from({ length: 60_000 }, (_, i) => `b${i}\n`).join("");
    expect(textDiff(a, b, "a", "b")).toMatchObject({ identical: false, complete: false, hunks: [] });
  });
});
