// The streaming JSON writer: the same bytes as JSON.stringify for any JSON data, and
// chunks of bounded size however large the output (JSON.stringify of a large result
// threw `Invalid string length`; no huge model is needed to see that it can no longer).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateModel } from "@concord/core";
import { analysisJson, analyze, analyzeView, compactAnalysis, compactAnalysisJson, compactStates, compactStatesJson, lazyList, states, statesJson, statesView, writeJson } from "./index.js";

const written = (value: unknown, indent: number): string => {
  let out = "";
  writeJson((chunk) => (out += chunk), value, indent);
  return out;
};

describe("writeJson", () => {
  it("writes exactly what JSON.stringify writes, indented or on one line", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (v, indent) => {
        expect(written(v, indent)).toBe(indent ? JSON.stringify(v, null, indent) : JSON.stringify(v));
      }),
      { numRuns: 300 },
    );
  });

  it("drops undefined properties, writes undefined array items as null, and lazy lists as arrays", () => {
    const v = { a: undefined, b: [undefined, 1], c: lazyList(() => [{ x: [1, 2] }, 3]), d: lazyList(() => []), e: {} };
    const plain = { b: [undefined, 1], c: [{ x: [1, 2] }, 3], d: [], e: {} };
    expect(written(v, 2)).toBe(JSON.stringify(plain, null, 2));
    expect(written(v, 0)).toBe(JSON.stringify(plain));
  });

  it("hands a list of two million items to the sink in bounded chunks, never as one string", () => {
    let total = 0;
    let largest = 0;
    let chunks = 0;
    const items = function* (): Generator<{ id: number; values: string }> {
      for (let k = 1; k <= 2_000_000; k++) yield { id: k, values: "YNYNYNYNYNYN" };
    };
    writeJson((chunk) => {
      total += chunk.length;
      largest = Math.max(largest, chunk.length);
      chunks++;
    }, { ok: true, value: { states: lazyList(items) } }, 2);
    expect(total).toBeGreaterThan(100_000_000);
    expect(largest).toBeLessThan(70_000);
    expect(chunks).toBeGreaterThan(1000);
  });
});

describe("the analysis's streamed JSON", () => {
  const doc = generateModel({ decisionMakers: 3, options: [3, 2, 3], statements: 4, oneWay: 0.2, seed: 5 });

  it("is byte for byte the plain result's JSON, full and compact, and under a target", async () => {
    for (const options of [{}, { target: doc.model!.decisionMakers[0]!.options[0]!.id }]) {
      const plain = await analyze({ text: JSON.stringify(doc), file: "generated.json" }, options);
      const view = await analyzeView({ text: JSON.stringify(doc), file: "generated.json" }, options);
      if (!plain.ok || !view.ok) throw new Error("the generated model did not load");
      expect(written(analysisJson(view.value), 2)).toBe(JSON.stringify(plain.value, null, 2));
      if (!options.target) expect(written(compactAnalysisJson(view.value), 0)).toBe(JSON.stringify(compactAnalysis(plain.value)));
    }
  });

  it("of the states, too: byte for byte, full and compact, and under a target, with and without alternatives", () => {
    const withAlternatives = generateModel({ decisionMakers: 3, options: [3, 2, 2], statements: 4, alternatives: 0.5, seed: 8 });
    const cases = [doc, withAlternatives].flatMap((d) => [{ d, options: {} }, { d, options: { target: doc.model!.decisionMakers[1]!.options[0]!.id } }]);
    for (const { d, options } of cases) {
      const plain = states({ text: JSON.stringify(d), file: "generated.json" }, options);
      const view = statesView({ text: JSON.stringify(d), file: "generated.json" }, options);
      if (!plain.ok || !view.ok) throw new Error("the generated model did not load");
      expect(written(statesJson(view.value), 2)).toBe(JSON.stringify(plain.value, null, 2));
      if (!options.target) expect(written(compactStatesJson(view.value), 0)).toBe(JSON.stringify(compactStates(plain.value)));
    }
  });
});
