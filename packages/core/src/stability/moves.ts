/**
 * Unilateral moves, indexed without a state×state matrix. Decision maker k can move
 * from s to t exactly when t is feasible, differs from s only in k's options, and
 * changes no one-way option against its direction. States that agree on everyone
 * else's options form a "block" for k; k's moves from s are the other members of
 * s's block, filtered by the one-way rule. Each block is stored once as a run of
 * state numbers, so the whole index costs O(states × decision makers) memory.
 */
import { vectorOf } from "../statespace/enumerate.js";
import type { StateSpace } from "../statespace/space.js";

/** Allocates integer arrays; pass one backed by SharedArrayBuffer to share with workers. */
export type Int32Alloc = (length: number) => Int32Array;
export const localAlloc: Int32Alloc = (n) => new Int32Array(n);

export interface MoveIndex {
  readonly size: number;
  readonly dmCount: number;
  /** blockOf[k][s]: the block of s for decision maker k. */
  readonly blockOf: readonly Int32Array[];
  /** blockStart[k][b] .. blockStart[k][b+1]: where block b's states sit in members[k]. */
  readonly blockStart: readonly Int32Array[];
  /** members[k]: states grouped by block, ascending within a block. */
  readonly members: readonly Int32Array[];
  /** code[k][s]: k's options in s as bits (first option = bit 0); null when k has no one-way option. */
  readonly code: readonly (Int32Array | null)[];
  /** Per decision maker, bits (in its code) of options that may only go N→Y, resp. Y→N. */
  readonly toY: Int32Array;
  readonly toN: Int32Array;
  /**
   * group[k][s]: k's one-way options in s, packed into the low bits (null when k has
   * none). States of one block with the same group are mutually reachable by k.
   */
  readonly group: readonly (Int32Array | null)[];
  /** Per decision maker: number of groups (2^one-way options) and the packed toY / toN masks. */
  readonly groupCount: Int32Array;
  readonly groupToY: Int32Array;
  readonly groupToN: Int32Array;
}

/** At most this many one-way options per decision maker get packed groups (2^12 per block). */
export const MAX_GROUP_BITS = 12;

const TWO24 = 2 ** 24;

/**
 * `maxGroupBits` caps the one-way options per decision maker that get packed groups
 * (tests set it to 0 to exercise the general code paths).
 */
export function buildMoveIndex(space: StateSpace, alloc: Int32Alloc = localAlloc, maxGroupBits = MAX_GROUP_BITS): MoveIndex {
  const vec = stateVectors(space);
  return assembleMoveIndex(space.model.decisionMakers.map((_, k) => moveIndexPart(space, vec, k, alloc, maxGroupBits)), space.size, alloc);
}

/** Each state's option vector as one number (the input of moveIndexPart). */
export function stateVectors(space: StateSpace, out: Float64Array = new Float64Array(space.size)): Float64Array {
  for (let s = 0; s < space.size; s++) out[s] = vectorOf(space.lo[s]!, space.hi[s]!);
  return out;
}

/** Decision maker k's part of the move index (independent of the others', so threads can build them apart). */
export interface MoveIndexPart {
  readonly blockOf: Int32Array;
  readonly blockStart: Int32Array;
  readonly members: Int32Array;
  readonly code: Int32Array | null;
  readonly toY: number;
  readonly toN: number;
  readonly group: Int32Array | null;
  readonly groupCount: number;
  readonly groupToY: number;
  readonly groupToN: number;
}

/** The index from every decision maker's part, in order. */
export function assembleMoveIndex(parts: readonly MoveIndexPart[], size: number, alloc: Int32Alloc = localAlloc): MoveIndex {
  const D = parts.length;
  const ints = (f: (p: MoveIndexPart) => number): Int32Array => {
    const a = alloc(D);
    parts.forEach((p, k) => (a[k] = f(p)));
    return a;
  };
  return {
    size, dmCount: D,
    blockOf: parts.map((p) => p.blockOf), blockStart: parts.map((p) => p.blockStart), members: parts.map((p) => p.members),
    code: parts.map((p) => p.code), toY: ints((p) => p.toY), toN: ints((p) => p.toN), group: parts.map((p) => p.group),
    groupCount: ints((p) => p.groupCount), groupToY: ints((p) => p.groupToY), groupToN: ints((p) => p.groupToN),
  };
}

/** Decision maker k's part of the move index; `vec` from stateVectors. */
export function moveIndexPart(space: StateSpace, vec: Float64Array, k: number, alloc: Int32Alloc = localAlloc, maxGroupBits = MAX_GROUP_BITS): MoveIndexPart {
  const model = space.model;
  const S = space.size;
  const n = model.options.length;
  const opts = model.decisionMakers[k]!.options;
  const off = opts[0] ?? 0;
  const c = opts.length;
  const below = 2 ** off;
  const upto = 2 ** (off + c);
  let ty = 0;
  let tn = 0;
  opts.forEach((o, bit) => {
    const dir = model.options[o]!.oneWay;
    if (dir === "toY") ty |= 1 << bit;
    else if (dir === "toN") tn |= 1 << bit;
  });
  // key = the vector with k's options cut out; states with equal keys share a block.
  const key = new Float64Array(S);
  // Up to 31 options a vector is one small integer: bit operations instead of float division and modulo.
  const lo = space.lo;
  if (n <= 31) {
    const shift = off + c;
    const mask = below - 1;
    for (let s = 0; s < S; s++) {
      const v = lo[s]!;
      key[s] = ((v >>> shift) << off) | (v & mask);
    }
  } else {
    for (let s = 0; s < S; s++) {
      const v = vec[s]!;
      key[s] = Math.floor(v / upto) * below + (v % below);
    }
  }
  const bOf = alloc(S);
  const mem = alloc(S);
  let blocks = 0;
  let start: Int32Array;
  if (2 ** (n - c) <= Math.max(4 * S, 1 << 16)) {
    // Few possible keys: number the blocks through a dense table, then place the
    // states by counting sort (ascending within each block, as states ascend).
    const idOf = new Int32Array(2 ** (n - c)).fill(-1);
    for (let s = 0; s < S; s++) {
      const kk = key[s]!;
      if (idOf[kk] === -1) idOf[kk] = blocks++;
      bOf[s] = idOf[kk]!;
    }
    start = alloc(blocks + 1);
    for (let s = 0; s < S; s++) start[bOf[s]! + 1]!++;
    for (let b = 0; b < blocks; b++) start[b + 1]! += start[b]!;
    const fill = Int32Array.from(start.subarray(0, blocks));
    for (let s = 0; s < S; s++) mem[fill[bOf[s]!]!++] = s;
  } else {
    const order = sortByKey(key, n - c);
    for (let i = 0; i < S; i++) {
      const s = order[i]!;
      if (i === 0 || key[s] !== key[order[i - 1]!]) blocks++;
      bOf[s] = blocks - 1;
      mem[i] = s;
    }
    start = alloc(blocks + 1);
    for (let i = 0, b = -1; i < S; i++) {
      const bb = bOf[mem[i]!]!;
      if (bb !== b) { start[bb] = i; b = bb; }
    }
    start[blocks] = S;
  }
  const part = { blockOf: bOf, blockStart: start, members: mem, toY: ty, toN: tn };
  if (ty !== 0 || tn !== 0) {
    const cd = alloc(S);
    if (n <= 31) for (let s = 0; s < S; s++) cd[s] = (lo[s]! >>> off) & ((1 << c) - 1);
    else for (let s = 0; s < S; s++) cd[s] = Math.floor(vec[s]! / below) % 2 ** c;
    const bits: number[] = [];
    for (let bit = 0; bit < c; bit++) if ((((ty | tn) >>> bit) & 1) === 1) bits.push(bit);
    // Packed groups only when (blocks × groups) stays small.
    if (bits.length <= maxGroupBits && blocks * 2 ** bits.length <= 4 * S + 1024) {
      const g = alloc(S);
      for (let s = 0; s < S; s++) {
        let v = 0;
        for (let j = 0; j < bits.length; j++) v |= ((cd[s]! >>> bits[j]!) & 1) << j;
        g[s] = v;
      }
      let gty = 0;
      let gtn = 0;
      bits.forEach((bit, j) => {
        if (((ty >>> bit) & 1) === 1) gty |= 1 << j;
        else gtn |= 1 << j;
      });
      return { ...part, code: cd, group: g, groupCount: 1 << bits.length, groupToY: gty, groupToN: gtn };
    }
    return { ...part, code: cd, group: null, groupCount: 0, groupToY: 0, groupToN: 0 };
  }
  return { ...part, code: null, group: null, groupCount: 1, groupToY: 0, groupToN: 0 };
}

/** States ordered by key, then by state number. */
function sortByKey(key: Float64Array, keyBits: number): Int32Array | number[] {
  const S = key.length;
  if (keyBits + 24 <= 53 && S <= TWO24) {
    // Pack (key, state) into one exact double and let the native numeric sort do the work.
    const packed = new Float64Array(S);
    for (let s = 0; s < S; s++) packed[s] = key[s]! * TWO24 + s;
    packed.sort();
    const order = new Int32Array(S);
    for (let i = 0; i < S; i++) order[i] = packed[i]! % TWO24;
    return order;
  }
  return Array.from({ length: S }, (_, s) => s).sort((a, b) => key[a]! - key[b]! || a - b);
}

/** Decision maker k's part of the index, unpacked once before a hot loop. */
export function dmMoves(index: MoveIndex, k: number): {
  blockOf: Int32Array; start: Int32Array; mem: Int32Array; code: Int32Array | null; ty: number; tn: number;
} {
  return {
    blockOf: index.blockOf[k]!, start: index.blockStart[k]!, mem: index.members[k]!,
    code: index.code[k]!, ty: index.toY[k]!, tn: index.toN[k]!,
  };
}

/** Whether k may move from s to t (t in s's block for k, t ≠ s). */
export function legalMove(idx: MoveIndex, k: number, s: number, t: number): boolean {
  if (s === t || idx.blockOf[k]![s] !== idx.blockOf[k]![t]) return false;
  const code = idx.code[k]!;
  if (code === null) return true;
  const cs = code[s]!;
  const ct = code[t]!;
  return ((cs & ~ct & idx.toY[k]!) | (~cs & ct & idx.toN[k]!)) === 0;
}

/** k's unilateral moves from s, ascending. For explanations and tests, not hot loops. */
export function movesFrom(idx: MoveIndex, k: number, s: number): number[] {
  const b = idx.blockOf[k]![s]!;
  const out: number[] = [];
  for (let p = idx.blockStart[k]![b]!; p < idx.blockStart[k]![b + 1]!; p++) {
    const t = idx.members[k]![p]!;
    if (legalMove(idx, k, s, t)) out.push(t);
  }
  return out;
}
