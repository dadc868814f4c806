/**
 * Everything a group of decision makers can reach by moving, as a graph of strongly
 * connected components (SCCs), for questions about sets rather than minimums.
 *
 * As in stability/reach.ts: each mover's moves are transitive, so "reachable by a
 * legal sequence of the group's moves (no one twice in a row)" is reachability in the
 * union of the members' move graphs, the start aside. A move that changes no one-way
 * option can be undone, so the SCCs are the connected components of those moves
 * (union-find within blocks); a move that changes a one-way option raises
 * φ = #(toY options taken) + #(toN options not taken) and leaves its SCC. Taking SCCs
 * by decreasing φ therefore finishes every SCC after all those it can reach.
 */
import type { MoveIndex } from "../stability/moves.js";

export interface Closure {
  /** The movers whose moves count. */
  readonly movers: readonly number[];
  /** scc[s]: the SCC of state s, numbered so that an SCC can only reach SCCs with smaller numbers. */
  readonly scc: Int32Array;
  /** Members of SCC c: members[start[c] .. start[c+1]). */
  readonly start: Int32Array;
  readonly members: Int32Array;
  /** Movers with one-way options: the only ones whose moves leave an SCC. */
  readonly oneWay: readonly number[];
}

export function buildClosure(index: MoveIndex, movers: readonly number[]): Closure {
  const S = index.size;
  const parent = new Int32Array(S);
  for (let s = 0; s < S; s++) parent[s] = s;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[rb] = ra;
  };
  const phi = new Int32Array(S);
  const oneWay: number[] = [];
  for (const k of movers) {
    const start = index.blockStart[k]!;
    const mem = index.members[k]!;
    const code = index.code[k]!;
    if (code === null) {
      for (let b = 0; b + 1 < start.length; b++) for (let p = start[b]! + 1; p < start[b + 1]!; p++) union(mem[start[b]!]!, mem[p]!);
      continue;
    }
    oneWay.push(k);
    const ty = index.toY[k]!;
    const tn = index.toN[k]!;
    for (let s = 0; s < S; s++) phi[s]! += popcount(code[s]! & ty) + popcount(~code[s]! & tn);
    // Members of a block with the same one-way options can move to each other.
    const first = new Map<number, number>();
    for (let b = 0; b + 1 < start.length; b++) {
      first.clear();
      for (let p = start[b]!; p < start[b + 1]!; p++) {
        const s = mem[p]!;
        const key = code[s]! & (ty | tn);
        const f = first.get(key);
        if (f === undefined) first.set(key, s);
        else union(f, s);
      }
    }
  }
  // Number the SCCs by decreasing φ (sinks of the one-way moves first).
  const roots: number[] = [];
  for (let s = 0; s < S; s++) if (find(s) === s) roots.push(s);
  roots.sort((a, b) => phi[b]! - phi[a]! || a - b);
  const id = new Int32Array(S);
  roots.forEach((r, c) => (id[r] = c));
  const scc = new Int32Array(S);
  const start = new Int32Array(roots.length + 1);
  for (let s = 0; s < S; s++) {
    scc[s] = id[find(s)]!;
    start[scc[s]! + 1]!++;
  }
  for (let c = 0; c < roots.length; c++) start[c + 1]! += start[c]!;
  const fill = Int32Array.from(start.subarray(0, roots.length));
  const members = new Int32Array(S);
  for (let s = 0; s < S; s++) members[fill[scc[s]!]!++] = s;
  return { movers, scc, start, members, oneWay };
}

/**
 * For every SCC, `own(c)` combined with the result of every SCC reachable from it:
 * out[c] = combine(own(c), out[d] for each d reachable in one move). `combine` must
 * be associative, commutative and idempotent (a union or an intersection); it is told
 * which SCC it combines for.
 */
export function propagate<T>(index: MoveIndex, closure: Closure, own: (c: number) => T, combine: (a: T, b: T, c: number) => T): T[] {
  const C = closure.start.length - 1;
  const out: T[] = new Array<T>(C);
  const stamp = new Int32Array(C).fill(-1);
  for (let c = 0; c < C; c++) {
    let acc = own(c);
    forEachSuccessor(index, closure, c, stamp, (d) => (acc = combine(acc, out[d]!, c)));
    out[c] = acc;
  }
  return out;
}

/**
 * The same in the other direction: out[d] = combine(own(d), out[c] for each c that
 * reaches d in one move) — everything that can reach d, itself included.
 */
export function propagateBack<T>(index: MoveIndex, closure: Closure, own: (c: number) => T, combine: (a: T, b: T) => T): T[] {
  const C = closure.start.length - 1;
  const out: T[] = Array.from({ length: C }, (_, c) => own(c));
  const stamp = new Int32Array(C).fill(-1);
  // SCCs only reach smaller numbers, so every predecessor of d is done before d.
  for (let c = C - 1; c >= 0; c--) forEachSuccessor(index, closure, c, stamp, (d) => (out[d] = combine(out[d]!, out[c]!)));
  return out;
}

/** Calls visit(d) once for each SCC d ≠ c that a one-way move leads to from SCC c. */
function forEachSuccessor(index: MoveIndex, closure: Closure, c: number, stamp: Int32Array, visit: (d: number) => void): void {
  const { scc, start, members, oneWay } = closure;
  for (let p = start[c]!; p < start[c + 1]!; p++) {
    const u = members[p]!;
    for (const k of oneWay) {
      const code = index.code[k]!;
      const ty = index.toY[k]!;
      const tn = index.toN[k]!;
      const bs = index.blockStart[k]!;
      const mem = index.members[k]!;
      const b = index.blockOf[k]![u]!;
      const cu = code[u]!;
      for (let q = bs[b]!; q < bs[b + 1]!; q++) {
        const w = mem[q]!;
        const d = scc[w]!;
        if (d === c || stamp[d] === c) continue;
        const cw = code[w]!;
        if (((cu & ~cw & ty) | (~cu & cw & tn)) !== 0) continue;
        stamp[d] = c;
        visit(d);
      }
    }
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
