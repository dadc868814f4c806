// The picture of moves: which states it shows (as specified, with the cap), that each
// arrow is a legal unilateral improvement of the decision maker whose colour it has,
// and that the boxes ELK places do not overlap.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze, BASIC_CONCEPTS, legalMove, loadScenario, type Analysis, type Loaded } from "@concord/core";
import { dmClass, dmColour, layoutMoveGraph, moveGraph, moveGraphSvg, type MoveGraph } from "./index.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

function load(path: string): Loaded {
  const r = loadScenario(readFileSync(ROOT + path, "utf8"), { file: path });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

/** Shortest distances from the status quo by unilateral improvements, by plain breadth-first search over all state pairs. */
function distances(a: Analysis): Map<number, number> {
  const { space, index } = a;
  const dist = new Map<number, number>([[space.statusQuo!, 0]]);
  const queue: number[] = [space.statusQuo!];
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q]!;
    for (let t = 0; t < space.size; t++) {
      if (dist.has(t)) continue;
      for (let k = 0; k < index.dmCount; k++) {
        if (legalMove(index, k, u, t) && a.payoffs[k]!.payoff[t]! > a.payoffs[k]!.payoff[u]!) {
          dist.set(t, dist.get(u)! + 1);
          queue.push(t);
          break;
        }
      }
    }
  }
  return dist;
}

function checkEdges(a: Analysis, g: MoveGraph): void {
  const drawn = new Set(g.nodes.map((n) => n.state - 1));
  const expected: string[] = [];
  for (const u of drawn) {
    for (const t of drawn) {
      for (let k = 0; k < a.index.dmCount; k++) {
        if (legalMove(a.index, k, u, t) && a.payoffs[k]!.payoff[t]! > a.payoffs[k]!.payoff[u]!) expected.push(`${u + 1}>${t + 1}:${k}`);
      }
    }
  }
  expect(g.edges.map((e) => `${e.from}>${e.to}:${e.dm}`).sort()).toEqual(expected.sort());
}

describe("the states around the status quo", () => {
  it("holds the status quo, the states within two improvements and the reachable equilibria with their paths", () => {
    const loaded = load("test/fixtures/report-small.yaml");
    const a = analyze(loaded.space!);
    const g = moveGraph(a)!;
    const dist = distances(a);
    const eq = new Set<number>(BASIC_CONCEPTS.flatMap((c) => a.equilibria[c]!));
    const within = [...dist].filter(([, d]) => d <= 2).map(([s]) => s);
    const reachableEq = [...dist.keys()].filter((s) => eq.has(s));
    const nodes = g.nodes.map((n) => n.state - 1);
    for (const s of [...within, ...reachableEq]) expect(nodes).toContain(s);
    for (const n of g.nodes) expect(n.distance).toBe(dist.get(n.state - 1));
    // Beyond those, only states on a path to a reachable equilibrium.
    for (const n of g.nodes) if (n.distance > 2) expect(n.equilibriumUnder.length > 0 || n.distance < Math.max(...reachableEq.map((s) => dist.get(s)!))).toBe(true);
    expect(g.nodes.filter((n) => n.statusQuo).map((n) => n.state)).toEqual([5]);
    expect(g.reachableCount).toBe(dist.size);
    expect(g.equilibriaLeftOut).toEqual([]);
    checkEdges(a, g);
  });

  it("draws at most `cap` states and says which reachable equilibria it left out", () => {
    const loaded = load("scenarios/cuban-missile-crisis.yaml");
    const a = analyze(loaded.space!);
    const full = moveGraph(a)!;
    expect(full.nodes.length).toBe(8);
    const small = moveGraph(a, { cap: 3 })!;
    expect(small.nodes.length).toBeLessThanOrEqual(3);
    expect(small.nodes[0]!.statusQuo).toBe(true);
    const eqReached = full.nodes.filter((n) => n.equilibriumUnder.length > 0 && !n.statusQuo).map((n) => n.state);
    const shown = new Set(small.nodes.map((n) => n.state));
    expect([...small.equilibriaLeftOut].sort()).toEqual(eqReached.filter((s) => !shown.has(s)).sort());
    expect(small.equilibriaLeftOut.length).toBeGreaterThan(0);
    checkEdges(a, small);
  });

  it("is absent without a status quo", () => {
    expect(moveGraph(analyze(load("test/gmcr/prisoners-dilemma.gmcr").space!))).toBeUndefined();
  });
});

describe("the SVG of the moves", () => {
  const a = analyze(load("scenarios/cuban-missile-crisis.yaml").space!);
  const g = moveGraph(a)!;

  it("colours each arrow by its mover and draws boxes where ELK put them, without overlaps", async () => {
    const svg = await moveGraphSvg(g);
    const layout = await layoutMoveGraph(g);
    const rects = [...svg.matchAll(/<g class="node" data-state="(\d+)">.*?<rect class="[^"]*" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({
      state: Number(m[1]), x: Number(m[2]), y: Number(m[3]), w: Number(m[4]), h: Number(m[5]),
    }));
    expect(rects.map((r) => r.state).sort((x, y) => x - y)).toEqual(g.nodes.map((n) => n.state).sort((x, y) => x - y));
    for (const r of rects) {
      const p = layout.nodes.find((n) => n.state === r.state)!;
      expect([r.x, r.y]).toEqual([Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10]);
      expect(r.w).toBeGreaterThan(0);
    }
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const p = rects[i]!, q = rects[j]!;
        const apart = p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
        expect(apart, `${p.state} and ${q.state} overlap`).toBe(true);
      }
    }
    const edges = [...svg.matchAll(/<path class="move (dm-\d+)" data-from="(\d+)" data-to="(\d+)" data-dm="(\d+)" d="([^"]+)" fill="none"/g)];
    expect(edges).toHaveLength(g.edges.length);
    for (const [, cls, from, to, dm, d] of edges) {
      expect(cls).toBe(dmClass(Number(dm)));
      expect(legalMove(a.index, Number(dm), Number(from) - 1, Number(to) - 1)).toBe(true);
      expect(a.payoffs[Number(dm)]!.payoff[Number(to) - 1]!).toBeGreaterThan(a.payoffs[Number(dm)]!.payoff[Number(from) - 1]!);
      expect(d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
    }
    // The legend names every decision maker in its colour, in light and dark mode.
    for (const [d, name] of g.decisionMakers.entries()) {
      expect(svg).toContain(`<line class="${dmClass(d)}"`);
      expect(svg).toContain(`.move-graph .${dmClass(d)}{stroke:${dmColour(d)}}`);
      expect(svg).toContain(`move by ${name}`);
    }
    expect(svg).toMatch(/@media \(prefers-color-scheme:dark\)\{[^}]*\.move-graph \.dm-0\{stroke:#/);
  });

  it("is the same SVG every time", async () => {
    expect(await moveGraphSvg(g)).toBe(await moveGraphSvg(moveGraph(analyze(load("scenarios/cuban-missile-crisis.yaml").space!))!));
  });
});
