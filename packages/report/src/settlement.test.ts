// The settlement section as data (plain words for the brief, detail for the report) and its chart.
import { describe, expect, it } from "vitest";
import { frontierSvg } from "./frontier-svg.js";
import { settlementReportHtml, settlementReportMarkdown } from "./settlement-render.js";
import { packageSentence, settlementSection, type SettlementInput } from "./settlement.js";

const pkg = (words: string, gains: [number, number], stableUnder: SettlementInput["packages"][number]["stableUnder"], extra: Partial<SettlementInput["packages"][number]> = {}): SettlementInput["packages"][number] => ({
  words,
  gains: { a: gains[0], b: gains[1] },
  acceptable: gains[0] > 0 && gains[1] > 0,
  nash: false,
  kalaiSmorodinsky: false,
  state: 7,
  stableUnder,
  ...extra,
});

const input: SettlementInput = {
  parties: [{ id: "a", label: "Aland" }, { id: "b", label: "Belmark" }],
  summary: "Two packages would leave both sides better off.",
  concepts: ["nash", "gmr", "smr", "seq"],
  packages: [
    pkg("Transit: monitored", [4, 4], ["nash", "gmr", "smr", "seq"], { nash: true, kalaiSmorodinsky: true, state: 12 }),
    pkg("Transit: sovereign", [6, 1], ["seq", "gmr"]),
    pkg("Transit: corridor", [5, 2], ["gmr"], { needs: { nash: { pulls: ["Belmark would close the corridor"], changes: [] } } }),
    pkg("Transit: none", [7, -2], []),
    pkg("Transit: both", [7, -2], [], { state: null }),
  ],
  details: ["numbers"],
};

describe("settlementSection", () => {
  const s = settlementSection(input, 2);

  it("lists the packages both sides could accept, at most the limit, and counts the rest", () => {
    expect(s.accepted.map((p) => p.words)).toEqual(["Transit: monitored", "Transit: sovereign"]);
    expect(s.more).toBe(1);
    expect(s.frontier).toHaveLength(5);
  });

  it("says how firmly each would hold from the concepts it is an equilibrium under, and why not from the stabilization", () => {
    expect(s.frontier.map((p) => p.hold)).toEqual(["firm", "deterred", "threat", "none", null]);
    expect(s.frontier[2]!.why).toBe("Belmark would close the corridor");
    expect(s.frontier[4]!.holdWords).toBe("is not an outcome the model allows (its conditions rule it out)");
  });

  it("writes the brief's sentences in plain words: gains, the most even package, no state numbers or concept names", () => {
    const text = s.accepted.map((p) => packageSentence(s, p)).join(" ");
    expect(packageSentence(s, s.accepted[0]!)).toBe("Transit: monitored (Aland +4, Belmark +4 over no agreement; shares the gains most evenly). It would hold.");
    expect(packageSentence(s, settlementSection(input).accepted[2]!)).toContain("It holds only under costly threats: Belmark would close the corridor.");
    expect(text).not.toMatch(/state \d|\bNash\b|GMR|SMR|SEQ/);
  });

  it("lists the packages the model rules out apart from the frontier, with the reason, in the report", () => {
    const ruled = settlementSection({ ...input, excluded: [{ words: "Transit: corridor, signed in Brussels", gains: { a: 1, b: 6 }, reason: 'The model rules it out: "venue = brussels & transit = corridor".' }] });
    expect(ruled.ruledOut).toEqual([{ words: "Transit: corridor, signed in Brussels", gains: [1, 6], reason: 'The model rules it out: "venue = brussels & transit = corridor".' }]);
    expect(ruled.frontier.map((p) => p.words)).not.toContain("Transit: corridor, signed in Brussels");
    expect(settlementReportMarkdown(ruled, undefined)).toContain('- Transit: corridor, signed in Brussels (Aland +1, Belmark +6). The model rules it out: "venue = brussels &amp; transit = corridor".');
    expect(settlementReportHtml(ruled, undefined)).toContain("<li>Transit: corridor, signed in Brussels (Aland +1, Belmark +6). The model rules it out: &quot;venue = brussels &amp; transit = corridor&quot;.</li>");
    expect(settlementReportMarkdown(s, undefined).join("\n")).not.toContain("Ruled out by the model");
  });

  it("says nothing about holding when stability was not checked", () => {
    const un = settlementSection({ ...input, concepts: [] });
    expect(un.frontier.every((p) => p.hold === null && p.holdWords === "")).toBe(true);
  });
});

describe("frontierSvg", () => {
  const svg = frontierSvg(settlementSection(input))!;

  it("draws one dot per distinct outcome, classed by whether both gain and it would hold", () => {
    expect(svg.match(/<circle class="fr-(holds|falls|out)" cx/g)).toHaveLength(4 + 3); // 4 outcomes + 3 legend dots
    expect(svg.match(/class="fr-holds" cx/g)).toHaveLength(3); // two holding outcomes + legend
    expect(svg.match(/class="fr-falls" cx/g)).toHaveLength(2); // threat-only outcome + legend
    expect(svg).toContain(">most even</text>");
  });

  it("has a text alternative naming every outcome, and light and dark colours", () => {
    expect(svg).toMatch(/<title id="frontier-title">/);
    expect(svg).toContain("Aland +4, Belmark +4 (both gain, would hold, the most even)");
    expect(svg).toContain("Aland +7, Belmark −2 (one side loses");
    expect(svg).toContain("@media (prefers-color-scheme:dark)");
  });

  it("is left out for more than two parties", () => {
    const three = settlementSection({ ...input, parties: [...input.parties, { id: "c", label: "Cora" }] });
    expect(frontierSvg(three)).toBeUndefined();
  });
});
