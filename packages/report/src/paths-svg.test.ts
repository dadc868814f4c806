// The picture of paths on the seed: today, where moves lead and the three treaties as
// they would settle, one arrow each; the arrows to the treaties are blocked, labelled with
// who would rather not and by which priority; boxes do not overlap and their lines fit;
// the same SVG every time.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "@concord/core";
import { briefData } from "./brief/brief-data.js";
import { textWidth } from "./palette.js";
import { compress, pathsSvg } from "./paths-svg.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const file = "scenarios/armenia-azerbaijan-2023.yaml";
const loaded = loadScenario(readFileSync(ROOT + file, "utf8"), { file });
if (!loaded.ok) throw new Error("the seed does not load");
const b = briefData(loaded.value);
const g = b.paths!;

describe("the picture of paths", () => {
  it("draws today and the outcomes, one arrow each, the blocked ones marked with who and which priority", () => {
    const { nodes, steps } = compress(g);
    expect(nodes.map((n) => n.title)).toEqual(expect.arrayContaining(["Today", "Where moves lead", ...b.targets.map((t) => t.label)]));
    expect(nodes).toHaveLength(5);
    expect(steps.map((s) => [s.blocked, s.blocker ?? s.movers.join(", "), s.priority ?? null, s.estimate])).toEqual([
      [false, "Azerbaijan, Russia", null, false],
      [true, "Azerbaijan", 3, true],
      [true, "Azerbaijan", 3, true],
      [true, "Armenia", 6, true],
    ]);
    // Each arrow ends where the brief says the outcome settles.
    for (const t of b.targets) expect(steps.some((s) => s.to === t.end.state)).toBe(true);
  });

  it("labels blocked arrows, keeps boxes apart and lines inside them, and is the same every time", async () => {
    const svg = (await pathsSvg(g))!;
    expect(svg).toContain(">✕ Azerbaijan would rather</text>");
    expect(svg).toMatch(/its third priority, an/);
    expect(svg).toMatch(/aria-label="Paths from today[^"]*blocked steps: Azerbaijan would rather not/);
    const boxes = [...svg.matchAll(/<g class="pg-node" data-state="(\d+)"><title>[^<]*<\/title><rect class="[^"]*" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="5"\/>(.*?)<\/g>/g)].map((m) => ({
      x: Number(m[2]), y: Number(m[3]), w: Number(m[4]), h: Number(m[5]), body: m[6]!,
    }));
    expect(boxes).toHaveLength(5);
    for (let i = 0; i < boxes.length; i++) {
      const p = boxes[i]!;
      for (const t of p.body.matchAll(/<text[^>]* x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)) {
        const bold = t[0].includes('font-weight="bold"');
        expect(Number(t[1]) + textWidth(t[3]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&"), 11, bold)).toBeLessThanOrEqual(p.x + p.w + 0.5);
        expect(Number(t[2])).toBeLessThanOrEqual(p.y + p.h);
      }
      for (const q of boxes.slice(i + 1)) expect(p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y).toBe(true);
    }
    expect(await pathsSvg(g)).toBe(svg);
  });
});
