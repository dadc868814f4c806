import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { day, recordOf, recordSmall } from "../../../../test/fixtures/record.js";
import { isoDay } from "../dates.js";
import { formatProblem } from "../problems.js";
import { loadScenario, validateDocument } from "../scenario/load.js";
import type { ScenarioDocument } from "../format/schema.js";
import { asOf } from "./as-of.js";
import { waiting } from "./waiting.js";

const doc = recordSmall();

/** The document as of `d`, with the dates of its record and model as loaded. */
function restrict(d: ScenarioDocument, at: number): ReturnType<typeof asOf> {
  const r = validateDocument(d);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  return asOf(r.value.scenario, at);
}

/** Writes a document as YAML and loads it back: the problems, or none. */
function reload(d: ScenarioDocument): string[] {
  const r = loadScenario(stringify(d));
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe("as of a date", () => {
  it("drops later sources and what rests only on them, and says what it dropped", () => {
    const r = restrict(doc, day("2024-03-10"));
    expect(r.document.asOf).toBe("2024-03-10");
    expect(r.dropped).toEqual({
      // s-month (2024-03) could be published after the 10th; the undated source stays.
      sources: ["s-mar20", "s-month", "s-late"],
      tracks: [],
      documents: ["pledge"],
      events: ["incident"],
      statements: ["union-mandate", "south-late"],
      commitments: [],
      evidence: ["model.decisionMakers[0].preferences[0].evidence[2]", "model.decisionMakers[1].preferences[0].evidence[1]"],
    });
    expect(r.document.sources!.map((s) => s.id)).toEqual(["s-jan", "s-feb", "s-mar", "s-undated"]);
  });

  it("undoes what had not happened yet: later statuses, citations of dropped sources", () => {
    const r = restrict(doc, day("2024-03-10"));
    const march = r.document.events!.find((e) => e.id === "march-round")!;
    // Announced on 5 March, called off on the 20th: still planned on the 10th, citing only s-mar.
    expect(march).toMatchObject({ status: "planned", sources: ["s-mar"] });
    expect(march.statusDate).toBeUndefined();
    expect(r.document.events!.find((e) => e.id === "signing-deadline")).toMatchObject({ status: "planned" });
    expect(r.document.model!.decisionMakers[0]!.preferences).toEqual([
      { statement: "sign", evidence: [{ statement: "north-ready" }, { source: "s-mar", quote: "Northland handed its second draft on 29 February." }] },
    ]);
  });

  it("prunes references to dropped entries", () => {
    const linked: ScenarioDocument = { ...doc, statements: doc.statements!.map((s) => (s.id === "pundit-mandate" ? { ...s, refersTo: ["monitors", "south-late"] } : s)) };
    expect(restrict(linked, day("2024-03-10")).document.statements!.find((s) => s.id === "pundit-mandate")!.refersTo).toEqual(["monitors"]);
    const r = restrict(doc, day("2024-01-20"));
    expect(r.dropped.documents).toEqual(["answer-1", "draft-2", "pledge"]);
    expect(r.dropped.tracks).toEqual(["t-direct"]);
    expect(r.document.statements!.map((s) => s.id)).toEqual(["north-ready"]);
    expect(r.document.statements![0]!.event).toBe("opening");
    expect(r.document.commitments!.map((c) => c.id)).toEqual(["monitors"]);
    // The views run on the result: on 20 January draft-1 awaits Southland.
    expect(waiting(recordOf(r.document), day("2024-01-20")).waiting.map((w) => w.id)).toEqual(["draft-1"]);
  });

  it("yields a valid scenario document that survives YAML, for every day", () => {
    expect(reload(restrict(doc, day("2024-03-10")).document)).toEqual([]);
    fc.assert(
      fc.property(fc.integer({ min: day("2023-08-01"), max: day("2024-06-30") }), (d) => {
        const once = restrict(doc, d).document;
        expect(reload(once)).toEqual([]);
        // Restricting twice to the same day changes nothing more.
        expect(restrict(once, d).document).toEqual(once);
      }),
      { numRuns: 40 },
    );
  });

  it("keeps everything known on the scenario's own date except what came later", () => {
    const r = restrict(doc, day("2024-03-31"));
    expect(isoDay(day(r.document.asOf!))).toBe("2024-03-31");
    expect(r.dropped.events).toEqual(["incident"]);
    expect(r.dropped.statements).toEqual(["south-late"]);
    expect(r.document.events!.find((e) => e.id === "march-round")).toMatchObject({ status: "cancelled", statusDate: "2024-03-20" });
  });

  it("prunes the evidence of an option's alternatives like that of any option", () => {
    const [north, ...rest] = doc.model!.decisionMakers;
    const withChoice: ScenarioDocument = {
      ...doc,
      model: {
        ...doc.model!,
        decisionMakers: [
          {
            ...north!,
            options: [
              ...north!.options,
              {
                id: "route",
                label: "Route",
                alternatives: [
                  { id: "none", label: "none", evidence: [{ event: "incident" }] },
                  { id: "open", label: "open", evidence: [{ statement: "north-ready" }, { event: "incident" }] },
                ],
              },
            ],
          },
          ...rest,
        ],
      },
    };
    const r = restrict(withChoice, day("2024-03-10"));
    const route = r.document.model!.decisionMakers[0]!.options.find((o) => o.id === "route")!;
    expect(route.alternatives!.map((a) => a.evidence)).toEqual([[], [{ statement: "north-ready" }]]);
    const k = north!.options.length;
    expect(r.dropped.evidence).toEqual(expect.arrayContaining([`model.decisionMakers[0].options[${k}].alternatives[0].evidence[0]`, `model.decisionMakers[0].options[${k}].alternatives[1].evidence[1]`]));
    expect(reload(r.document)).toEqual([]);
  });

  it("prunes targets' evidence and drops observations not yet made or shown only by later sources", () => {
    const withModel: ScenarioDocument = {
      ...doc,
      model: {
        ...doc.model!,
        targets: [{ id: "signed", label: "a treaty", pattern: "sign", evidence: [{ statement: "north-ready" }, { event: "incident" }] }],
        observed: [
          { date: "2024-02", taken: [], sources: ["s-feb"] },
          { date: "2024-03-05", taken: ["sign"], sources: ["s-late"] },
          { date: "2024-04", taken: ["sign", "direct"], sources: ["s-jan"] },
        ],
      },
    };
    const r = restrict(withModel, day("2024-03-10"));
    expect(r.document.model!.targets![0]!.evidence).toEqual([{ statement: "north-ready" }]);
    expect(r.dropped.evidence).toContain("model.targets[0].evidence[1]");
    // The March observation rests on a source published later; April's had not happened.
    expect(r.document.model!.observed).toEqual([{ date: "2024-02", taken: [], sources: ["s-feb"] }]);
    expect(reload(r.document)).toEqual([]);
  });
});
