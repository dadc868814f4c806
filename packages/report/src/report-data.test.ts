// The report's data on a small handmade scenario (test/fixtures/report-small.yaml):
// every section is there, every claim cites a listed source, and the analysis in
// the report is the engine's (analyze, explain, statusQuoAnalysis), not a copy.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { value } from "../../../test/fixtures/result.js";
import { analyze, asDmIndex, asStateIndex, BASIC_CONCEPTS, explain, loadScenario, statusQuoAnalysis, timeline, viewDay, type Loaded } from "@concord/core";
import { reportData, type Cite, type EvidenceEntry, type ReportData } from "./index.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

function load(path: string): Loaded {
  const r = loadScenario(readFileSync(ROOT + path, "utf8"), { file: path });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

/** Every citation anywhere in the data. */
function allCites(d: ReportData): Cite[] {
  const out: Cite[] = [];
  const ev = (list: readonly EvidenceEntry[]): void => list.forEach((e) => out.push(...e.cites));
  d.timeline.forEach((t) => out.push(...t.cites));
  d.record?.waiting.forEach((w) => out.push(...w.cites));
  d.record?.commitments.forEach((c) => out.push(...c.cites));
  d.record?.deadlines.forEach((x) => out.push(...x.cites));
  d.contradictions.forEach((c) => c.sides.forEach((s) => out.push(...s.cites)));
  for (const dm of d.model?.decisionMakers ?? []) {
    ev(dm.evidence);
    dm.options.forEach((o) => ev(o.evidence));
    if (dm.preferences.kind === "priorities") dm.preferences.statements.forEach((p) => ev(p.evidence));
  }
  d.model?.conditions.forEach((c) => ev(c.evidence));
  ev(d.model?.statusQuo?.evidence ?? []);
  return out;
}

describe("report data", () => {
  const loaded = load("test/fixtures/report-small.yaml");
  const data = reportData(loaded);

  it("has every section, in plain JSON", () => {
    expect(data.question).toMatch(/^Will Northland and Southland sign a treaty/);
    expect(data.questionFrom).toBe("question");
    expect(data.background).toMatch(/^Northland and Southland dispute/);
    expect(data.actors.map((a) => a.name)).toEqual(["Northland", "Southland", "Lakeside", "The Lakeside envoy"]);
    expect(data.actors.find((a) => a.id === "envoy")!.memberOf).toEqual(["Lakeside"]);
    expect(data.actors.find((a) => a.id === "north")!.decisionMakers).toEqual(["Northland"]);
    expect(data.timeline.map((t) => t.id)).toEqual(timeline(loaded.scenario.record).map((t) => t.id));
    expect(data.record!.asOf).toBe("2024-06-30");
    expect(data.record!.waiting.map((w) => [w.id, w.awaiting, w.minDays])).toEqual([["draft-1", ["Southland"], 60], ["direct-offer", ["Northland"], 18]]);
    expect(data.record!.commitments[0]).toMatchObject({ id: "truce", expiry: "2024-07-01", renewsAtExpiry: true, noticeDeadline: "2024-06-01" });
    expect(data.record!.deadlines.map((x) => [x.id, x.daysLeft])).toEqual([["deadline", 63]]);
    expect(data.model!.decisionMakers.map((d) => d.name)).toEqual(["Northland", "Southland", "Lakeside"]);
    expect(data.model!.statusQuo!.state).toBe(5);
    expect(data.contradictions).toHaveLength(1);
    expect(data.contradictions[0]!.sides.map((s) => s.value)).toEqual(["2024-07", "2025"]);
    expect(data.sources.map((s) => [s.n, s.id, s.url])).toEqual([
      [1, "gazette", "https://example.org/gazette/talks?id=1&lang=en"],
      [2, "wire", "https://example.org/wire/2"],
      [3, "archive", undefined],
    ]);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it("cites, for every event, document, statement and piece of evidence, sources that are listed", () => {
    const ids = new Set(data.sources.map((s) => s.id));
    for (const t of data.timeline) expect(t.cites.length, t.id).toBeGreaterThan(0);
    const cites = allCites(data);
    expect(cites.length).toBeGreaterThan(15);
    for (const c of cites) expect(ids.has(c.source), c.source).toBe(true);
    // Evidence that points into the record carries that entry's sources.
    const north = data.model!.decisionMakers[0]!;
    if (north.preferences.kind !== "priorities") throw new Error("expected priorities");
    expect(north.preferences.statements[0]!.evidence[0]).toMatchObject({ kind: "statement", actors: ["The Lakeside envoy"], cites: [{ source: "gazette" }] });
    expect(north.preferences.statements[1]!.evidence.map((e) => e.kind)).toEqual(["event", "source"]);
  });

  it("puts preferences and conditions in words with the options' labels", () => {
    const [north, south] = data.model!.decisionMakers;
    if (north!.preferences.kind !== "priorities" || south!.preferences.kind !== "priorities") throw new Error("expected priorities");
    expect(north!.preferences.statements[0]!.words).toBe("“sign at the Lakeside table” or “sign in direct talks”");
    expect(south!.preferences.statements[2]!.words).toBe("not “agree to a treaty”, if not “insist on direct talks”");
    expect(data.model!.conditions.map((c) => c.words)).toEqual([
      "at most one of “sign at the Lakeside table”, “sign in direct talks”",
      "ruled out: “sign at the Lakeside table” and “insist on direct talks”",
      "ruled out: “sign in direct talks” and not “insist on direct talks”",
    ]);
  });

  it("lists the equilibria analyze() finds, under each concept", () => {
    const a = analyze(loaded.space!);
    for (const c of data.analysis!.concepts) expect(c.equilibria, c.concept).toEqual(a.equilibria[c.concept]!.map((s) => s + 1));
    const union = [...new Set(BASIC_CONCEPTS.flatMap((c) => a.equilibria[c]!.map((s) => s + 1)))];
    expect(data.analysis!.equilibria.map((e) => e.state).sort((x, y) => x - y)).toEqual(union.sort((x, y) => x - y));
    expect(data.analysis!.equilibria.map((e) => e.state)).toEqual([8, 10, 2]);
    const e8 = data.analysis!.equilibria[0]!;
    expect(e8.concepts).toEqual(["nash", "gmr", "smr", "seq"]);
    expect(e8.choices[1]).toEqual({ dm: "Southland", takes: ["agree to a treaty", "insist on direct talks"], doesNot: [] });
    expect(e8.reading).toContain("Southland takes “agree to a treaty” and “insist on direct talks”");
    const sqa = value(statusQuoAnalysis(a));
    const reached = sqa.equilibria.nash!.find((r) => r.state === 8)!;
    expect(e8.fromStatusQuo).toEqual({ distance: reached.distance, path: reached.path });
  });

  it("explains the status quo with explain() for every decision maker and concept", () => {
    const a = analyze(loaded.space!);
    const sq = data.analysis!.statusQuo!;
    expect(sq.state).toBe(5);
    sq.stability.forEach((st, d) => {
      expect(st.explanations.map((x) => x.concept)).toEqual([...BASIC_CONCEPTS]);
      for (const x of st.explanations) {
        const e = explain(a, asStateIndex(4), asDmIndex(d), x.concept);
        expect(x.text).toBe(e.text);
        expect(x.stable).toBe(e.stable);
        expect(x.improvements).toEqual(e.improvements);
      }
    });
    expect(sq.equilibriumUnder).toEqual([]);
    expect(sq.reading).toMatch(/^The status quo \(state 5\) is not an equilibrium under any concept/);
    const sqa = value(statusQuoAnalysis(a));
    expect(sq.reachableCount).toBe(sqa.reachable.length);
    for (const r of sq.reachable) expect(r.equilibria).toEqual(sqa.equilibria[r.concept]);
    // Every state the explanations name is described.
    const named = sq.stability.flatMap((st) => st.explanations.flatMap((x) => x.improvements.map((i) => i.move.to)));
    for (const s of named) expect(sq.statesNamed.map((n) => n.state)).toContain(s);
  });

  it("is the same for the same input, and never uses today's date", () => {
    expect(JSON.stringify(reportData(load("test/fixtures/report-small.yaml")))).toBe(JSON.stringify(data));
    const noAsOf = loadScenario(readFileSync(ROOT + "test/fixtures/report-small.yaml", "utf8").replace("asOf: 2024-06-30\n", ""));
    if (!noAsOf.ok) throw new Error("fixture");
    const r = reportData(noAsOf.value).record!;
    expect([r.asOf, r.asOfFrom]).toEqual(["2024-09-01", "record"]);
    const day = viewDay(loaded.scenario, { asOf: "2024-05-31" });
    if (!day.ok || day.value === undefined) throw new Error("day");
    expect(reportData(loaded, { day: day.value }).record).toMatchObject({ asOf: "2024-05-31", asOfFrom: "option" });
  });
});

describe("report data without a model or without a record", () => {
  it("covers the record only when there is no model", () => {
    const { model: _m, ...doc } = load("docs/examples/record-armenia-azerbaijan.yaml").scenario.document;
    const r = loadScenario(JSON.stringify(doc), { file: "x.json" });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const d = reportData(r.value);
    expect(d.model).toBeUndefined();
    expect(d.analysis).toBeUndefined();
    expect(d.moveGraph).toBeUndefined();
    expect(d.timeline.length).toBeGreaterThan(20);
    expect(d.questionFrom).toBe("title");
    expect(d.contradictions.length).toBeGreaterThan(0);
    expect(d.record!.asOf).toBe("2023-12-07");
  });

  it("covers the model only when there is no record (Elmira), and reads .gmcr files", () => {
    const d = reportData(load("scenarios/elmira.yaml"));
    expect(d.record).toBeUndefined();
    expect(d.timeline).toEqual([]);
    expect(d.questionFrom).toBe("description");
    expect(d.model!.decisionMakers[0]!.preferences.kind).toBe("ranking");
    expect(d.analysis!.statusQuo).toBeDefined();
    const g = reportData(load("test/gmcr/prisoners-dilemma.gmcr"));
    expect(g.analysis!.concepts.find((c) => c.concept === "nash")!.equilibria.length).toBeGreaterThan(0);
    expect(g.analysis!.statusQuo).toBeUndefined();
    expect(g.sources).toEqual([]);
  });
});

describe("report data on a model with an option with alternatives (scenarios/examples/transit.yaml)", () => {
  const data = reportData(load("scenarios/examples/transit.yaml"));

  it("says who holds what with the alternative chosen, one row per option as written", () => {
    const h = data.brief.holdings!;
    expect(h.rows.map((r) => [r.option, r.values[0]])).toEqual([
      ["transit", "none agreed"],
      ["open", false],
    ]);
  });

  it("reads states as the alternative chosen", () => {
    const eq = data.analysis!.equilibria.find((e) => e.state === 7)!;
    expect(eq.choices).toEqual([
      { dm: "Upland", takes: ["Transit regime for the road: with third-party monitoring"], doesNot: [] },
      { dm: "Lowland", takes: ["Open the road"], doesNot: [] },
    ]);
    const sq = data.model!.statusQuo!;
    expect(sq.choices[0]).toEqual({ dm: "Upland", takes: [], doesNot: ["Transit regime for the road: none agreed"] });
  });
});
