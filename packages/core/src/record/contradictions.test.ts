import { describe, expect, it } from "vitest";
import { recordOf, recordSmall } from "../../../../test/fixtures/record.js";
import type { ScenarioDocument } from "../format/schema.js";
import { parseDateSpan, type DateSpan } from "../dates.js";
import { agree, contradictions } from "./contradictions.js";

/** A claimed value as the loaded record holds it: date claims with their span. */
function claim(value: string | number | boolean): { value: string | number | boolean; span?: DateSpan } {
  const span = typeof value === "string" ? parseDateSpan(value) : undefined;
  return span?.ok ? { value, span: span.value } : { value };
}

describe("contradictions", () => {
  const doc = recordSmall();
  const record = recordOf(doc);

  it("pairs statements whose claims on a fact cannot both be true, with both sides and their sources", () => {
    const found = contradictions(record);
    expect(found.map((c) => [c.fact?.id, c.found, c.sides.map((s) => [s.statement, s.value])])).toEqual([
      ["mandate-end", ["claims"], [["east-mandate", "2024-08"], ["pundit-mandate", "~2025-03"]]],
      // Also linked by `contradicts:` — reported once, found both ways.
      ["mandate-end", ["claims", "linked"], [["pundit-mandate", "~2025-03"], ["union-mandate", "2024"]]],
    ]);
    // "2024-08" and "2024" can both be true: no contradiction between east and union.
    expect(found[0]!.sides[1]).toEqual({
      statement: "pundit-mandate",
      speaker: "pundit",
      date: "2024-03-05",
      quote: "The monitors' mandate expires in a year.",
      value: "~2025-03",
      claimNote: "'in a year', said on 2024-03-05",
      sources: [{ id: "s-mar", title: "Northland's second draft", publisher: "Test Gazette", date: "2024-03-05" }],
    });
  });

  it("reports a `contradicts:` link between statements with no common fact", () => {
    const linked: ScenarioDocument = {
      ...doc,
      statements: doc.statements!.map((s) => (s.id === "south-late" ? { ...s, contradicts: ["north-ready"] } : s)),
    };
    const last = contradictions(recordOf(linked)).at(-1)!;
    expect(last.fact).toBeUndefined();
    expect(last.found).toEqual(["linked"]);
    expect(last.approximate).toBe(false);
    expect(last.sides.map((s) => s.statement)).toEqual(["north-ready", "south-late"]);
  });

  it("date claims agree when the days they can mean overlap; ~ flags but does not widen", () => {
    expect(agree("date", claim("2025"), claim("2025-11-10"))).toBe(true);
    expect(agree("date", claim("2025-11"), claim("2025-12"))).toBe(false);
    expect(agree("date", claim("~2024-12"), claim("2025"))).toBe(false);
    expect(agree("date", claim("~2024-12"), claim("2024"))).toBe(true);
    expect(agree("date", claim("~2025-11-10"), claim("2025-11-11"))).toBe(false);
    expect(contradictions(record).map((c) => c.approximate)).toEqual([true, true]);
  });

  it("a span claims any day within it", () => {
    expect(agree("date", claim("2025-05/2025-11"), claim("2025-11-10"))).toBe(true);
    expect(agree("date", claim("2025-05/2025-11"), claim("2024"))).toBe(false);
    expect(agree("date", claim("2025-05/~2025-11"), claim("2025-11-30"))).toBe(true);
  });

  it("numbers, text and true/false agree when equal (text ignoring case and spaces)", () => {
    expect(agree("number", claim(1960), claim(1960))).toBe(true);
    expect(agree("number", claim(1960), claim(2000))).toBe(false);
    expect(agree("text", claim(" Moscow "), claim("moscow"))).toBe(true);
    expect(agree("text", claim("Moscow"), claim("Brussels"))).toBe(false);
    expect(agree("boolean", claim(true), claim(false))).toBe(false);
  });
});
