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
  const value2 = input.value2 ?? value1;
  const out2 = input.out2 ?? out1;
  out1.set(value1);
  if (two) out2.set(value2);
  if (M === 0 || S === 0) return;

  const blockOf = movers.map((k) => index.blockOf[k]!);
  const blockStart = movers.map((k) => index.blockStart[k]!);
  const members = movers.map((k) => index.members[k]!);
  const codes = movers.map((k) => index.code[k]!);
  const toY = movers.map((k) => index.toY[k]!);
  const toN = movers.map((k) => index.toN[k]!);
  const pays = input.improvementsBy ? movers.map((k) => input.improvementsBy![k]!) : null;

  const order = new Int32Array(S).fill(-1); // DFS discovery number
  const low = new Int32Array(S);
  const onStack = new Uint8Array(S);
  const stack = new Int32Array(S);
  let sp = 0;
  // The DFS call stack: node, which mover's block we are in, position in that block.
  const frameNode = new Int32Array(S);
  const frameMover = new Int32Array(S);
  const framePos = new Int32Array(S);
  let counter = 0;

  for (let root = 0; root < S; root++) {
    if (order[root] !== -1) continue;
    let top = 0;
    order[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    frameNode[0] = root;
    frameMover[0] = 0;
    framePos[0] = blockStart[0]![blockOf[0]![root]!]!;

    while (top >= 0) {
      const v = frameNode[top]!;
      let mi = frameMover[top]!;
      let pos = framePos[top]!;
      let descended = false;
      while (mi < M) {
        const mem = members[mi]!;
        const end = blockStart[mi]![blockOf[mi]![v]! + 1]!;
        const code = codes[mi]!;
        const ty = toY[mi]!;
        const tn = toN[mi]!;
        const cv = code !== null ? code[v]! : 0;
        const pay = pays !== null ? pays[mi]! : null;
        const pv = pay !== null ? pay[v]! : 0;
        while (pos < end) {
          const w = mem[pos++]!;
          if (w === v) continue;
          if (code !== null) {
            const cw = code[w]!;
            if (((cv & ~cw & ty) | (~cv & cw & tn)) !== 0) continue;
          }
          if (pay !== null && pay[w]! <= pv) continue;
          const ow = order[w]!;
          if (ow === -1) {
            // Descend into w; resume v here later.
            frameMover[top] = mi;
            framePos[top] = pos;
            top++;
            order[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = 1;
            frameNode[top] = w;
            frameMover[top] = 0;
            framePos[top] = blockStart[0]![blockOf[0]![w]!]!;
            descended = true;
            break;
          }
          if (onStack[w] === 1) {
            if (ow < low[v]!) low[v] = ow;
          } else {
            // w's component is complete: its minimum is final.
            if (out1[w]! < out1[v]!) out1[v] = out1[w]!;
            if (two && out2[w]! < out2[v]!) out2[v] = out2[w]!;
          }
        }
        if (descended) break;
        mi++;
        if (mi < M) pos = blockStart[mi]![blockOf[mi]![v]!]!;
      }
      if (descended) continue;

      // v is finished.
      if (low[v] === order[v]) {
        // v roots a component: everything above it on the stack.
        let m1 = out1[v]!;
        let m2 = out2[v]!;
        let k = sp - 1;
        for (; ; k--) {
          const u = stack[k]!;
          if (out1[u]! < m1) m1 = out1[u]!;
          if (two && out2[u]! < m2) m2 = out2[u]!;
          if (u === v) break;
        }
        for (let j = k; j < sp; j++) {
          const u = stack[j]!;
          out1[u] = m1;
          if (two) out2[u] = m2;
          onStack[u] = 0;
        }
        sp = k;
      }
      top--;
      if (top >= 0) {
        const p = frameNode[top]!;
        if (onStack[v] === 1) {
          if (low[v]! < low[p]!) low[p] = low[v]!;
        } else {
          if (out1[v]! < out1[p]!) out1[p] = out1[v]!;
          if (two && out2[v]! < out2[p]!) out2[p] = out2[v]!;
        }
      }
    }
  }
}
