/**
 * Misperceived states (gmcr-py's "misperceptions"): a decision maker does not see the
 * feasible states where one of its `doesNotPerceive` statements holds, so it can move
 * neither to nor from them. That is gmcr-py's rule: its reachability matrices drop
 * every move of a decision maker into or out of a state it misperceives
 * (onp/gmcr-py, data_02_conflictSolvers.py, RMGenerator.__init__, "Remove moves to
 * or from misperceived states", commit f5233f2e56fb971d98cd8c1bf37307ebc40f4b1d).
 *
 * The move index needs no new code path for this: decision maker k moves between
 * the members of a block, so giving each state k does not perceive a block of its
 * own removes exactly k's moves into and out of it. Moves stay transitive (the
 * engine's "no one moves twice in a row" shortcut still holds), and every engine
 * pass runs unchanged on the restricted index.
 */
import type { StateSpace } from "../statespace/space.js";
import { truthColumn } from "../statespace/payoffs.js";
import type { Int32Alloc, MoveIndex } from "./moves.js";
import { localAlloc } from "./moves.js";

/** Per decision maker, 1 for each feasible state it does not perceive; null for one that perceives them all. */
export function unperceivedStates(space: StateSpace): (Uint8Array | null)[] {
  return space.model.decisionMakers.map((dm) => {
    const list = dm.doesNotPerceive ?? [];
    if (list.length === 0) return null;
    const out = new Uint8Array(space.size);
    for (const st of list) {
      const col = truthColumn(space, st.expr);
      for (let s = 0; s < space.size; s++) out[s]! |= col[s]!;
    }
    return out;
  });
}

/** Whether any decision maker of the model misses a state. */
export function hasMisperceptions(space: StateSpace): boolean {
  return unperceivedStates(space).some((u) => u !== null && u.includes(1));
}

/**
 * The move index with each decision maker's unperceived states cut out of its
 * blocks (each becomes a block of its own). Returns `index` itself when no decision
 * maker misses a state.
 */
export function restrictToPerceived(index: MoveIndex, space: StateSpace, alloc: Int32Alloc = localAlloc): MoveIndex {
  const hidden = unperceivedStates(space);
  if (hidden.every((h) => h === null || !h.includes(1))) return index;
  const S = index.size;
  const blockOf = [...index.blockOf];
  const blockStart = [...index.blockStart];
  const members = [...index.members];
  const group = [...index.group];
  const groupCount = alloc(index.dmCount);
  groupCount.set(index.groupCount);
  hidden.forEach((h, k) => {
    if (h === null || !h.includes(1)) return;
    const start = index.blockStart[k]!;
    const mem = index.members[k]!;
    const B = start.length - 1;
    // New blocks: the perceived part of each old block (if any), then one per hidden state.
    const bOf = alloc(S);
    const out = alloc(S);
    const starts: number[] = [0];
    let at = 0;
    for (let b = 0; b < B; b++) {
      let seen = 0;
      for (let p = start[b]!; p < start[b + 1]!; p++) {
        const s = mem[p]!;
        if (h[s] === 1) continue;
        bOf[s] = starts.length - 1;
        out[at++] = s;
        seen++;
      }
      if (seen > 0) starts.push(at);
      for (let p = start[b]!; p < start[b + 1]!; p++) {
        const s = mem[p]!;
        if (h[s] !== 1) continue;
        bOf[s] = starts.length - 1;
        out[at++] = s;
        starts.push(at);
      }
    }
    const st = alloc(starts.length);
    st.set(starts);
    blockOf[k] = bOf;
    blockStart[k] = st;
    members[k] = out;
    // Packed groups are worth it only while blocks × groups stays small (as in buildMoveIndex).
    if (group[k] !== null && (starts.length - 1) * index.groupCount[k]! > 4 * S + 1024) {
      group[k] = null;
      groupCount[k] = 1;
    }
  });
  return { ...index, blockOf, blockStart, members, group, groupCount };
}
