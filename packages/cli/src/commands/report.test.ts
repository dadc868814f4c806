// `concord report`, run as a user runs it, in this process: main(argv, io).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportData } from "@concord/app";
import { concord as run, ROOT, type Run } from "../../../../test/fixtures/concord.js";
import { summary } from "./report.js";

const SMALL = join(ROOT, "test/fixtures/report-small.yaml");

const concord = (cwd: string, ...args: string[]): Promise<Run> => run(args, { cwd });

const tmp = (): string => mkdtempSync(join(tmpdir(), "concord-report-"));

describe("concord report", () => {
  it("writes out/<id>.html by default and prints the path, the question, the equilibria and the status quo", async () => {
    const dir = tmp();
    const r = await concord(dir, "report", SMALL);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const path = join(dir, "out", "report-small.html");
    expect(r.out.split("\n")[0]).toBe(`Wrote ${path}`);
    expect(r.out).toContain("Will Northland and Southland sign a treaty");
    expect(r.out).toContain("Equilibria (states stable for everyone):\n  Nash: 2 — 8, 10\n  GMR: 3 — 2, 8, 10\n  SMR: 3 — 2, 8, 10\n  SEQ: 2 — 8, 10\n");
    expect(r.out).toContain("Today: The status quo (state 5) is not an equilibrium under any concept computed");
    expect(r.out).toContain("- state 8 (equilibrium under Nash, GMR, SMR, SEQ), 2 moves: sign in direct talks, then\n  agree to a treaty");
    expect(r.out).toContain("- Northland's draft treaty: awaiting Southland for 60 days");
    expect(r.out).toContain("- Keep the truce on the River Road: term ends 2024-07-01; notice by 2024-06-01");
    expect(r.out).toContain("7 record entries, 3 sources, 1 contradiction.");
    const html = readFileSync(path, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(readdirSync(join(dir, "out"))).toEqual(["report-small.html"]);
    // Same input, same bytes.
    await concord(dir, "report", SMALL);
    expect(readFileSync(path, "utf8")).toBe(html);
  });

  it("writes Markdown with its pictures beside it, to the path given", async () => {
    const dir = tmp();
    const r = await concord(dir, "report", SMALL, "--format", "md", "-o", "deep/er/talks.md");
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "deep/er")).sort()).toEqual(["talks-moves.svg", "talks-paths.svg", "talks-timeline.svg", "talks.md"]);
    for (const name of ["talks-moves.svg", "talks-paths.svg", "talks-timeline.svg"]) expect(readFileSync(join(dir, "deep/er/talks.md"), "utf8")).toContain(`](${name})`);
  });

  it("says in the brief on top what changed since a day, with --since", async () => {
    const dir = tmp();
    expect((await concord(dir, "report", SMALL, "--format", "md", "-o", "r.md", "--since", "2024-01-15")).code).toBe(0);
    const text = readFileSync(join(dir, "r.md"), "utf8");
    expect(text).toContain("### What changed since 15 January 2024");
    expect(text).toContain("Since 15 January 2024 the record has four events, one document and two statements more.");
    expect((await concord(dir, "report", SMALL, "--since", "2025-01-01", "-o", "x.html")).code).toBe(2);
  });

  it("with --json, says what it wrote", async () => {
    const dir = tmp();
    const r = await concord(dir, "report", SMALL, "--format", "md", "-o", "talks.md", "--json");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(JSON.parse(r.out)).toEqual({
      ok: true,
      value: { report: join(dir, "talks.md"), files: ["talks.md", "talks-paths.svg", "talks-timeline.svg", "talks-moves.svg"].map((f) => join(dir, f)), format: "md", title: expect.any(String) },
    });
  });

  it("reports on a record without a model, a model without a record, and a .gmcr file", async () => {
    const dir = tmp();
    const record = await concord(dir, "report", join(ROOT, "docs/examples/record-armenia-azerbaijan.yaml"), "-o", "r.html");
    expect(record.code).toBe(0);
    const elmira = await concord(dir, "report", join(ROOT, "scenarios/elmira.yaml"), "-o", "e.html");
    expect(elmira).toMatchObject({ code: 0, err: "" });
    expect(elmira.out).toContain("no record entries");
    const gmcr = await concord(dir, "report", join(ROOT, "test/gmcr/prisoners-dilemma.gmcr"), "-o", "g.md", "--format", "md");
    expect(gmcr).toMatchObject({ code: 0, err: "" });
    expect(gmcr.out).toContain("The model gives no status quo.");
    expect(existsSync(join(dir, "g.md"))).toBe(true);
  });

  it("refuses a bad file with exit code 2, no stack trace and nothing written", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "bad.yaml"), "concord: 1\nid: bad\ntitle: Bad\nevents:\n  - { id: e, title: E, kind: meeting, date: 2023-13-01, sources: [nope] }\n");
    const r = await concord(dir, "report", "bad.yaml");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^bad\.yaml:5:/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(await concord(dir, "report", "missing.yaml")).toMatchObject({ code: 2, err: "missing.yaml: cannot read the file: no such file or folder\n" });
    expect(await concord(dir, "report", SMALL, "--as-of", "2024-13")).toMatchObject({ code: 2, out: "" });
    expect((await concord(dir, "report", SMALL, "--format", "pdf")).code).toBe(2);
    expect(await concord(dir, "report", SMALL, "-o", "bad.yaml/r.html")).toMatchObject({ code: 2, out: "" });
    expect(readdirSync(dir)).toEqual(["bad.yaml"]);
  });
});

describe("the summary after a report (issue 9, honest summaries)", () => {
  // Just the fields summary() reads: four equilibria within reach, the one held under every concept the farthest.
  const reach = (concept: string, states: readonly [number, number][]) => ({
    concept,
    equilibria: states.map(([state, distance]) => ({ state, distance, path: [{ by: "A", changes: [{ taken: true, label: `to ${state}` }] }] })),
  });
  const data = {
    title: "T",
    question: "Q",
    brief: { bottomLine: [] },
    analysis: {
      statusQuo: { reading: "r", reachable: [reach("nash", [[9, 3]]), reach("gmr", [[2, 1], [3, 1], [4, 2], [5, 2], [6, 2], [9, 3]]), reach("smr", [[9, 3]]), reach("seq", [[9, 3]])] },
      concepts: [],
    },
    timeline: [],
    sources: [],
    contradictions: [],
  } as unknown as ReportData;

  it("says how many equilibria are within reach, lists the one under the most concepts first, and counts what it leaves out", () => {
    const text = summary(data, "out/t.html");
    expect(text).toContain("Where the conflict can go from here: 6 equilibria within reach, by moves that each\nimprove the mover's position (the 5 held under the most concepts):\n- state 9 (equilibrium under Nash, GMR, SMR, SEQ), 3 moves");
    expect(text).toContain("- state 5 (equilibrium under GMR), 2 moves: to 5\n- … and 1 more\n");
  });
});
