// The rendered report: the HTML page is self-contained, valid (html-validate), escapes
// the scenario's text and links every citation to a source that is listed; the
// Markdown links its pictures and sources; the timeline chart has one mark per entry
// in date order; the same input gives the same bytes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { loadScenario, type Loaded } from "@concord/core";
import { buildBrief, buildReport, escapeMarkdown, reportData, timelineSvg } from "./index.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

function load(path: string): Loaded {
  const r = loadScenario(readFileSync(ROOT + path, "utf8"), { file: path });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

// "long-title" is advice for search engines: a scenario's title is the user's to choose.
const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });

const FILES = [
  "scenarios/armenia-azerbaijan-2023.yaml",
  "test/fixtures/report-small.yaml",
  "docs/examples/record-armenia-azerbaijan.yaml",
  "scenarios/elmira.yaml",
  "scenarios/examples/getting-started.yaml",
  "test/gmcr/three-party.gmcr",
];

describe("the HTML report", () => {
  it.each(FILES)("is valid HTML, self-contained, and every citation points to a listed source (%s)", async (file) => {
    const loaded = load(file);
    const { text: html, data } = await buildReport(loaded, "html");
    const result = await validator.validateString(html);
    expect(result.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\((?!#)/i);
    const urls = new Set(data.sources.flatMap((s) => (s.url !== undefined ? [s.url] : [])));
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
    for (const h of hrefs) {
      if (h.startsWith("#")) expect(ids.has(h.slice(1)), h).toBe(true);
      else expect(urls.has(h), h).toBe(true);
    }
    // Every source a citation names is in the list, with its number.
    for (const m of html.matchAll(/<a class="cite" href="#src-([^"]+)" title="[^"]*">\[(\d+)\]<\/a>/g)) {
      expect(data.sources.find((s) => s.id === m[1])?.n).toBe(Number(m[2]));
    }
    if (data.analysis) expect(html).toContain('id="equilibria"');
    if (data.timeline.length) expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart"');
  });

  it("has the sections in order, a cite on every record entry, and the scenario's text escaped", async () => {
    const { text: html, data } = await buildReport(load("test/fixtures/report-small.yaml"), "html");
    // The brief first, then the process, the model, the analysis for specialists, the sources.
    const order = ['brief" class="brief', "process", "question", "actors", "timeline", "waiting", "contradictions", "model", "analysis", "equilibria", "status-quo", "sources"].map((id) => html.indexOf(`<section id="${id}">`));
    expect(order.map((x, i) => x > 0 && (i === 0 || x > order[i - 1]!))).toEqual(order.map(() => true));
    for (const t of data.timeline) {
      const row = new RegExp(`<tr id="rec-${t.id}">.*?</tr>`).exec(html)![0];
      for (const c of t.cites) expect(row).toContain(`href="#src-${c.source}"`);
    }
    expect(html).toContain('<a class="ext" href="https://example.org/gazette/talks?id=1&amp;lang=en"');
    expect(html).toContain("<h1>Talks over the River Road (fictional) &lt;draft &amp; &quot;test&quot;&gt;</h1>");
    expect(html).toContain("Wire story &lt;breaking&gt;");
    expect(html).not.toContain("<breaking>");
    expect(html).not.toContain("<soon>");
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="move-graph"');
    // The shelf mark is not a web address: shown, not linked.
    expect(html).toMatch(/>Archive note, box 7\. City archive \(invented\), 2024\. shelf 7, folder 3\./);
  });

  it("says an explanation once for the concepts it holds under", async () => {
    const { text: html } = await buildReport(load("scenarios/examples/getting-started.yaml"), "html");
    const neighbour = /<summary>Neighbour <span class="muted">\(ranks the status quo \d+ of \d+; stable under every concept\)<\/span><\/summary><ul>(.*?)<\/ul>/s.exec(html)![1]!;
    expect(neighbour.match(/<li>/g)).toHaveLength(1);
    expect(neighbour).toContain('<strong>Nash, GMR, SMR, SEQ:</strong> <span class="stable">stable</span>');
    expect(html).toContain("No one can improve its position by moving alone from the status quo, so it stands alone.");
  });

  it("is the same bytes for the same input, with a date only when one is passed in", async () => {
    const a = await buildReport(load("test/fixtures/report-small.yaml"), "html");
    const b = await buildReport(load("test/fixtures/report-small.yaml"), "html");
    expect(b.text).toBe(a.text);
    expect(a.text).not.toMatch(/generated/i);
    const c = await buildReport(load("test/fixtures/report-small.yaml"), "html", { generated: "2024-07-01" });
    expect(c.text).toContain("generated 2024-07-01");
  });
});

describe("the brief on its own", () => {
  it("is a valid, self-contained page whose links go to its sources, their addresses or the full report", async () => {
    const { text: html, data } = await buildBrief(load("scenarios/armenia-azerbaijan-2023.yaml"), "html", { reportHref: "seed.html" });
    const result = await validator.validateString(html);
    expect(result.results.flatMap((x) => x.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
    expect(html).not.toMatch(/<script|\ssrc=|<link\b/i);
    const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
    const urls = new Set(data.sources.flatMap((s) => (s.url !== undefined ? [s.url] : [])));
    for (const m of html.matchAll(/href="([^"]*)"/g)) {
      const h = m[1]!.replace(/&amp;/g, "&");
      if (h.startsWith("#")) expect(ids.has(h.slice(1)), h).toBe(true);
      else if (!h.startsWith("seed.html#") && h !== "seed.html") expect(urls.has(h), h).toBe(true);
    }
    // Every source a sentence cites is listed, under its number in the full report.
    for (const m of html.matchAll(/<a href="#src-([^"]+)" title="[^"]*">(\d+)<\/a>/g)) expect(data.sources.find((s) => s.id === m[1])?.n).toBe(Number(m[2]));
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="paths-graph"');
  });

  it("writes Markdown with its picture beside it", async () => {
    const r = await buildBrief(load("scenarios/armenia-azerbaijan-2023.yaml"), "md", { baseName: "seed-brief", reportHref: "seed.md" });
    expect(r.files.map((f) => f.name)).toEqual(["seed-brief-paths.svg"]);
    expect(r.text).toContain("](seed-brief-paths.svg)");
    expect(r.text).toMatch(/^## Bottom line$/m);
    for (const s of r.data.sources) expect(r.text).toContain(`<a id="src-${s.id}"></a>`);
  });
});

describe("the Markdown report", () => {
  it("links its pictures as files beside it and cites sources by anchor and address", async () => {
    const r = await buildReport(load("test/fixtures/report-small.yaml"), "md", { baseName: "talks" });
    expect(r.files.map((f) => f.name)).toEqual(["talks-paths.svg", "talks-timeline.svg", "talks-moves.svg"]);
    expect(r.text).toContain("![The record on a time axis](talks-timeline.svg)");
    expect(r.text).toContain("](talks-paths.svg)");
    // The brief comes first.
    expect(r.text.indexOf("## In brief")).toBeLessThan(r.text.indexOf("## The process"));
    expect(r.text).toContain("](talks-moves.svg)");
    for (const f of r.files) expect(f.text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(r.text).toContain('1. <a id="src-gazette"></a>**The Gazette\'s report on the talks**');
    expect(r.text).toContain("[\\[2\\]](#src-wire)[↗](<https://example.org/wire/2>)");
    // User text cannot become markup: the quote's | * < > are escaped.
    expect(r.text).toContain("“The road will reopen in July \\| \\*if\\* both sign &lt;soon&gt;.”");
    expect(r.text).not.toMatch(/<soon>|<breaking>/);
    expect((await buildReport(load("test/fixtures/report-small.yaml"), "md", { baseName: "talks" })).text).toBe(r.text);
  });

  it("escapes what Markdown could read as syntax", () => {
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
    expect(escapeMarkdown("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdown("[a](javascript:x) <b>&c | d_e_\nnext")).toBe("\\[a\\](javascript:x) &lt;b&gt;&amp;c \\| d\\_e\\_ next");
  });
});

describe("the timeline chart", () => {
  it("has one mark per entry, left to right in date order, and shows declined events as such", () => {
    const data = reportData(load("docs/examples/record-armenia-azerbaijan.yaml"));
    const svg = timelineSvg(data.timeline)!;
    const marks = [...svg.matchAll(/<g class="mark mark-(\w+)([^"]*)" data-id="([^"]+)" data-first="([\d-]+)" data-x="([\d.]+)">/g)].map((m) => ({
      type: m[1]!, cls: m[2]!, id: m[3]!, first: m[4]!, x: Number(m[5]),
    }));
    expect(marks.map((m) => m.id).sort()).toEqual(data.timeline.map((t) => t.id).sort());
    expect(marks).toHaveLength(data.timeline.length);
    const byDate = [...marks].sort((p, q) => p.first.localeCompare(q.first));
    for (let i = 1; i < byDate.length; i++) {
      const p = byDate[i - 1]!, q = byDate[i]!;
      if (q.first > p.first) expect(q.x, `${p.id} ${p.first} / ${q.id} ${q.first}`).toBeGreaterThan(p.x);
      else expect(q.x).toBe(p.x);
    }
    for (const t of data.timeline) {
      const m = marks.find((x) => x.id === t.id)!;
      expect(m.cls.includes("inactive"), t.id).toBe(t.status === "declined" || t.status === "cancelled" || t.status === "postponed");
    }
    expect(marks.filter((m) => m.cls.includes("inactive")).map((m) => m.id).sort()).toEqual(["granada-five-party", "washington-2023-11-20"]);
    // The axis names the years that have entries, on the first month it labels in each; the quiet
    // stretches (December 2020 to December 2022, February to August 2023) shrink to break marks.
    for (const y of ["2020", "2023"]) expect(svg).toMatch(new RegExp(`>[A-Z][a-z]{2} ${y}</text>`));
    for (const y of ["2021", "2022"]) expect(svg).not.toMatch(new RegExp(`>[A-Z][a-z]{2} ${y}</text>`));
    expect(svg.match(/class="break"/g)).toHaveLength(2);
  });

  it("is absent when nothing is dated", () => {
    expect(timelineSvg([])).toBeUndefined();
  });
});
