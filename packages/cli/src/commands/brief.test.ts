// `concord brief`, run as a user runs it, in this process: main(argv, io). The PDF
// case needs Chromium: it is skipped where /usr/bin/chromium is absent, except in CI.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pdfPageCount } from "@concord/node";
import { main, memoryIo } from "../main.js";
import { concord as run, ROOT, type Run } from "../../../../test/fixtures/concord.js";

const SMALL = join(ROOT, "test/fixtures/report-small.yaml");
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(ROOT, "test-artifacts");

const concord = (cwd: string, ...args: string[]): Promise<Run> => run(args, { cwd });
const tmp = (): string => mkdtempSync(join(tmpdir(), "concord-brief-"));

describe("concord brief", () => {
  it("writes -o - through the one output writer, as report -o - does: bytes as they are into a pipe, control characters escaped on a terminal", async () => {
    const cwd = tmp();
    const file = join(cwd, "bell.yaml");
    writeFileSync(file, readFileSync(SMALL, "utf8").replace(/^title: .*$/m, 'title: "Bell\\a talks"'));
    const piped = await concord(cwd, "brief", file, "-o", "-");
    expect(piped.code).toBe(0);
    expect(piped.out.split("\n")[0]).toBe("Bell\u0007 talks");
    const io = memoryIo({ cwd, isTTY: true, columns: 80 });
    expect(await main(["brief", file, "-o", "-"], io)).toBe(0);
    expect(io.out().split("\n")[0]).toBe("Bell\\u0007 talks");
  });

  it("prints the brief for the terminal, the bottom line first, wrapped to the terminal's width, with its sources", async () => {
    const io = memoryIo({ cwd: tmp(), isTTY: true, columns: 60 });
    expect(await main(["brief", SMALL], io)).toBe(0);
    expect(io.err()).toBe("");
    const lines = io.out().split("\n");
    expect(lines.slice(0, 4)).toEqual(["Talks over the River Road (fictional) <draft & \"test\">", "A Concord brief · as of 30 June 2024", "", "BOTTOM LINE"]);
    expect(lines[4]).toMatch(/^- Today \(30 June 2024\), Southland: insist on direct talks\./);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    const text = io.out();
    for (const heading of ["WHAT TO EXPECT NEXT", "WHO HOLDS WHAT", "WHO IS WAITING ON WHOM", "DEADLINES", "HOW THIS WAS WORKED OUT", "SOURCES"]) expect(text).toContain(`\n${heading}\n`);
    expect(text.indexOf("BOTTOM LINE")).toBeLessThan(text.indexOf("WHAT TO EXPECT NEXT"));
    // Citations are the sources' numbers, listed at the end.
    expect(text).toMatch(/\[1, 2\]/);
    expect(text).toContain("[1] A. Writer, The Gazette (invented), 2 May 2024:");
    expect(text).toContain("The full report: concord report");
    // Who holds what: each outcome by how it differs from today.
    expect(text.replace(/\n\s*/g, " ")).toContain("- Today — would not hold: insist on direct talks. - Where moves lead — would hold: sign in direct talks; agree to a treaty.");
    expect(text).not.toMatch(/\bstate \d|\bNash\b|\bGMR\b/);
    // Without a terminal it wraps at 80 columns; $COLUMNS wins; very wide terminals stop at 100.
    const piped = await concord(tmp(), "brief", SMALL);
    expect(Math.max(...piped.out.split("\n").filter((l) => !l.includes("<http")).map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const wide = memoryIo({ cwd: tmp(), isTTY: true, columns: 300 });
    await main(["brief", SMALL], wide);
    expect(Math.max(...wide.out().split("\n").map((l) => [...l].length))).toBeLessThanOrEqual(100);
    expect(Math.max(...wide.out().split("\n").map((l) => [...l].length))).toBeGreaterThan(80);
  });

  it("says what changed since a day, and refuses a day that is not before the record's", async () => {
    const dir = tmp();
    const r = await concord(dir, "brief", SMALL, "--since", "2024-01-15");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("\nWHAT CHANGED SINCE 15 JANUARY 2024\n");
    const flat = r.out.replace(/\n\s*/g, " ");
    expect(flat).toContain("- Since 15 January 2024 the record has four events, one document and two statements more.");
    expect(flat).toContain("The analysis answer has not moved: run on the scenario as recorded on 15 January 2024 and as recorded now");
    expect(await concord(dir, "brief", SMALL, "--since", "2024-07-01")).toMatchObject({ code: 2, out: "", err: '--since: expected a day before the record\'s day (2024-06-30), found "2024-07-01"\n' });
    const asOf = await concord(dir, "brief", SMALL, "--as-of", "2024-05-15");
    expect(asOf.out).toContain("A Concord brief · as of 15 May 2024");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("prints the brief's data with --json", async () => {
    const r = await concord(tmp(), "brief", SMALL, "--json", "--since", "2024-01");
    expect(r).toMatchObject({ code: 0, err: "" });
    const envelope = JSON.parse(r.out) as { ok: boolean; value: { id: string; asOf: string; bottomLine: { text: string }[]; since: { since: string }; sources: { n: number }[] } };
    expect(envelope.ok).toBe(true);
    const data = envelope.value;
    expect(data.id).toBe("report-small");
    expect(data.asOf).toBe("2024-06-30");
    expect(data.bottomLine.length).toBeGreaterThanOrEqual(3);
    expect(data.since.since).toBe("31 January 2024");
    expect(data.sources.map((s) => s.n)).toEqual([1, 2, 3]);
  });

  it("writes HTML and Markdown files whole, the format from --format or the file's name, and says where", async () => {
    const dir = tmp();
    const html = await concord(dir, "brief", SMALL, "--format", "html");
    expect(html).toMatchObject({ code: 0, err: "" });
    const path = join(dir, "out", "report-small-brief.html");
    expect(html.out.split("\n")[0]).toBe(`Wrote ${path}`);
    expect(html.out).toContain("In brief:\n- Today (30 June 2024)");
    const page = readFileSync(path, "utf8");
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain("@media print");
    // Its links to the full report go where `concord report` writes it.
    expect(page).toContain('href="report-small.html#process"');
    const md = await concord(dir, "brief", SMALL, "-o", "deep/talks.md");
    expect(md.code).toBe(0);
    expect(readdirSync(join(dir, "deep")).sort()).toEqual(["talks-paths.svg", "talks.md"]);
    const text = readFileSync(join(dir, "deep/talks.md"), "utf8");
    expect(text).toContain("](talks-paths.svg)");
    expect(text).toContain("](../out/report-small.html#process)");
    // To standard output: the document itself, without pictures beside it.
    const out = await concord(dir, "brief", SMALL, "--format", "md", "-o", "-");
    expect(out.out.startsWith("# Talks over the River Road")).toBe(true);
    expect(out.out).not.toContain(".svg)");
    expect(readdirSync(dir).sort()).toEqual(["deep", "out"]);
  });

  it("uses the embedded seed scenario without a file", async () => {
    const r = await concord(tmp(), "brief");
    expect(r).toMatchObject({ code: 0, err: "" });
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^Armenia–Azerbaijan peace treaty/);
    // The bottom line starts on the first screen: within the first few lines.
    expect(lines.indexOf("BOTTOM LINE")).toBeLessThan(5);
    expect(r.out).toContain("The full report: concord report\n");
    // The seed's settlement section (issue 15): the package that shares the gains most evenly, and that it would hold.
    expect(r.out).toContain("\nPACKAGES BOTH SIDES COULD ACCEPT, AND WHICH WOULD HOLD\n");
    expect(r.out.replace(/\s+/g, " ")).toContain(
      "The package that shares the gains most evenly: Where the treaty is signed: bilaterally, without mediators; Transit to Nakhchivan: under Armenian sovereignty and customs; Military pressure on the border: renounced. It would hold.",
    );
  });

  it("says who holds what for an option with alternatives by the alternative chosen, not by the option's name", async () => {
    const r = await concord(tmp(), "brief", join(ROOT, "scenarios/examples/transit.yaml"));
    expect(r.code).toBe(0);
    const held = r.out.slice(r.out.indexOf("WHO HOLDS WHAT"), r.out.indexOf("WHO IS WAITING")).replace(/\s+/g, " ");
    // Today the road's regime is at its first alternative (none agreed): nothing is taken.
    expect(held).toContain("Today — would not hold: no party has taken any of its choices.");
    expect(held).toContain("Where moves lead — would hold: Transit regime for the road: with third-party monitoring; Open the road.");
  });

  it("refuses bad options with exit code 2, one line each, nothing written", async () => {
    const dir = tmp();
    expect(await concord(dir, "brief", SMALL, "-o", "brief.docx")).toMatchObject({ code: 2, out: "", err: '--output: cannot tell the format from "brief.docx": end the name in .md, .html, .pdf or .txt, or give --format\n' });
    // With --json the refusal is JSON too, in the envelope.
    const json = await concord(dir, "brief", SMALL, "--json", "-o", "b.md");
    expect(json).toMatchObject({ code: 2, err: "" });
    expect(JSON.parse(json.out)).toEqual({ ok: false, problems: [{ code: "usage", path: [], message: "--json: prints the brief's data; leave out --format and --output" }] });
    expect(await concord(dir, "brief", SMALL, "--format", "pdf", "-o", "-")).toMatchObject({ code: 2, out: "", err: "--output: a PDF cannot be written to standard output: give a file name\n" });
    expect((await concord(dir, "brief", SMALL, "--format", "docx")).code).toBe(2);
    expect(await concord(dir, "brief", "missing.yaml")).toMatchObject({ code: 2, err: "missing.yaml: cannot read the file: no such file or folder\n" });
    writeFileSync(join(dir, "bad.yaml"), "concord: 1\nid: bad\ntitle: Bad\nevents:\n  - { id: e, title: E, kind: meeting, date: 2023-13-01, sources: [nope] }\n");
    const bad = await concord(dir, "brief", "bad.yaml", "--format", "html");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^bad\.yaml:5:/);
    expect(bad.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(["bad.yaml"]);
  });

  it("says how to get Chromium when it is missing, and writes no PDF", async () => {
    const dir = tmp();
    const r = await run(["brief", SMALL, "--format", "pdf"], { cwd: dir, env: { CONCORD_CHROMIUM: join(dir, "no-chromium") } });
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toBe(`--format: pdf needs Chromium, which is not at ${join(dir, "no-chromium")}: install it (apt-get install chromium) or set CONCORD_CHROMIUM to its path\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(!existsSync(CHROMIUM) && !process.env.CI)("prints the seed's brief, with what changed in its last week, to a PDF of at most two A4 pages with Chromium", async () => {
    const dir = tmp();
    // (Without --since, packages/report/src/report-browser.test.ts checks the same.)
    const r = await concord(dir, "brief", "--since", "2023-11", "-o", "brief.pdf");
    expect(r).toMatchObject({ code: 0, err: "" });
    const pdf = readFileSync(join(dir, "brief.pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
    expect(readdirSync(dir)).toEqual(["brief.pdf"]);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, "seed-brief-since.pdf"), pdf);
  }, 60_000);
});
