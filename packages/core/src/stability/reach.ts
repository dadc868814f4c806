/**
 * The minimum of a value over every state reachable from each state by moves of a
 * group of decision makers — the one question GMR, SMR and SEQ ask of sanctions.
 *
 * Why reachability in the plain union graph is enough: each decision maker's moves
 * are transitive (two moves by k in a row, s→t→u, are one legal move s→u, or return
 * to s), and so are its unilateral improvements. Collapsing repeated movers turns
 * any path into a legal sequence in which no one moves twice in a row, reaching the
 * same state; only the start itself may differ, and the callers never need it (a
 * start is always strictly better for the sanctioned DM). The oracle in oracle.ts
 * uses the literal (state, last mover) definition and the tests check they agree.
 *
 * Method: one pass of Tarjan's strongly connected components, iterative, with moves
 * generated on the fly from the block index. Components complete in reverse
 * topological order, so each component's minimum is the minimum of its own values
 * and of its successors' already-final minimums: O(states + moves) per call.
 */
import type { MoveIndex } from "./moves.js";
import { minOverReachable } from "./scc-min.js";
import { scratchInt32 } from "./scratch.js";

export interface MinReachInput {
  readonly index: MoveIndex;
  /** Decision makers whose moves count. */
  readonly movers: readonly number[];
  /** When given, a move by k counts only if payoffs[k] strictly increases (unilateral improvements). */
  readonly improvementsBy?: readonly Int32Array[];
  /** Values to minimise; out1/out2 receive, per state, the minimum over all states reachable from it, itself included. */
  readonly value1: Int32Array;
  readonly value2?: Int32Array;
  readonly out1: Int32Array;
  readonly out2?: Int32Array;
}

export function minReach(input: MinReachInput): void {
  const { index, movers, value1, out1 } = input;
  const S = index.size;
  const M = movers.length;
  const two = input.value2 !== undefined && input.out2 !== undefined;
  out1.set(value1);
  if (two) input.out2!.set(input.value2!);
  if (M === 0 || S === 0) return;

  const blockOf = movers.map((k) => index.blockOf[k]!);
  const blockStart = movers.map((k) => index.blockStart[k]!);
  const members = movers.map((k) => index.members[k]!);
  const codes = movers.map((k) => index.code[k]!);
  const toY = movers.map((k) => index.toY[k]!);
  const toN = movers.map((k) => index.toN[k]!);
  const pays = input.improvementsBy ? movers.map((k) => input.improvementsBy![k]!) : null;

  // A node's cursor: mover index × 2^24 + offset in v's block for that mover.
  const next = (v: number, cursors: Int32Array, top: number): number => {
    let mi = cursors[top]! >>> 24;
    let off = cursors[top]! & 0xffffff;
    for (; mi < M; mi++, off = 0) {
      const start = blockStart[mi]![blockOf[mi]![v]!]!;
      const end = blockStart[mi]![blockOf[mi]![v]! + 1]!;
      const mem = members[mi]!;
      const code = codes[mi]!;
      const pay = pays !== null ? pays[mi]! : null;
      for (let pos = start + off; pos < end; pos++) {
        const w = mem[pos]!;
        if (w === v) continue;
        if (code !== null) {
          const cv = code[v]!;
          const cw = code[w]!;
          if (((cv & ~cw & toY[mi]!) | (~cv & cw & toN[mi]!)) !== 0) continue;
        }
        if (pay !== null && pay[w]! <= pay[v]!) continue;
        cursors[top] = (mi << 24) | (pos + 1 - start);
        return w;
      }
    }
    cursors[top] = M << 24;
    return -1;
  };
  minOverReachable(S, S, out1, two ? input.out2! : null, next);
}

/**
 * minReach over all moves (no improvement filter), without visiting moves one by
 * one. A cycle of moves can never change a one-way option (it could not be changed
 * back), so the strongly connected components are the connected components of the
 * moves that change no one-way option — union-find, one union per block member. A
 * move that changes a one-way option raises φ(s) = #(toY options taken) +
 * #(toN options not taken), so taking states by decreasing φ finishes every
 * component after all those it can move to. Within a block, the states a one-way
 * move can reach are whole groups (same one-way bits), so each state looks at the
 * minimum of each reachable group instead of at every member.
 * Cost: O(states × movers × groups per block).
 */
export function minReachAllMoves(input: Omit<MinReachInput, "improvementsBy">): void {
  const { index, movers, value1, out1 } = input;
  const S = index.size;
  const two = input.value2 !== undefined && input.out2 !== undefined;
  const value2 = input.value2 ?? value1;
  const out2 = input.out2 ?? out1;
  out1.set(value1);
  if (two) out2.set(value2);
  if (movers.length === 0 || S === 0) return;
  if (movers.some((k) => index.code[k] !== null && index.group[k] === null)) {
    // Too many one-way options in one decision maker to pack: the general method.
    minReach(input);
    return;
  }

  // 1. Components of the moves that change no one-way option, and φ.
  const parent = scratchInt32(0, S);
  for (let s = 0; s < S; s++) parent[s] = s;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const phi = scratchInt32(1, S).fill(0);
  const oneWay: number[] = [];
  for (const k of movers) {
    const start = index.blockStart[k]!;
    const mem = index.members[k]!;
    const grp = index.group[k]!;
    const B = start.length - 1;
    if (grp === null) {
      for (let b = 0; b < B; b++) {
        const first = find(mem[start[b]!]!);
        for (let p = start[b]! + 1; p < start[b + 1]!; p++) {
          const r = find(mem[p]!);
          if (r !== first) parent[r] = first;
        }
      }
      continue;
    }
    oneWay.push(k);
    const gy = index.groupToY[k]!;
    const gn = index.groupToN[k]!;
    for (let s = 0; s < S; s++) phi[s] = phi[s]! + popcount(grp[s]! & gy) + popcount(~grp[s]! & gn);
    // Union each member with the first member of its block that has the same group.
    const firstOf = new Int32Array(index.groupCount[k]!).fill(-1);
    for (let b = 0; b < B; b++) {
      for (let p = start[b]!; p < start[b + 1]!; p++) {
        const w = mem[p]!;
        const g = grp[w]!;
        if (firstOf[g] === -1) firstOf[g] = w;
        else {
          const r = find(w);
          const f = find(firstOf[g]!);
          if (r !== f) parent[r] = f;
        }
      }
      for (let p = start[b]!; p < start[b + 1]!; p++) firstOf[grp[mem[p]!]!] = -1;
    }
  }
  const root = scratchInt32(2, S);
  for (let s = 0; s < S; s++) {
    const r = find(s);
    root[s] = r;
    if (out1[s]! < out1[r]!) out1[r] = out1[s]!;
    if (two && out2[s]! < out2[r]!) out2[r] = out2[s]!;
  }

  if (oneWay.length > 0) {
    // 2. States by decreasing φ (counting sort).
    let maxPhi = 0;
    for (let s = 0; s < S; s++) if (phi[s]! > maxPhi) maxPhi = phi[s]!;
    const count = new Int32Array(maxPhi + 2);
    for (let s = 0; s < S; s++) count[maxPhi - phi[s]! + 1]!++;
    for (let l = 1; l <= maxPhi + 1; l++) count[l]! += count[l - 1]!;
    const byPhi = scratchInt32(3, S);
    for (let s = 0; s < S; s++) byPhi[count[maxPhi - phi[s]!]!++] = s;
    // Per one-way mover: the minimum of each (block, group) over finished states, all movers in one
    // array (mover m's cells from gOff[m]): arrays of arrays here made the optimised code bail out.
    const BIG = 2147483647;
    const M1 = oneWay.length;
    const gOff = new Int32Array(M1 + 1);
    const G1 = new Int32Array(M1);
    const gy1 = new Int32Array(M1);
    const gn1 = new Int32Array(M1);
    oneWay.forEach((k, m) => {
      G1[m] = index.groupCount[k]!;
      gy1[m] = index.groupToY[k]!;
      gn1[m] = index.groupToN[k]!;
      gOff[m + 1] = gOff[m]! + (index.blockStart[k]!.length - 1) * G1[m]!;
    });
    // cellAt[u·M1 + m]: u's first cell (of its block) for mover m, in gmin; grpAt: u's group.
    const cellAt = scratchInt32(4, S * M1);
    const grpAt = scratchInt32(5, S * M1);
    oneWay.forEach((k, m) => {
      const grp = index.group[k]!;
      const blockOf = index.blockOf[k]!;
      for (let u = 0; u < S; u++) {
        cellAt[u * M1 + m] = gOff[m]! + blockOf[u]! * G1[m]!;
        grpAt[u * M1 + m] = grp[u]!;
      }
    });
    const gmin1 = new Int32Array(gOff[M1]!).fill(BIG);
    const gmin2 = new Int32Array(two ? gOff[M1]! : 0).fill(BIG);
    for (let i = 0; i < S; ) {
      const level = phi[byPhi[i]!]!;
      let j = i;
      for (; j < S && phi[byPhi[j]!] === level; j++) {
        const u = byPhi[j]!;
        const r = root[u]!;
        for (let m = 0; m < M1; m++) {
          const G = G1[m]!;
          const gy = gy1[m]!;
          const gn = gn1[m]!;
          const g = grpAt[u * M1 + m]!;
          const base = cellAt[u * M1 + m]!;
          for (let h = 0; h < G; h++) {
            // h reachable from g: toY bits only added, toN bits only dropped, and some change.
            if (h === g || ((g & ~h & gy) | (~g & h & gn)) !== 0) continue;
            if (gmin1[base + h]! < out1[r]!) out1[r] = gmin1[base + h]!;
            if (two && gmin2[base + h]! < out2[r]!) out2[r] = gmin2[base + h]!;
          }
        }
      }
      // This level's components are final: publish them to their groups.
      for (let q = i; q < j; q++) {
        const u = byPhi[q]!;
        const r = root[u]!;
        for (let m = 0; m < M1; m++) {
          const cell = cellAt[u * M1 + m]! + grpAt[u * M1 + m]!;
          if (out1[r]! < gmin1[cell]!) gmin1[cell] = out1[r]!;
          if (two && out2[r]! < gmin2[cell]!) gmin2[cell] = out2[r]!;
        }
      }
      i = j;
    }
  }
  for (let s = 0; s < S; s++) {
    const r = root[s]!;
    out1[s] = out1[r]!;
    if (two) out2[s] = out2[r]!;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
