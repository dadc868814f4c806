import { describe, expect, it } from "vitest";
import { recordSmall } from "../../../../test/fixtures/record.js";
import type { ScenarioDocument } from "../format/schema.js";
import { agree, contradictions } from "./contradictions.js";

describe("contradictions", () => {
  const doc = recordSmall();

  it("pairs statements whose claims on a fact cannot both be true, with both sides and their sources", () => {
    const found = contradictions(doc);
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
    const last = contradictions(linked).at(-1)!;
    expect(last.fact).toBeUndefined();
    expect(last.found).toEqual(["linked"]);
    expect(last.approximate).toBe(false);
    expect(last.sides.map((s) => s.statement)).toEqual(["north-ready", "south-late"]);
  });

  it("date claims agree when the days they can mean overlap; ~ flags but does not widen", () => {
    expect(agree("date", "2025", "2025-11-10")).toBe(true);
    expect(agree("date", "2025-11", "2025-12")).toBe(false);
    expect(agree("date", "~2024-12", "2025")).toBe(false);
    expect(agree("date", "~2024-12", "2024")).toBe(true);
    expect(agree("date", "~2025-11-10", "2025-11-11")).toBe(false);
    expect(contradictions(doc).map((c) => c.approximate)).toEqual([true, true]);
  });

  it("a span claims any day within it", () => {
    expect(agree("date", "2025-05/2025-11", "2025-11-10")).toBe(true);
    expect(agree("date", "2025-05/2025-11", "2024")).toBe(false);
    expect(agree("date", "2025-05/~2025-11", "2025-11-30")).toBe(true);
  });

  it("numbers, text and true/false agree when equal (text ignoring case and spaces)", () => {
    expect(agree("number", 1960, 1960)).toBe(true);
    expect(agree("number", 1960, 2000)).toBe(false);
    expect(agree("text", " Moscow ", "moscow")).toBe(true);
    expect(agree("text", "Moscow", "Brussels")).toBe(false);
    expect(agree("boolean", true, false)).toBe(false);
  });
});
