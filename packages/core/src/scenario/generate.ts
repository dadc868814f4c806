/**
 * Random conflict models, reproducible from a seed: for property tests (fast engine
 * vs. oracle), benchmarks and teaching. Produces an ordinary scenario document, so
 * generated models go through the same validation as written ones.
 */
import type { ScenarioDocument } from "../format/schema.js";

export interface GenerateOptions {
  readonly decisionMakers: number;
  /** Options per decision maker: a number, or one per decision maker. */
  readonly options: number | readonly number[];
  /** Preference statements per decision maker (option prioritization). */
  readonly statements?: number;
  /** Use explicit rankings (random weak orders) instead of statements. */
  readonly rankings?: boolean;
  /** Feasibility conditions to add (random kinds). */
  readonly conditions?: number;
  /** Probability that an option is one-way (for an option with alternatives: each alternative after the first). */
  readonly oneWay?: number;
  /** Probability that an option has 2–4 alternatives instead of yes/no (statements then name them: `d1o2 = a3`). */
  readonly alternatives?: number;
  readonly seed: number;
}

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateModel(opts: GenerateOptions): ScenarioDocument {
  const r = rng(opts.seed);
  const int = (n: number): number => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const counts = Array.from({ length: opts.decisionMakers }, (_, d) =>
    typeof opts.options === "number" ? opts.options : opts.options[d]!,
  );
  // What lists and patterns can name (yes/no options, alternatives after the first), and what statements can (every alternative too).
  const allOptions: string[] = [];
  const atoms: string[] = [];
  const oneWay = (): "toY" | "toN" | undefined => (r() < (opts.oneWay ?? 0) ? (r() < 0.5 ? "toY" : "toN") : undefined);
  const decisionMakers: NonNullable<ScenarioDocument["model"]>["decisionMakers"] = counts.map((c, d) => {
    const options = Array.from({ length: c }, (_, k) => {
      const id = `d${d + 1}o${k + 1}`;
      const label = `option ${k + 1} of DM ${d + 1}`;
      // Only models asked to have alternatives draw for them, so other seeds give the models they always gave.
      if (opts.alternatives !== undefined && r() < opts.alternatives) {
        const alternatives = Array.from({ length: 2 + int(3) }, (_, j) => {
          const dir = j === 0 ? undefined : oneWay();
          atoms.push(`${id} = a${j + 1}`);
          if (j > 0) allOptions.push(`${id} = a${j + 1}`);
          return { id: `a${j + 1}`, label: `alternative ${j + 1}`, ...(dir ? { oneWay: dir } : {}) };
        });
        return { id, label, alternatives };
      }
      allOptions.push(id);
      atoms.push(id);
      const dir = oneWay();
      return { id, label, ...(dir ? { oneWay: dir } : {}) };
    });
    return { id: `dm${d + 1}`, name: `DM${d + 1}`, options };
  });
  const literal = (): string => {
    const neg = r() < 0.5;
    const atom = pick(atoms);
    return neg ? (atom.includes(" ") ? `-(${atom})` : `-${atom}`) : atom;
  };
  const statement = (): string => {
    const kind = int(6);
    if (kind <= 1) return literal();
    if (kind === 2) return `${literal()} & ${literal()}`;
    if (kind === 3) return `${literal()} | ${literal()}`;
    if (kind === 4) return `${literal()} IF ${literal()}`;
    return `(${literal()} | ${literal()}) & ${literal()}`;
  };
  if (!opts.rankings) {
    for (const dm of decisionMakers) {
      (dm as { preferences?: string[] }).preferences = Array.from({ length: opts.statements ?? 4 }, statement);
    }
  }
  const feasibility: NonNullable<NonNullable<ScenarioDocument["model"]>["feasibility"]> = [];
  for (let i = 0; i < (opts.conditions ?? 0); i++) {
    const kind = int(4);
    const two = (): string[] => {
      const a = pick(allOptions);
      let b = pick(allOptions);
      for (let t = 0; t < 10 && b === a; t++) b = pick(allOptions);
      return a === b ? [a] : [a, b];
    };
    const pair = two();
    if (kind === 0 && pair.length === 2) feasibility.push({ mutuallyExclusive: pair });
    else if (kind === 1) feasibility.push({ atLeastOne: pair });
    else if (kind === 2 && pair.length === 2) feasibility.push({ infeasible: `${literal()} & ${literal()} & ${literal()}` });
    else feasibility.push({ infeasible: `${literal()} & ${literal()}` });
  }
  return {
    concord: 1,
    id: `random-${opts.seed}`,
    title: `Random model (seed ${opts.seed})`,
    model: { decisionMakers, ...(feasibility.length ? { feasibility } : {}) },
  };
}

/**
 * Gives each decision maker of a validated model's document a random explicit
 * ranking with ties over the given number of feasible states.
 */
export function randomRankings(doc: ScenarioDocument, stateCount: number, seed: number): ScenarioDocument {
  const r = rng(seed);
  const model = doc.model!;
  return {
    ...doc,
    model: {
      ...model,
      decisionMakers: model.decisionMakers.map((dm) => {
        const states = Array.from({ length: stateCount }, (_, i) => i + 1);
        for (let i = states.length - 1; i > 0; i--) {
          const j = Math.floor(r() * (i + 1));
          [states[i], states[j]] = [states[j]!, states[i]!];
        }
        const ranking: (number | number[])[] = [];
        for (let i = 0; i < states.length; ) {
          const size = r() < 0.3 ? 1 + Math.floor(r() * 3) : 1;
          const group = states.slice(i, i + size);
          ranking.push(group.length === 1 ? group[0]! : group);
          i += size;
        }
        const { preferences: _p, ...rest } = dm;
        return { ...rest, ranking };
      }),
    },
  };
}
