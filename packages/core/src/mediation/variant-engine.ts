/**
 * Stability of many preference variants of one model (robustness, sensitivity, the
 * change search). Everything that depends only on the states is built once per move
 * index and kept with its scratch buffers:
 *   - every decision maker's legal moves as explicit lists, per state and mover;
 *   - per decision maker i, the condensation of the others' moves (components and the
 *     edges between them): reachability by moves never changes with preferences, so a
 *     variant's GMR and SMR minimums are one sweep over that small acyclic graph.
 * A variant then costs one filter of the moves (unilateral improvements), one strongly
 * connected components pass per decision maker for SEQ (improvements do depend on
 * preferences), and one scan per decision maker; no allocation beyond its result.
 *
 * Same definitions and the same answers as the engine (stability/engine.ts: minimum over
 * everything reachable, itself included; see reach.ts for why the plain union graph is
 * enough); variant-engine.test.ts compares them on random models. Used while the model's
 * moves are few (MAX_MOVES); larger models go through the engine.
 */
import type { MoveIndex } from "../stability/moves.js";
import type { BasicConcept } from "../stability/concepts.js";

/** Above this many moves in all, the explicit lists cost more memory than they save time. */
export const MAX_MOVES = 1 << 22;

const INF = 2147483647;
const NEG = -2147483648;

type Flags = Partial<Record<BasicConcept, Uint8Array>>;

/** Decision maker i's fixed part: the components of the others' moves, in an order where each component's successors come first. */
interface Condensation {
  /** comp[s]: s's component. */
  readonly comp: Int32Array;
  readonly count: number;
  /** dagStart[c] .. dagStart[c+1]: the components c moves to (each smaller than c). */
  readonly dagStart: Int32Array;
  readonly dagTo: Int32Array;
}

export class VariantEngine {
  private static readonly byIndex = new WeakMap<MoveIndex, VariantEngine | null>();

  /** The engine for this move index (built the first time), or null when the model has too many moves. */
  static for(index: MoveIndex): VariantEngine | null {
    let e = VariantEngine.byIndex.get(index);
    if (e === undefined) {
      e = countMoves(index) <= MAX_MOVES ? new VariantEngine(index) : null;
      VariantEngine.byIndex.set(index, e);
    }
    return e;
  }

  private readonly S: number;
  private readonly D: number;
  /** Decision maker k's legal moves from s: s → to[e] for start[s·D + k] ≤ e < start[s·D + k + 1]. */
  private readonly start: Int32Array;
  private readonly to: Int32Array;
  private readonly condensed: (Condensation | null)[];
  // Unilateral improvements of the variant being analysed: the moves above, filtered, laid out the same way.
  private readonly uiStart: Int32Array;
  private readonly uiTo: Int32Array;
  // Scratch.
  private readonly minAll: Int32Array;
  private readonly minSmr: Int32Array;
  private readonly minSeq: Int32Array;
  private readonly value: Int32Array;
  private readonly c1: Int32Array;
  private readonly c2: Int32Array;
  private readonly tarjan: TarjanWork;

  private constructor(index: MoveIndex) {
    const S = index.size;
    const D = index.dmCount;
    this.S = S;
    this.D = D;
    const start = new Int32Array(S * D + 1);
    for (let k = 0; k < D; k++) forEachMove(index, k, (s) => start[s * D + k + 1]!++);
    for (let x = 0; x < S * D; x++) start[x + 1]! += start[x]!;
    const E = start[S * D]!;
    const to = new Int32Array(E);
    const fill = start.slice(0, S * D);
    for (let k = 0; k < D; k++) forEachMove(index, k, (s, t) => (to[fill[s * D + k]!++] = t));
    this.start = start;
    this.to = to;
    this.condensed = Array.from({ length: D }, () => null);
    this.uiStart = new Int32Array(S * D + 1);
    this.uiTo = new Int32Array(E);
    this.minAll = new Int32Array(S);
    this.minSmr = new Int32Array(S);
    this.minSeq = new Int32Array(S);
    this.value = new Int32Array(S);
    this.c1 = new Int32Array(S);
    this.c2 = new Int32Array(S);
    this.tarjan = tarjanWork(S);
  }

  /** Stable flags per concept and decision maker (stable[concept][dm][s] = 1), as the engine computes them. */
  analyse(payoffs: readonly Int32Array[], concepts: readonly BasicConcept[]): Partial<Record<BasicConcept, Uint8Array[]>> {
    this.improvements(payoffs);
    const out: Partial<Record<BasicConcept, Uint8Array[]>> = {};
    for (const c of concepts) out[c] = [];
    for (let i = 0; i < this.D; i++) {
      const f = this.flagsOf(i, payoffs, concepts);
      for (const c of concepts) out[c]!.push(f[c]!);
    }
    return out;
  }

  /** Decision maker i's flags; `payoffs` has every decision maker's (SEQ reads the others'). */
  dm(i: number, payoffs: readonly Int32Array[], concepts: readonly BasicConcept[]): Flags {
    this.improvements(payoffs);
    return this.flagsOf(i, payoffs, concepts);
  }

  /** Fills the improvement lists: each move that its mover strictly prefers. */
  private improvements(payoffs: readonly Int32Array[]): void {
    const { S, D, start, to, uiStart, uiTo } = this;
    for (let k = 0; k < D; k++) {
      // Mover by mover (strided), so each pass reads one payoff column.
      const P = payoffs[k]!;
      for (let s = 0; s < S; s++) {
        const x = s * D + k;
        const ps = P[s]!;
        let n = 0;
        for (let e = start[x]!; e < start[x + 1]!; e++) if (P[to[e]!]! > ps) n++;
        uiStart[x + 1] = n;
      }
    }
    uiStart[0] = 0;
    for (let x = 0; x < S * D; x++) uiStart[x + 1]! += uiStart[x]!;
    for (let k = 0; k < D; k++) {
      const P = payoffs[k]!;
      for (let s = 0; s < S; s++) {
        const x = s * D + k;
        const ps = P[s]!;
        let n = uiStart[x]!;
        for (let e = start[x]!; e < start[x + 1]!; e++) if (P[to[e]!]! > ps) uiTo[n++] = to[e]!;
      }
    }
  }

  private flagsOf(i: number, payoffs: readonly Int32Array[], concepts: readonly BasicConcept[]): Flags {
    const S = this.S;
    const P = payoffs[i]!;
    const gmr = concepts.includes("gmr");
    const smr = concepts.includes("smr");
    const seq = concepts.includes("seq");
    if (gmr || smr) this.sanctionsByMoves(i, P, smr);
    if (seq) {
      // SEQ: minimum of P over everything the others reach by their improvements.
      this.minSeq.set(P);
      strongComponents(S, this.D, this.uiStart, this.uiTo, i, this.minSeq, this.tarjan);
    }
    // One scan of i's improvements.
    const { D, uiStart, uiTo, minAll, minSmr, minSeq } = this;
    const nash = new Uint8Array(S);
    const fg = gmr ? new Uint8Array(S) : null;
    const fs = smr ? new Uint8Array(S) : null;
    const fq = seq ? new Uint8Array(S) : null;
    for (let s = 0; s < S; s++) {
      let any = 0;
      let a0 = NEG, a1 = NEG, a2 = NEG;
      for (let e = uiStart[s * D + i]!; e < uiStart[s * D + i + 1]!; e++) {
        const t = uiTo[e]!;
        any = 1;
        if (minAll[t]! > a0) a0 = minAll[t]!;
        if (minSmr[t]! > a1) a1 = minSmr[t]!;
        if (minSeq[t]! > a2) a2 = minSeq[t]!;
      }
      const ps = P[s]!;
      nash[s] = 1 - any;
      if (fg !== null) fg[s] = a0 <= ps ? 1 : 0;
      if (fs !== null) fs[s] = a1 <= ps ? 1 : 0;
      if (fq !== null) fq[s] = a2 <= ps ? 1 : 0;
    }
    const out: Flags = {};
    if (concepts.includes("nash")) out.nash = nash;
    if (fg) out.gmr = fg;
    if (fs) out.smr = fs;
    if (fq) out.seq = fq;
    return out;
  }

  /** minAll (GMR) and, when asked, minSmr: minimums over everything the others reach by any moves, through i's condensation. */
  private sanctionsByMoves(i: number, P: Int32Array, smr: boolean): void {
    const S = this.S;
    const cd = (this.condensed[i] ??= this.condense(i));
    const { comp, count, dagStart, dagTo } = cd;
    const { c1, c2, minAll, minSmr } = this;
    c1.fill(INF, 0, count);
    for (let s = 0; s < S; s++) if (P[s]! < c1[comp[s]!]!) c1[comp[s]!] = P[s]!;
    if (smr) {
      // V(u) = max(P(u), the best i can move to from u).
      const { D, start, to, value } = this;
      for (let u = 0; u < S; u++) {
        let m = P[u]!;
        for (let e = start[u * D + i]!; e < start[u * D + i + 1]!; e++) if (P[to[e]!]! > m) m = P[to[e]!]!;
        value[u] = m;
      }
      c2.fill(INF, 0, count);
      for (let s = 0; s < S; s++) if (value[s]! < c2[comp[s]!]!) c2[comp[s]!] = value[s]!;
    }
    for (let c = 0; c < count; c++) {
      let m1 = c1[c]!;
      let m2 = c2[c]!;
      for (let e = dagStart[c]!; e < dagStart[c + 1]!; e++) {
        const d = dagTo[e]!;
        if (c1[d]! < m1) m1 = c1[d]!;
        if (smr && c2[d]! < m2) m2 = c2[d]!;
      }
      c1[c] = m1;
      if (smr) c2[c] = m2;
    }
    for (let s = 0; s < S; s++) minAll[s] = c1[comp[s]!]!;
    if (smr) for (let s = 0; s < S; s++) minSmr[s] = c2[comp[s]!]!;
  }

  /** The components of the others' moves (everyone's but i's) and the edges between them. */
  private condense(i: number): Condensation {
    const { S, D, start, to } = this;
    const comp = new Int32Array(S);
    const count = strongComponents(S, D, start, to, i, null, this.tarjan, comp);
    // States by component, then each component's distinct successors.
    const cStart = new Int32Array(count + 1);
    for (let s = 0; s < S; s++) cStart[comp[s]! + 1]!++;
    for (let c = 0; c < count; c++) cStart[c + 1]! += cStart[c]!;
    const members = new Int32Array(S);
    const fill = cStart.slice(0, count);
    for (let s = 0; s < S; s++) members[fill[comp[s]!]!++] = s;
    const seen = new Int32Array(count).fill(-1);
    const dagStart = new Int32Array(count + 1);
    let dagTo = new Int32Array(Math.max(16, count));
    let n = 0;
    for (let c = 0; c < count; c++) {
      dagStart[c] = n;
      for (let p = cStart[c]!; p < cStart[c + 1]!; p++) {
        const s = members[p]!;
        for (let e = start[s * D]!; e < start[s * D + D]!; e++) {
          if (e === start[s * D + i]) e = start[s * D + i + 1]!;
          if (e === start[s * D + D]) break;
          const d = comp[to[e]!]!;
          if (d === c || seen[d] === c) continue;
          seen[d] = c;
          if (n === dagTo.length) {
            const grown = new Int32Array(2 * n);
            grown.set(dagTo);
            dagTo = grown;
          }
          dagTo[n++] = d;
        }
      }
    }
    dagStart[count] = n;
    return { comp, count, dagStart, dagTo: dagTo.slice(0, n) };
  }
}

/** Calls f(s, t) for each of k's legal moves s → t (as legalMove in moves.ts), by block. */
function forEachMove(index: MoveIndex, k: number, f: (s: number, t: number) => void): void {
  const bs = index.blockStart[k]!;
  const mem = index.members[k]!;
  const code = index.code[k]!;
  const ty = index.toY[k]!;
  const tn = index.toN[k]!;
  for (let b = 0; b + 1 < bs.length; b++) {
    for (let p = bs[b]!; p < bs[b + 1]!; p++) {
      const s = mem[p]!;
      for (let q = bs[b]!; q < bs[b + 1]!; q++) {
        const t = mem[q]!;
        if (t === s) continue;
        if (code !== null && ((code[s]! & ~code[t]! & ty) | (~code[s]! & code[t]! & tn)) !== 0) continue;
        f(s, t);
      }
    }
  }
}

/** An upper bound on the legal moves (pairs within blocks). */
function countMoves(index: MoveIndex): number {
  let n = 0;
  for (let k = 0; k < index.dmCount; k++) {
    const bs = index.blockStart[k]!;
    for (let b = 0; b + 1 < bs.length; b++) {
      const size = bs[b + 1]! - bs[b]!;
      n += size * (size - 1);
    }
  }
  return n;
}

interface TarjanWork {
  readonly order: Int32Array;
  readonly low: Int32Array;
  readonly onStack: Uint8Array;
  readonly stack: Int32Array;
  readonly frameNode: Int32Array;
  readonly cursor: Int32Array;
}

function tarjanWork(S: number): TarjanWork {
  return {
    order: new Int32Array(S), low: new Int32Array(S), onStack: new Uint8Array(S),
    stack: new Int32Array(S), frameNode: new Int32Array(S), cursor: new Int32Array(S),
  };
}

/**
 * Tarjan's strongly connected components (iterative) over the moves (laid out as in
 * VariantEngine.start) of every decision maker but `skip`. Components are numbered as they complete, so every edge between two
 * components goes to a smaller number; written to `comp` when given. With `acc`
 * (each node's value on entry), each node gets the minimum over everything it
 * reaches, itself included. Returns the number of components.
 */
function strongComponents(S: number, D: number, start: Int32Array, to: Int32Array, skip: number, acc: Int32Array | null, w: TarjanWork, comp?: Int32Array): number {
  const { order, low, onStack, stack, frameNode, cursor } = w;
  order.fill(-1);
  let sp = 0;
  let counter = 0;
  let count = 0;
  for (let root = 0; root < S; root++) {
    if (order[root] !== -1) continue;
    let top = 0;
    frameNode[0] = root;
    cursor[0] = start[root * D]!;
    order[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (top >= 0) {
      const v = frameNode[top]!;
      const end = start[v * D + D]!;
      // skip's moves from v: jumped over.
      const skipFrom = start[v * D + skip]!;
      const skipTo = start[v * D + skip + 1]!;
      let e = cursor[top]!;
      let down = -1;
      for (; e < end; e++) {
        if (e === skipFrom && e < skipTo) {
          e = skipTo - 1;
          continue;
        }
        const x = to[e]!;
        if (order[x] === -1) {
          down = x;
          e++;
          break;
        }
        if (onStack[x] === 1) {
          // Same component as v: its minimum is merged when the component completes.
          if (order[x]! < low[v]!) low[v] = order[x]!;
        } else if (acc !== null && acc[x]! < acc[v]!) acc[v] = acc[x]!;
      }
      cursor[top] = e;
      if (down >= 0) {
        top++;
        frameNode[top] = down;
        cursor[top] = start[down * D]!;
        order[down] = low[down] = counter++;
        stack[sp++] = down;
        onStack[down] = 1;
        continue;
      }
      if (low[v] === order[v]) {
        let k = sp - 1;
        let m = acc !== null ? acc[v]! : 0;
        for (; ; k--) {
          const u = stack[k]!;
          if (acc !== null && acc[u]! < m) m = acc[u]!;
          if (u === v) break;
        }
        for (let j = k; j < sp; j++) {
          const u = stack[j]!;
          if (acc !== null) acc[u] = m;
          if (comp !== undefined) comp[u] = count;
          onStack[u] = 0;
        }
        sp = k;
        count++;
      }
      top--;
      if (top >= 0) {
        const p = frameNode[top]!;
        if (onStack[v] === 1) {
          if (low[v]! < low[p]!) low[p] = low[v]!;
        } else if (acc !== null && acc[v]! < acc[p]!) acc[p] = acc[v]!;
      }
    }
  }
  return count;
}
