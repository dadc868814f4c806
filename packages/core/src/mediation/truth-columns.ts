/**
 * Payoffs of many statement lists over one state space, for searches that try
 * thousands of edits of the same few statements (dropped, moved, added): each
 * statement's truth over the states is computed once, and a list's payoffs are its
 * columns weighted 2^(K−k) and ranked densely — the same numbers computePayoffs gives
 * (statespace/payoffs.ts), which stays the fallback for long lists.
 */
import type { DecisionMakerInfo, PriorityStatement } from "../model/types.js";
import { computePayoffs, truthColumn, type Payoffs } from "../statespace/payoffs.js";
import type { StateSpace } from "../statespace/space.js";

/** Up to this many statements the scores index a table of 2^K levels. */
const MAX_TABLE_BITS = 20;

export class TruthColumns {
  /** By the statement's text: within one state space a text names one expression. */
  private readonly columns = new Map<string, Uint8Array>();
  private score: Int32Array | null = null;

  constructor(readonly space: StateSpace) {}

  /** The decision maker's payoffs with `statements` as its priorities. */
  payoffs(dm: DecisionMakerInfo, statements: readonly PriorityStatement[]): Payoffs {
    const K = statements.length;
    if (K === 0 || K > MAX_TABLE_BITS) return computePayoffs(this.space, { ...dm, preference: { kind: "priorities", statements } });
    const n = this.space.size;
    const score = (this.score ??= new Int32Array(n));
    score.fill(0);
    for (let k = 0; k < K; k++) {
      const st = statements[k]!;
      let col = this.columns.get(st.text);
      if (!col) this.columns.set(st.text, (col = truthColumn(this.space, st.expr)));
      const w = 2 ** (K - 1 - k);
      for (let s = 0; s < n; s++) score[s]! += col[s]! * w;
    }
    // Dense ranks: mark the scores present, number them in order.
    const table = new Int32Array(2 ** K).fill(-1);
    for (let s = 0; s < n; s++) table[score[s]!] = 0;
    let levels = 0;
    for (let v = 0; v < table.length; v++) if (table[v] === 0) table[v] = levels++;
    const payoff = new Int32Array(n);
    for (let s = 0; s < n; s++) payoff[s] = table[score[s]!]!;
    return { payoff, levels };
  }
}
