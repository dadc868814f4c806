// Large models (issue 9, "Large models"): no crash, text lists cut with a count, a
// compact --json form, progress only on a terminal. A generated model of 16,384 states
// stands for the 250,000-state ones (same code paths, above every threshold but speed).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expandRanges, type AnalyzeResult, type CompactAnalyzeResult, type CompactStatesResult, type StatesResult } from "@concord/app";
import { concord } from "../../../../test/fixtures/concord.js";
import { writeLargeModel } from "../../../../test/fixtures/large-model.js";
import { memoryIo } from "../io.js";
import { progress } from "../progress.js";
import { renderTable, writeTable } from "../table.js";

let file: string;
beforeAll(() => {
  file = writeLargeModel(mkdtempSync(join(tmpdir(), "concord-large-")));
});

function value<T>(out: string): T {
  const envelope = JSON.parse(out) as { ok: boolean; value: T };
  expect(envelope.ok).toBe(true);
  return envelope.value;
}

describe("concord on a large model", () => {
  it("renders a table of 260,000 rows (Math.max(...cells) overflowed the stack)", () => {
    const rows = Array.from({ length: 260_000 }, (_, k) => [String(k + 1), "Y"]);
    expect(renderTable([["state", "x"]], rows).split("\n")).toHaveLength(260_003);
  });

  it("writes a table of two million generated rows in bounded chunks (one string of it would exceed V8's limit at scale)", () => {
    let rows = 0;
    let largest = 0;
    let last = "";
    const gen = function* (): Generator<string[]> {
      for (let k = 1; k <= 2_000_000; k++) yield [String(k), k % 3 ? "Y" : "N"];
    };
    writeTable((chunk) => {
      rows += chunk.split("\n").length - 1;
      largest = Math.max(largest, chunk.length);
      last = chunk;
    }, [["state", "x"]], gen);
    expect(rows).toBe(2_000_002);
    expect(largest).toBeLessThan(70_000);
    expect(last.endsWith("2000000  Y\n")).toBe(true);
  });

  it("states: lists 200 states then says how many more, and the compact JSON carries every state", async () => {
    const r = await concord(["states", file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("\n… and 16,184 more; --all to list them\n16,384 feasible states");
    expect(r.out.split("\n").length).toBeLessThan(210);
    const compactText = (await concord(["states", file, "--json"])).out;
    const compact = value<CompactStatesResult>(compactText);
    expect(compact).toMatchObject({ form: "compact", stateCount: 16_384 });
    expect(compact.values[0]).toBe("N".repeat(14));
    const fullText = (await concord(["states", file, "--json", "--all"])).out;
    const full = value<StatesResult>(fullText);
    // The size is the point (the 192 MB): here 0.5 MB against 8.5 MB.
    expect(compactText.length).toBeLessThan(fullText.length / 10);
    expect(full.states).toHaveLength(16_384);
    expect(compact.rank.dm3![16_383]).toBe(full.states[16_383]!.rank.dm3);
  });

  it("analyze: at most 200 rows, equilibria under the most concepts first, number lists cut with a count; compact JSON = full JSON", async () => {
    const r = await concord(["analyze", file]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n").length).toBeLessThan(230);
    expect(r.out).toMatch(/\n {2}GMR: [\d,]+ states — .*, … and [\d,]+ more; --all to list them\n/);
    const rows = r.out.split("\n").filter((l) => /^\d+\*? /.test(l)).map((l) => l.split(/ {2,}/).at(-1)!.split(" ").length);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual([...rows].sort((a, b) => b - a));
    const compactText = (await concord(["analyze", file, "--json"])).out;
    const compact = value<CompactAnalyzeResult>(compactText);
    expect(compact.form).toBe("compact");
    const fullText = (await concord(["analyze", file, "--json", "--all"])).out;
    const full = value<AnalyzeResult>(fullText);
    // Here 0.2 MB against 10 MB.
    expect(compactText.length).toBeLessThan(fullText.length / 20);
    expect(full.states).toHaveLength(16_384);
    for (const c of full.concepts) {
      expect(expandRanges(compact.equilibria[c]!)).toEqual(full.equilibria[c]);
      expect(expandRanges(compact.stability[c]!.dm2!)).toEqual(full.stability[c]!.dm2);
    }
  });
});

describe("progress", () => {
  it("shows on a terminal's standard error after the delay, and clears its line", async () => {
    const io = memoryIo({ cwd: ".", isTTY: true });
    const stop = progress(io, "Analysing", 5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    stop();
    expect(io.err().startsWith("\rAnalysing… 0 s")).toBe(true);
    expect(io.err()).toMatch(/\r {10,}\r$/);
    expect(io.out()).toBe("");
  });
  it("stays silent when standard error is not a terminal, or the work ends first", async () => {
    const pipe = memoryIo({ cwd: "." });
    const stop = progress(pipe, "Analysing", 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(pipe.err()).toBe("");
    const quick = memoryIo({ cwd: ".", isTTY: true });
    progress(quick, "Analysing", 1000)();
    expect(quick.err()).toBe("");
  });
});
