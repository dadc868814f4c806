/**
 * The analysis worker: runs the application layer's use cases off the page's thread, so
 * the editor and the tables stay responsive while a model is analysed. It keeps the last
 * few scenarios it opened and their analyses, keyed by text.
 */
import {
  analyze,
  coalitions,
  evidence,
  explain,
  inlineRunner,
  openScenario,
  robustness,
  sensitivity,
  settle,
  stabilize,
  states,
  statusQuo,
  target,
  validate,
  type AnalysisRunner,
  type BasicConcept,
  type Loaded,
  type MoveDescription,
  type Result,
} from "@concord/app";
import type { Checked, Equilibria, MoveGraph, Op, Requests, Table, TableRow, WorkerAnswer, WorkerRequest } from "./protocol";

type Analysis = Awaited<ReturnType<AnalysisRunner["analyze"]>>;
type Space = Parameters<AnalysisRunner["analyze"]>[0];

const FILE = "scenario.yaml";
const opened = new Map<string, Result<Loaded>>();
const analyses = new WeakMap<Space, Map<string, Promise<Analysis>>>();

/** The same analysis for the same model and concepts, computed once. */
const runner: AnalysisRunner = {
  ...inlineRunner,
  analyze(space, concepts) {
    let byConcepts = analyses.get(space);
    if (!byConcepts) analyses.set(space, (byConcepts = new Map()));
    const key = concepts.join(",");
    let a = byConcepts.get(key);
    if (!a) byConcepts.set(key, (a = inlineRunner.analyze(space, concepts)));
    return a;
  },
};

function open(text: string): Result<Loaded> {
  let r = opened.get(text);
  if (r) {
    opened.delete(text);
  } else {
    r = openScenario({ text, file: FILE });
    if (opened.size >= 4) opened.delete(opened.keys().next().value!);
  }
  opened.set(text, r);
  return r;
}

async function table(L: Loaded): Promise<Result<Table>> {
  const st = states(L);
  if (!st.ok) return st;
  const a = await analyze(L, {}, runner);
  if (!a.ok) return a;
  const { stability, equilibria, concepts } = a.value;
  const stable = new Map<BasicConcept, Map<string, Set<number>>>();
  for (const c of concepts) stable.set(c, new Map(Object.entries(stability[c] ?? {}).map(([dm, list]) => [dm, new Set(list)])));
  const eq = new Map(concepts.map((c) => [c, new Set(equilibria[c] ?? [])]));
  const dms = st.value.decisionMakers.map((d) => d.id);
  const rows: TableRow[] = st.value.states.map((r) => ({
    ...r,
    stableFor: Object.fromEntries(concepts.map((c) => [c, dms.filter((d) => stable.get(c)!.get(d)!.has(r.id))])),
    equilibrium: concepts.filter((c) => eq.get(c)!.has(r.id)),
  }));
  const { states: _rows, ...summary } = st.value;
  return { ok: true, value: { ...summary, concepts, rows } };
}

async function equilibria(L: Loaded): Promise<Result<Equilibria>> {
  const a = await analyze(L, {}, runner);
  if (!a.ok) return a;
  const { concepts, equilibria: eq, states: all, statusQuo } = a.value;
  const ids = [...new Set(concepts.flatMap((c) => eq[c] ?? []))].sort((x, y) => x - y);
  return {
    ok: true,
    value: {
      size: all.length,
      ...(statusQuo !== undefined ? { statusQuo } : {}),
      concepts,
      states: ids.map((id) => ({ id, values: all[id - 1]!.values, concepts: concepts.filter((c) => eq[c]!.includes(id)) })),
    },
  };
}

/** Each decision maker's unilateral improvements out of the states reached (breadth-first from `from`, or every state). */
async function graph(L: Loaded, args: Requests["graph"]["args"]): Promise<Result<MoveGraph>> {
  const size = L.space?.size ?? 0;
  const limit = Math.max(1, Math.min(args.limit ?? 500, 2000));
  const dms = L.space?.model.decisionMakers.map((d) => d.id) ?? [];
  const whole = args.state === undefined;
  const start = whole ? [...Array(Math.min(size, limit)).keys()].map((k) => k + 1) : [args.state!];
  const depth = whole ? 1 : Math.max(0, Math.min(args.depth ?? 1, 4));
  const seen = new Set<number>(start);
  let frontier = start;
  const moves: MoveDescription[] = [];
  let partial = whole ? size > limit : false;
  for (let level = 0; level < depth + (whole ? 0 : 1) && frontier.length > 0; level++) {
    const next: number[] = [];
    // The last level of a neighbourhood only adds the moves between states already shown.
    const closing = !whole && level === depth;
    for (const s of frontier) {
      for (const dm of dms) {
        const e = await explain(L, { state: s, dm, concepts: "nash" }, runner);
        if (!e.ok) return e;
        for (const imp of e.value[0]!.improvements) {
          const to = imp.move.to;
          if (!seen.has(to)) {
            if (closing || whole || seen.size >= limit) {
              partial = true;
              continue;
            }
            seen.add(to);
            next.push(to);
          }
          moves.push(imp.move);
        }
      }
    }
    frontier = next;
  }
  return { ok: true, value: { states: [...seen].sort((x, y) => x - y), moves, partial } };
}

function check(text: string): Checked {
  const v = validate({ text, file: FILE });
  if (!v.ok) return { problems: v.problems, warnings: [] };
  return { problems: [], warnings: v.value.warnings, ...(v.value.model ? { states: v.value.model.states } : {}) };
}

async function run<K extends Op>(op: K, L: Loaded, args: Requests[K]["args"]): Promise<Result<unknown>> {
  switch (op) {
    case "table":
      return table(L);
    case "equilibria":
      return equilibria(L);
    case "evidence":
      return evidence(L, { dm: (args as Requests["evidence"]["args"]).dm });
    case "explain": {
      const a = args as Requests["explain"]["args"];
      return explain(L, { state: a.state, dm: a.dm }, runner);
    }
    case "graph":
      return graph(L, args as Requests["graph"]["args"]);
    case "statusQuo": {
      const a = args as Requests["statusQuo"]["args"];
      return statusQuo(L, a.from !== undefined ? { from: a.from } : {}, runner);
    }
    case "target": {
      const a = args as Requests["target"]["args"];
      return target(L, { target: a.target, ...(a.limit !== undefined ? { limit: a.limit } : {}) });
    }
    case "stabilize": {
      const a = args as Requests["stabilize"]["args"];
      return stabilize(L, { target: a.target, ...(a.limit !== undefined ? { limit: a.limit } : {}) }, runner);
    }
    case "sensitivity":
      return sensitivity(L, {}, runner);
    case "coalitions":
      return coalitions(L, {}, runner);
    case "robustness": {
      const a = args as Requests["robustness"]["args"];
      return robustness(L, a.variants !== undefined ? { variants: a.variants } : {}, runner);
    }
    case "settle":
      return settle(L, { searchChanges: false }, runner);
    default:
      return { ok: false, problems: [{ code: "usage", path: [], message: `unknown request "${String(op)}"` }] };
  }
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id, op, text, args } = event.data;
  const t0 = performance.now();
  let answer: WorkerAnswer;
  try {
    if (op === "check") {
      answer = { id, ok: true, value: check(text), ms: 0 };
    } else {
      const L = open(text);
      const r = L.ok ? await run(op, L.value, args) : L;
      answer = r.ok ? { id, ok: true, value: r.value, ms: 0 } : { id, ok: false, problems: r.problems, ms: 0 };
    }
  } catch (e) {
    answer = { id, ok: false, problems: [{ code: "usage", path: [], message: `the analysis failed: ${e instanceof Error ? e.message : String(e)}` }], ms: 0 };
  }
  postMessage({ ...answer, ms: performance.now() - t0 });
};
