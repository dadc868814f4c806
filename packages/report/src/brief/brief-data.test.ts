// The brief as data. On the seed: three to five sentences in the bottom line, no state
// numbers and no solution concepts anywhere in the body, a source on every sentence,
// the estimates named; the next move, the paths to the named outcomes and where they
// settle checked against core's own analysis (analyze, statusQuoAnalysis, legal moves,
// payoffs), and the fewest blocked steps against a slow oracle, also on random models.
// "What changed since" on the seed and on an invented scenario whose observed states
// move the answer. (Reading the dates, and refusing a bad one, is the application layer's:
// packages/app/src/use-cases.test.ts.)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, asOf, asStateIndex, evaluate, generateModel, legalMove, loadScenario, movesFrom, parseDate, statusQuoAnalysis, validateDocument, type Analysis, type Loaded } from "@concord/core";
import { value } from "../../../../test/fixtures/result.js";
import { analysisFacts } from "../facts.js";
import type { BriefData, Claim } from "../types.js";
import { briefData } from "./brief-data.js";
import { leastBlockedPath } from "./paths.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const SEED = "scenarios/armenia-azerbaijan-2023.yaml";

function load(path: string): Loaded {
  const r = loadScenario(readFileSync(ROOT + path, "utf8"), { file: path });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const brief = (loaded: Loaded, options: Parameters<typeof briefData>[1] = {}): BriefData => briefData(loaded, options);

/** The last day a date can mean, as a day number. */
const day = (text: string): number => value(parseDate(text)).last;

/** Every sentence of the brief's body. */
function claims(b: BriefData): Claim[] {
  return [...b.bottomLine, ...b.next.flatMap((m) => m.claims), ...(b.nextNone ? [b.nextNone] : []), ...b.targets.map((t) => t.claim), ...b.waiting, ...b.deadlines, ...(b.since?.answer ?? []), b.method];
}

const CONCEPTS = /\b(Nash|GMR|SMR|SEQ|metarational\w*|equilibri\w*|sequential(ly)? stab\w*|limited.move|non.myopic)\b/i;
const STATE_NUMBERS = /\bstates? (no\.? ?)?\d/i;

/** The fewest moves a mover would rather not make on any way from `from` into `target`: plain relaxation, straight from the definition. */
function fewestBlocked(a: Analysis, from: number, target: (s: number) => boolean): number | undefined {
  const S = a.space.size;
  const best = new Array<number>(S).fill(Infinity);
  best[from] = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (let u = 0; u < S; u++) {
      if (best[u] === Infinity) continue;
      for (let k = 0; k < a.index.dmCount; k++) {
        for (const w of movesFrom(a.index, k, u)) {
          const c = best[u]! + (a.payoffs[k]!.payoff[w]! > a.payoffs[k]!.payoff[u]! ? 0 : 1);
          if (c < best[w]!) { best[w] = c; changed = true; }
        }
      }
    }
  }
  let min = Infinity;
  for (let s = 0; s < S; s++) if (target(s) && best[s]! < min) min = best[s]!;
  return min === Infinity ? undefined : min;
}

describe("the seed's brief", () => {
  const loaded = load(SEED);
  const a = analyze(loaded.space!);
  const b = brief(loaded, { analysis: a });

  it("opens with three to five sentences, none naming a state number or a solution concept", () => {
    expect(b.bottomLine.length).toBeGreaterThanOrEqual(3);
    expect(b.bottomLine.length).toBeLessThanOrEqual(5);
    for (const c of claims(b)) {
      expect(c.text, c.text).not.toMatch(CONCEPTS);
      expect(c.text, c.text).not.toMatch(STATE_NUMBERS);
    }
  });

  it("cites sources for every sentence, each one listed with its number in the full report", () => {
    const listed = new Map(b.sources.map((s) => [s.id, s.n]));
    for (const c of claims(b)) {
      if (c === b.method) expect(c.refs).toEqual(["process", "model", "analysis"]);
      else expect(c.cites.length, c.text).toBeGreaterThan(0);
      for (const x of c.cites) expect(listed.has(x.source), x.source).toBe(true);
    }
    expect(b.sources.map((s) => s.n)).toEqual([...b.sources.map((s) => s.n)].sort((x, y) => x - y));
  });

  it("names the estimates it rests on: the decisive one of Azerbaijan and the one that makes Russia withdraw", () => {
    const last = b.bottomLine[b.bottomLine.length - 1]!;
    expect(last.text).toMatch(/^How sure: /);
    expect(last.text).toContain("Azerbaijan's third priority");
    expect(last.text).toContain("Russia's fifth priority");
    // The anchors it gives are statements the model notes as estimates.
    const estimates = new Map(b.estimates.map((e) => [e.anchor, e]));
    expect(last.refs.length).toBeGreaterThan(0);
    for (const r of last.refs) expect(estimates.get(r)?.estimate, r).toBe(true);
    expect(b.estimates.map((e) => `${e.dmId} ${e.position}`)).toContain("Azerbaijan 3");
    // Every estimate of the model is found: each carries the mark, and its note says so.
    const dms = loaded.space!.model.decisionMakers;
    const noted = dms.flatMap((d) => (d.preference.kind === "priorities" ? d.preference.statements.filter((s) => s.estimate && /estimate/i.test(s.note ?? "")).map((s) => s.text) : []));
    expect(noted.length).toBe(19);
    expect(b.estimates.map((e) => e.text).sort()).toEqual(noted.sort());
  });

  it("expects Azerbaijan to ask the peacekeepers to leave, Russia to withdraw, and that to hold, as core's analysis says", () => {
    const top = b.next[0]!;
    const sq = loaded.space!.statusQuo!;
    expect(top.step).toMatchObject({ by: "Azerbaijan", from: sq + 1, blocked: false, words: "Azerbaijan asks the Russian peacekeepers to leave" });
    const az = 1;
    expect(legalMove(a.index, az, sq, top.step.to - 1)).toBe(true);
    expect(a.payoffs[az]!.payoff[top.step.to - 1]!).toBeGreaterThan(a.payoffs[az]!.payoff[sq]!);
    // Deterred only at a cost to the others: stable for Azerbaijan under GMR, not under SEQ.
    expect(top.deterrence).toBe("costly");
    expect(a.stable.gmr![az]![sq]).toBe(1);
    expect(a.stable.seq![az]![sq]).toBe(0);
    expect(top.then.map((s) => s.words)).toEqual(["Russia withdraws its peacekeepers from Karabakh"]);
    expect(a.equilibria.nash).toContain(top.settles!.state - 1);
    expect(top.settles!.holds).toBe("firm");
    // The move follows from Azerbaijan's 11th priority, an estimate on one statement of January 2023; Russia's withdrawal from its fifth, an estimate.
    expect(top.step.why).toMatchObject({ dmId: "Azerbaijan", position: 11, estimate: true });
    expect(top.estimates.map((e) => `${e.dmId} ${e.position}`)).toEqual(["Azerbaijan 11", "Russia 5"]);
  });

  it("finds no named outcome reachable, as the status quo analysis says, and the fewest steps a party would rather not take", () => {
    const reached = new Set(value(statusQuoAnalysis(a, "improvements")).reachable.map((r) => r.state - 1));
    const f = analysisFacts(a);
    expect(b.targets.map((t) => t.id)).toEqual(["treaty-direct", "treaty-west", "treaty-moscow"]);
    for (const t of b.targets) {
      const info = loaded.space!.model.targets!.find((x) => x.id === t.id)!;
      const match = (s: number): boolean => evaluate(info.expr, (o) => loaded.space!.taken(asStateIndex(s), o));
      expect(t.reachable).toBe([...reached].some(match));
      // The path is made of legal moves, blocked exactly where the mover does not gain, and ends in the target.
      let at: number = loaded.space!.statusQuo!;
      for (const s of t.path) {
        expect(s.from - 1).toBe(at);
        expect(legalMove(a.index, s.dm, s.from - 1, s.to - 1)).toBe(true);
        expect(s.blocked).toBe(a.payoffs[s.dm]!.payoff[s.to - 1]! <= a.payoffs[s.dm]!.payoff[s.from - 1]!);
        at = s.to - 1;
      }
      expect(match(at)).toBe(true);
      expect(t.path.filter((s) => s.blocked).length).toBe(fewestBlocked(a, loaded.space!.statusQuo!, match));
      // From there, improvements only, to where it holds (Nash or SEQ), still a treaty.
      for (const s of t.settle) expect(a.payoffs[s.dm]!.payoff[s.to - 1]!).toBeGreaterThan(a.payoffs[s.dm]!.payoff[s.from - 1]!);
      expect(t.end.inTarget).toBe(true);
      expect(f.eq.nash![t.end.state - 1] === 1 || f.eq.seq![t.end.state - 1] === 1).toBe(true);
    }
    // What blocks a direct treaty: Azerbaijan's third priority, the modeller's estimate.
    const direct = b.targets[0]!;
    expect(direct.path.filter((s) => s.blocked).map((s) => [s.by, s.why?.position, s.why?.estimate])).toEqual([["Azerbaijan", 3, true]]);
  });

  it("says who is waiting and which deadline comes, in words, with durations in the largest units", () => {
    expect(b.waiting.map((c) => c.text)).toEqual([
      "Armenia and Azerbaijan have not answered “Putin offers to host Armenian–Azerbaijani peace talks in Moscow \"in any format\"” (from Russia, 13 October 2023): 1 month and 3 weeks so far.",
      "Azerbaijan has not answered “Armenia's sixth proposal of the peace agreement” (from Armenia, 21 November 2023): 2 weeks and 2 days so far.",
    ]);
    expect(b.deadlines[0]!.text).toContain("10 May 2025 (in 1 year 5 months)");
    expect(b.deadlines[0]!.text).toContain("10 November 2025 (in 1 year 11 months)");
  });

  it("is the same data every time", () => {
    expect(JSON.stringify(brief(loaded, { analysis: a }))).toBe(JSON.stringify(b));
  });
});

describe("what changed since a day", () => {
  it("lists what the seed's record gained after 1 November 2023 and says the answer did not move, and why", () => {
    const b = brief(load(SEED), { sinceDay: day("2023-11-01") });
    const ids = b.since!.entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(["am-proposal-6", "bilateral-offer", "jam-sixth-proposal"]));
    // New = not known on that day by core's asOf (dated later, or shown only by later sources).
    const then = asOf(load(SEED).scenario, day("2023-11-01"));
    const known = new Set([...(then.document.events ?? []), ...(then.document.documents ?? []), ...(then.document.statements ?? [])].map((e) => e.id));
    expect(ids.filter((id) => known.has(id))).toEqual([]);
    expect(ids.length).toBe(then.dropped.events.length + then.dropped.documents.length + then.dropped.statements.length);
    expect(b.since!.answer[0]!.text).toMatch(/^Since 1 November 2023 the record has [\w,]+ events, [\w,]+ documents and [\w,]+ statements more\.$/);
    expect(b.since!.answer.map((c) => c.text).join(" ")).toContain(
      "The analysis answer has not moved: run on the scenario as recorded on 1 November 2023 and as recorded now, it reaches the same conclusions. The model is the same at both dates, and the model records no observed situation known by 1 November 2023",
    );
  });

  it("reads the situation then from what was known then: an observation shown only by a later source does not count (an invented scenario)", () => {
    const doc = load("test/fixtures/report-small.yaml").scenario.document;
    // Observed on 1 May, but reported only by the wire story of 12 June: unknown on 10 May.
    const r = validateDocument({ ...doc, model: { ...doc.model!, observed: [{ date: "2024-05-01", taken: [], sources: ["wire"] }] } });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const text = brief(r.value, { sinceDay: day("2024-05-10") }).since!.answer.map((c) => c.text).join(" ");
    expect(text).toContain("The analysis answer has not moved");
    expect(text).not.toContain("On 10 May 2024");
    // Known by 20 June, it moves the answer.
    expect(brief(r.value, { sinceDay: day("2024-06-20") }).since!.answer.map((c) => c.text).join(" ")).toContain("On 20 June 2024, none of the options in the model is taken.");
  });

  it("writes whole sentences and counts in words, with or without estimates", () => {
    for (const [file, since] of [[SEED, "2023-10-31"], ["test/fixtures/report-small.yaml", "2024-01-15"]] as const) {
      const b = brief(load(file), { sinceDay: day(since) });
      for (const c of claims(b)) expect(c.text, c.text).toMatch(/^[A-Z0-9“]/);
      expect(b.method.text).not.toMatch(/\bno of\b/);
    }
    expect(brief(load("test/fixtures/report-small.yaml")).method.text).toContain("none of the eight is a modeller's estimate rather than a stated position");
  });

  it("moves the answer when an observed state says the situation then was different (an invented scenario)", () => {
    const doc = load("test/fixtures/report-small.yaml").scenario.document;
    const r = validateDocument({ ...doc, model: { ...doc.model!, observed: [{ date: "2024-05-01", taken: [], sources: ["gazette"] }] } });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const b = brief(r.value, { sinceDay: day("2024-05-10") });
    const text = b.since!.answer.map((c) => c.text).join(" ");
    expect(text).toContain("On 10 May 2024, none of the options in the model is taken.");
    expect(text).toContain("Now (30 June 2024), Southland: insist on direct talks.");
  });
});

describe("the mediation results, when given", () => {
  it("replace what the blocked steps suggest, and the estimates they test are named without 'at least'", () => {
    const b = brief(load(SEED), {
      mediation: {
        changes: [{ target: "treaty-direct", words: "Azerbaijan ranks a treaty above the corridor", statements: [{ dm: "Azerbaijan", position: 3 }] }],
        dependsOn: [{ conclusion: "status-quo", statements: [{ dm: "Azerbaijan", position: 11 }, { dm: "US", position: 9 }] }],
      },
    });
    const text = b.bottomLine.map((c) => c.text).join(" ");
    expect(text).toContain("What would have to change: for the first, Azerbaijan ranks a treaty above the corridor.");
    expect(text).not.toContain("at least");
    // Azerbaijan's 11th and the US's ninth are estimates, with those the blocked steps and the next move rest on.
    expect(text).toMatch(/How sure: these conclusions rest on six estimates/);
  });
});

describe("briefs of other scenarios", () => {
  it.each(["scenarios/elmira.yaml", "scenarios/examples/getting-started.yaml", "test/gmcr/three-party.gmcr", "docs/examples/record-armenia-azerbaijan.yaml", "test/fixtures/report-small.yaml", "scenarios/colombia-farc-2016.yaml"])(
    "%s: a bottom line without state numbers or concepts, every sentence sourced or pointing to the report",
    (file) => {
      const b = brief(load(file));
      for (const c of claims(b)) {
        expect(c.text, c.text).not.toMatch(CONCEPTS);
        expect(c.text, c.text).not.toMatch(STATE_NUMBERS);
        expect(c.cites.length + c.refs.length, c.text).toBeGreaterThan(0);
      }
    },
  );
});

describe("the fewest blocked steps", () => {
  it("match a slow oracle on random models, and every path is legal and ends in the target", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 5 }), (seed, pick) => {
        const doc = generateModel({ decisionMakers: 3, options: [2, 2, 2], statements: 3, oneWay: 0.3, seed });
        const r = validateDocument(doc);
        if (!r.ok || !r.value.space) return;
        const space = r.value.space;
        const a = analyze(space);
        const from: number = space.statusQuo ?? 0;
        const inTarget = new Uint8Array(space.size);
        for (let s = 0; s < space.size; s++) if (space.taken(asStateIndex(s), pick % space.model.options.length)) inTarget[s] = 1;
        const found = leastBlockedPath(a, from, inTarget);
        const oracle = fewestBlocked(a, from, (s) => inTarget[s] === 1);
        expect(found?.blocked).toBe(oracle);
        if (!found) return;
        let at = from;
        for (const st of found.steps) {
          expect(st.from).toBe(at);
          expect(legalMove(a.index, st.mover, st.from, st.to)).toBe(true);
          at = st.to;
        }
        expect(inTarget[at]).toBe(1);
        expect(found.steps.filter((st) => a.payoffs[st.mover]!.payoff[st.to]! <= a.payoffs[st.mover]!.payoff[st.from]!).length).toBe(found.blocked);
      }),
      { numRuns: 60 },
    );
  });
});
