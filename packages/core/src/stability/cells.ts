/**
 * A decision maker's moves sorted by its own preference. Within one block and one
 * group of k's one-way options (a "cell"), k can move from any member to any other,
 * and from a cell to every cell whose one-way bits it can reach. Sorting each cell's
 * members by k's payoff, best first, turns "k's unilateral improvements from u in
 * this cell" into a prefix of the cell, found by binary search — so questions about
 * all of k's improvements cost O(groups × log) per state instead of O(block size).
 */
import type { Int32Alloc, MoveIndex } from "./moves.js";
import { localAlloc } from "./moves.js";
import { scratchInt32 } from "./scratch.js";

export interface SortedCells {
  /** Groups per block (1 when the decision maker has no one-way option). */
  readonly groups: number;
  /** cellOf[s] = block × groups + group. */
  readonly cellOf: Int32Array;
  /** start[c] .. start[c+1]: cell c's positions in `members`. */
  readonly start: Int32Array;
  /** States by cell, best first for the decision maker (ties: lower state first). */
  readonly members: Int32Array;
}

/** The sorted cells of decision maker k, or null when k's one-way options are not packed into groups. */
export function buildSortedCells(index: MoveIndex, k: number, P: Int32Array, alloc: Int32Alloc = localAlloc): SortedCells | null {
  if (index.code[k] !== null && index.group[k] === null) return null;
  const S = index.size;
  const G = index.groupCount[k]!;
  const grp = index.group[k]!;
  const blockOf = index.blockOf[k]!;
  const cells = (index.blockStart[k]!.length - 1) * G;
  const cellOf = alloc(S);
  for (let s = 0; s < S; s++) cellOf[s] = blockOf[s]! * G + (grp !== null ? grp[s]! : 0);
  // Counting sort by payoff (best first), then a stable counting sort by cell.
  let maxP = 0;
  for (let s = 0; s < S; s++) if (P[s]! > maxP) maxP = P[s]!;
  const count = new Int32Array(maxP + 2);
  for (let s = 0; s < S; s++) count[maxP - P[s]! + 1]!++;
  for (let v = 1; v <= maxP + 1; v++) count[v]! += count[v - 1]!;
  const byPay = scratchInt32(0, S);
  for (let s = 0; s < S; s++) byPay[count[maxP - P[s]!]!++] = s;
  const start = alloc(cells + 1);
  for (let s = 0; s < S; s++) start[cellOf[s]! + 1]!++;
  for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
  const fill = Int32Array.from(start.subarray(0, cells));
  const members = alloc(S);
  for (let i = 0; i < S; i++) {
    const s = byPay[i]!;
    members[fill[cellOf[s]!]!++] = s;
  }
  return { groups: G, cellOf, start, members };
}
