/**
 * Payoffs of many statement lists over one state space, for searches that try
 * thousands of edits of the same few statements (dropped, moved, added): each
 * statement's truth over the states is computed once, and a list's payoffs are its
 * columns weighted 2^(K−k) and ranked densely — the same numbers computePayoffs gives
 * (statespace/payoffs.ts), which stays the fallback for long lists.
 *
 * The states are grouped once per decision maker into classes that agree on all of its
 * written statements (usually a few hundred classes for thousands of states): a list
 * that drops or reorders those statements is scored per class, and only a statement
 * from outside them (an addition) is summed per state.
 */
import type { DecisionMakerInfo, PriorityStatement } from "../model/types.js";
import { computePayoffs, truthColumn, type Payoffs } from "../statespace/payoffs.js";
import type { StateSpace } from "../statespace/space.js";

/** Up to this many statements the scores index a table of 2^K levels. */
const MAX_TABLE_BITS = 20;

/** States grouped by the truth of a set of statements. */
interface Classes {
  readonly texts: ReadonlySet<string>;
  /** The class of each state. */
  readonly of: Int32Array;
  /** A state of each class. */
  readonly rep: readonly number[];
}

export class TruthColumns {
  /** By the statement's text: within one state space a text names one expression. */
  private readonly columns = new Map<string, Uint8Array>();
  /** By the sorted texts of a decision maker's written statements. */
  private readonly classes = new Map<string, Classes>();
  private score: Int32Array | null = null;

  constructor(readonly space: StateSpace) {}

  private column(st: PriorityStatement): Uint8Array {
    let col = this.columns.get(st.text);
    if (!col) this.columns.set(st.text, (col = truthColumn(this.space, st.expr)));
    return col;
  }

  /** The classes of the decision maker's written statements (computed the first time). */
  private classesOf(dm: DecisionMakerInfo): Classes {
    const written = dm.preference.kind === "priorities" ? dm.preference.statements : [];
    const unique = new Map(written.map((st) => [st.text, st]));
    const key = [...unique.keys()].sort().join("\u0000");
    let c = this.classes.get(key);
    if (c) return c;
    const n = this.space.size;
    const of = new Int32Array(n);
    let count = 1;
    for (const st of unique.values()) {
      // Split every class by the statement's truth: class id × 2 + bit, renumbered densely.
      const col = this.column(st);
      const ids = new Int32Array(2 * count).fill(-1);
      let next = 0;
      for (let s = 0; s < n; s++) {
        const x = of[s]! * 2 + col[s]!;
        let id = ids[x]!;
        if (id < 0) ids[x] = id = next++;
        of[s] = id;
      }
      count = next;
    }
    const rep = new Array<number>(count).fill(-1);
    for (let s = 0; s < n; s++) if (rep[of[s]!] === -1) rep[of[s]!] = s;
    c = { texts: new Set(unique.keys()), of, rep };
    this.classes.set(key, c);
    return c;
  }

  /** The decision maker's payoffs with `statements` as its priorities. */
  payoffs(dm: DecisionMakerInfo, statements: readonly PriorityStatement[]): Payoffs {
    const K = statements.length;
    if (K === 0 || K > MAX_TABLE_BITS || this.space.size === 0) return computePayoffs(this.space, { ...dm, preference: { kind: "priorities", statements } });
    const n = this.space.size;
    const { texts, of, rep } = this.classesOf(dm);
    // The written statements' part of the score, per class; the others' per state.
    const classScore = new Int32Array(rep.length);
    const extra: { col: Uint8Array; w: number }[] = [];
    for (let k = 0; k < K; k++) {
      const st = statements[k]!;
      const col = this.column(st);
      const w = 2 ** (K - 1 - k);
      if (texts.has(st.text)) for (let p = 0; p < rep.length; p++) classScore[p]! += col[rep[p]!]! * w;
      else extra.push({ col, w });
    }
    const table = new Int32Array(2 ** K).fill(-1);
    let score: Int32Array | null = null;
    if (extra.length === 0) for (let p = 0; p < rep.length; p++) table[classScore[p]!] = 0;
    else {
      score = this.score ??= new Int32Array(n);
      const [first, ...rest] = extra;
      const { col, w } = first!;
      for (let s = 0; s < n; s++) score[s] = classScore[of[s]!]! + col[s]! * w;
      for (const e of rest) for (let s = 0; s < n; s++) score[s]! += e.col[s]! * e.w;
      for (let s = 0; s < n; s++) table[score[s]!] = 0;
    }
    // Dense ranks: number the scores present in order.
    let levels = 0;
    for (let v = 0; v < table.length; v++) if (table[v] === 0) table[v] = levels++;
    const payoff = new Int32Array(n);
    if (score === null) {
      for (let p = 0; p < rep.length; p++) classScore[p] = table[classScore[p]!]!;
      for (let s = 0; s < n; s++) payoff[s] = classScore[of[s]!]!;
    } else for (let s = 0; s < n; s++) payoff[s] = table[score[s]!]!;
    return { payoff, levels };
  }
}
