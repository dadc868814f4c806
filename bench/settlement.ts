/**
 * Settlement speed (issue 15): the Pareto frontier and both bargaining solutions over
 * 10 issues × 4 alternatives (1,048,576 packages), 3 parties; target ≤ 2 s.
 *   node --import tsx bench/settlement.ts
 * Through the application layer, as a user gets it: each instance is a scenario document
 * with a settlement section (no model, so stability is not checked), opened once; what is
 * timed is the settle use case on it (frontier, both solutions, the packages' words).
 * Prints one JSON line per instance. Utilities are random integers from a fixed seed:
 * "independent" draws each party's utilities separately; "opposed" makes the first two
 * parties want opposite things on every issue (a larger frontier, as in a real dispute);
 * "three-way" opposes all three. Each instance runs 5 times: the minimum is the figure.
 * Last, without a target, the worst case: the first two parties exactly opposed with
 * real-valued utilities, so nearly every package is on the frontier (8 issues × 4).
 * For `npm run bench`: the first run is a warm-up; the median of the other four is the figure.
 */
import { performance } from "node:perf_hooks";
import { openScenario, rng, settle, type ScenarioInput } from "@concord/app";
import { emit, timingOf } from "./figures.js";

type Kind = "independent" | "opposed" | "three-way" | "zero-sum";

/** A scenario document (JSON) whose settlement section is the instance. */
function instance(kind: Kind, issues: number, alts: number, seed: number): string {
  const next = rng(seed);
  const int = (n: number): number => Math.floor(next() * n);
  const parties = ["a", "b", "c"].map((id) => ({ id }));
  const list = Array.from({ length: issues }, (_, i) => ({ id: `i${i}`, alternatives: Array.from({ length: alts }, (_, a) => ({ id: `x${a}` })) }));
  const value = (p: number, i: number, a: number): number => {
    const w = 1 + ((i * 7 + p * 3) % 10); // issue weight per party
    const pos = a / (alts - 1); // how far the alternative goes towards the first party's side
    const noise = int(5);
    if (kind === "independent") return int(100);
    if (kind === "zero-sum") return p === 2 ? next() * 100 : p === 0 ? ((i * 37 + a * 11) % 17) + next() : 0;
    if (kind === "opposed") return p === 0 ? Math.round(w * pos * 10) + noise : p === 1 ? Math.round(w * (1 - pos) * 10) + noise : int(100);
    const peak = p / 2; // three-way: each party's favourite alternative sits elsewhere
    return Math.round(w * (1 - Math.abs(pos - peak)) * 10) + noise;
  };
  const drawn = Object.fromEntries(parties.map((p, pi) => [p.id, Object.fromEntries(list.map((is, i) => [is.id, Object.fromEntries(is.alternatives.map((x, a) => [x.id, value(pi, i, a)]))]))]));
  // Zero-sum: the second party gets exactly what the first gives up on each issue.
  const utilities = kind !== "zero-sum" ? drawn : { ...drawn, b: Object.fromEntries(list.map((is) => [is.id, Object.fromEntries(is.alternatives.map((x) => [x.id, 20 - drawn.a![is.id]![x.id]!]))])) };
  // No agreement: each party's average package.
  const disagreement = Object.fromEntries(parties.map((p) => [p.id, list.reduce((s, is) => s + Object.values(utilities[p.id]![is.id]!).reduce((x, y) => x + y, 0) / alts, 0)]));
  return JSON.stringify({
    concord: 1,
    id: `bench-${kind}`,
    title: `Settlement bench (${kind})`,
    actors: parties.map((p) => ({ id: p.id, name: p.id.toUpperCase() })),
    settlement: {
      parties: parties.map((p) => p.id),
      issues: list,
      valuations: Object.fromEntries(parties.map((p) => [p.id, { estimate: true, utilities: utilities[p.id] }])),
      disagreement: { values: disagreement },
    },
  });
}

function opened(text: string, kind: Kind): ScenarioInput {
  const r = openScenario({ text, file: `bench-${kind}.json` });
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.value;
}

for (const kind of ["independent", "opposed", "three-way", "zero-sum"] as const) {
  const issues = kind === "zero-sum" ? 8 : 10;
  const input = opened(instance(kind, issues, 4, 15), kind);
  const times: number[] = [];
  let out: { frontier: number; acceptable: number; nash: number[] | null; ks: number[] | null } | undefined;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const r = await settle(input, { maxPackagesPerPoint: 1 });
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    const v = r.value;
    const inOrder = (u: Readonly<Record<string, number>> | undefined): number[] | null => (u ? v.parties.map((p) => u[p.id]!) : null);
    out = { frontier: v.frontier.length, acceptable: v.frontier.filter((f) => f.acceptable).length, nash: inOrder(v.nash?.utilities), ks: inOrder(v.kalaiSmorodinsky?.utilities) };
  }
  const ms = Math.min(...times);
  const target = kind === "zero-sum" ? {} : { targetMs: 2000, meets: ms <= 2000 };
  const timing = timingOf(times, 1);
  emit({ issue: 15, name: `frontier and both bargaining solutions, ${(4 ** issues).toLocaleString("en")} packages, 3 parties (${kind})`, unit: "ms", value: timing.median, timing, ...(kind === "zero-sum" ? { note: "the worst case, without a target" } : { target: { atMost: 2000 } }) });
  console.log(JSON.stringify({ kind: `settlement-${kind}`, packages: 4 ** issues, parties: 3, ...out, ms: Math.round(ms), ...target }));
}
