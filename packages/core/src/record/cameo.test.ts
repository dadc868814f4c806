import { describe, expect, it } from "vitest";
import { day, recordOf, recordSmall } from "../../../../test/fixtures/record.js";
import { value } from "../../../../test/fixtures/result.js";
import type { Problem } from "../problems.js";
import { validateDocument } from "../scenario/load.js";
import type { ScenarioDocument } from "../format/schema.js";
import { CAMEO_COLUMNS, cameoRowProblems, exportCameo, importCameo, type CameoImport } from "./cameo.js";
import { readCsv } from "./csv.js";
import { exportPax } from "./pax.js";

const doc = recordSmall();
const record = recordOf(doc);
const TITLE = doc.title;

/** The import as the application layer makes it: the rows read, then the whole scenario checked, problems at their CSV lines. */
function imported(csv: string, into: ScenarioDocument): { value?: CameoImport; problems: readonly Problem[] } {
  const r = importCameo(csv, into);
  if (!r.ok) return { problems: r.problems };
  const whole = validateDocument(r.value.document);
  return whole.ok ? { value: r.value, problems: [] } : { problems: cameoRowProblems(whole.problems, r.value) };
}

/** CSV → one record per row, keyed by column. */
function table(csv: string): Record<string, string>[] {
  const [head, ...rows] = value(readCsv(csv));
  return rows.map((row) => Object.fromEntries(head!.fields.map((h, i) => [h, row.fields[i]!])));
}

describe("CAMEO export", () => {
  const rows = table(exportCameo(record));

  it("writes one row per event, in date order, under the documented header", () => {
    expect(exportCameo(record).split("\n")[0]).toBe(CAMEO_COLUMNS.join(","));
    expect(rows.map((r) => r.id)).toEqual(["signing", "opening", "hearing", "direct-offer", "march-round", "signing-deadline", "incident"]);
  });

  it("uses the event's own code, else a default that clearly applies, else none with a note", () => {
    const code = Object.fromEntries(rows.map((r) => [r.id, [r.event_code, r.code_source, r.event_name, r.code_note]]));
    expect(code["signing"]).toEqual(["057", "default", "Sign formal agreement", ""]);
    expect(code["march-round"]).toEqual(["125", "explicit", "Reject proposal to meet, discuss, or negotiate", ""]);
    expect(code["direct-offer"]).toEqual(["", "default", "", "tabling a proposal has no CAMEO code"]);
    expect(code["hearing"]).toEqual(["", "default", "", "a hearing has no CAMEO code"]);
    expect(code["opening"]![0]).toBe("040");
  });

  it("gives CAMEO actor codes for the acting and the targeted actors", () => {
    const offer = rows.find((r) => r.id === "direct-offer")!;
    expect([offer.actor1_codes, offer.actor2_codes, offer.by, offer.to]).toEqual(["STH", "NTH", "south", "north"]);
    expect(rows.find((r) => r.id === "signing")!.actor1_codes).toBe("NTH; STH; EST");
  });
});

describe("CAMEO import", () => {
  const csv = exportCameo(record);

  it("round trip: importing the export into a scenario without events gives the same events", () => {
    const { value: r, problems } = imported(csv, { ...doc, events: [] });
    expect(problems).toEqual([]);
    expect(r!.added).toEqual(["signing", "opening", "hearing", "direct-offer", "march-round", "signing-deadline", "incident"]);
    const byId = (d: ScenarioDocument | undefined) => Object.fromEntries((d?.events ?? []).map((e) => [e.id, e]));
    expect(byId(r!.document)).toEqual(byId(doc));
  });

  it("importing the export into its own scenario changes nothing", () => {
    const { value: r, problems } = imported(csv, doc);
    expect([r!.added, r!.updated, r!.unchanged.length, problems]).toEqual([[], [], 7, []]);
    expect(r!.document.events).toEqual(doc.events);
  });

  it("updates events whose row changed, keeping the quotes of citations still made", () => {
    const quoted: ScenarioDocument = {
      ...doc,
      events: doc.events!.map((e) => (e.id === "hearing" ? { ...e, sources: [{ source: "s-feb", quote: "The hearing took place." }] } : e)),
    };
    const edited = exportCameo(recordOf(quoted)).replace("Union parliament hearing on the talks", "Hearing in the Union parliament");
    const r = imported(edited, quoted).value!;
    expect(r.updated).toEqual(["hearing"]);
    expect(r.document.events!.find((e) => e.id === "hearing")).toEqual({
      id: "hearing", title: "Hearing in the Union parliament", kind: "hearing", date: "2024-02-01", participants: ["union"],
      sources: [{ source: "s-feb", quote: "The hearing took place." }],
    });
  });

  it("accepts a foreign CSV with only the needed columns, and restores leading zeros", () => {
    const foreign = "id,date,kind,title,by,to,sources,event_code\nvisit,2024-03-12,meeting,Mediator visits Southland,union,south,s-mar,44\n";
    const r = imported(foreign, doc);
    expect(r.problems).toEqual([]);
    expect(r.value!.document.events!.at(-1)).toEqual({ id: "visit", date: "2024-03-12", kind: "meeting", title: "Mediator visits Southland", by: ["union"], to: ["south"], sources: ["s-mar"], cameo: "044" });
  });

  it("reads semicolon-separated CSV, as spreadsheets write it where the comma is the decimal mark (issue 9)", () => {
    const semicolons = 'id;date;kind;title;by;to;sources;event_code\nvisit;2024-03-12;meeting;"Mediator visits Southland; talks";union;south;s-mar;44\n';
    const r = imported(semicolons, doc);
    expect(r.problems).toEqual([]);
    expect(r.value!.document.events!.at(-1)).toMatchObject({ id: "visit", title: "Mediator visits Southland; talks", by: ["union"], cameo: "044" });
  });

  it("reports bad rows at their CSV line and column, and imports nothing", () => {
    const bad =
      "id,date,kind,title,participants,sources,event_code\n" +
      "a,2023-13-40,meeting,Talks,north,s-jan,\n" +
      "b,2024-01-02,meating,Talks,north,s-jan,\n" +
      "c,2024-01-02,meeting,Talks,nort,s-jan,\n" +
      "d,2024-01-02,meeting,Talks,north,s-jan,999\n";
    const r = imported(bad, doc);
    expect(r.value).toBeUndefined();
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'column "kind": expected one of "meeting", "proposal", "response", "statement", "hearing", "incident", "agreement", "cancellation", "deadline", "other", found text "meating"'],
      [5, 'column "event_code": "999" is not a CAMEO event code (codebook v1.1b3)'],
    ]);
    // With the shape right, the meaning is checked against the scenario.
    const r2 = imported(bad.split("\n").filter((l) => !l.startsWith("b,") && !l.startsWith("d,")).join("\n"), doc);
    expect(r2.problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'column "date": month 13 is not between 01 and 12 in "2023-13-40"'],
      [3, 'column "participants": unknown actor "nort"; did you mean "north"?'],
    ]);
  });

  it("says what is wrong with a CSV it cannot read", () => {
    expect(imported("", doc).problems[0]!.message).toBe("the CSV is empty; expected a header line with id, date, kind, title, …");
    expect(imported("id,date\n", doc).problems[0]!.message).toBe("the header lacks columns kind, title; expected the columns of concord export --to cameo");
    expect(imported('id,date,kind,title\nx,"2024\n', doc).problems[0]).toMatchObject({ line: 2, message: 'CSV: a quoted field opened on line 2 is never closed; expected a closing "' });
    expect(imported("id,date,kind,title\nx,2024,meeting\n", doc).problems[0]!.message).toBe("the row has 3 fields; expected 4, one per column of the header");
  });
});

describe("PA-X export", () => {
  it("exports agreed texts only, in PA-X's columns", () => {
    expect(table(exportPax(record, TITLE, day("2024-03-31")))).toEqual([
      {
        Con: "Northland/Southland/Eastern Power", PP: "", PPName: "Northland-Southland process", AgtId: "", Agt: "Ceasefire statement",
        Dat: "2023-08-31", Status: "Multiparty signed/agreed", Stage: "Cea", StageSub: "Ceas", Part: "Northland\nSouthland\nEastern Power",
        ThrdPart: "", OthAgr: "", concord_id: "ceasefire", concord_kind: "agreement", concord_status: "signed", sources: "s-undated",
      },
    ]);
  });

  it("with all, adds drafts and proposals, marked as not agreed, with their links and the status as of the day", () => {
    const rows = table(exportPax(record, TITLE, day("2024-03-31"), { all: true }));
    expect(rows.map((r) => [r.concord_id, r.Status, r.Dat, r.PPName])).toEqual([
      ["ceasefire", "Multiparty signed/agreed", "2023-08-31", "Northland-Southland process"],
      ["draft-1", "Not agreed (superseded)", "2024-01-10", "Union-mediated talks"],
      ["answer-1", "Not agreed (answered)", "2024-01-31", "Union-mediated talks"],
      ["draft-2", "Not agreed (submitted)", "2024-02-29", "Union-mediated talks"],
      ["pledge", "Not agreed (submitted)", "2024-03", "Northland–Southland talks (invented test record)"],
    ]);
    expect(rows[3]!.OthAgr).toBe("supersedes Northland's first draft (2024-01-10)\nanswers Southland's comments on the first draft (2024-01-31)");
    expect(table(exportPax(record, TITLE, day("2024-01-20"), { all: true })).find((r) => r.concord_id === "draft-1")!.Status).toBe("Not agreed (submitted)");
  });
});
