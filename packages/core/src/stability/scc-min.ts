/**
 * The minimum of a value over everything reachable from each node of a directed
 * graph, by one pass of Tarjan's strongly connected components (iterative, so deep
 * graphs cannot overflow the call stack). Components complete in reverse topological
 * order, so when one pops, the minimums of every component it reaches are final and
 * its own is the least of its members' values and those.
 *
 * The graph is given by a successor function, so edges can be generated on the fly
 * from the move index instead of being stored.
 */

/**
 * Next successor of v, or −1 when v has none left. `cursors[top]` is v's place in its
 * own list of successors: 0 when v is first visited; the function advances it.
 */
export type NextSuccessor = (v: number, cursors: Int32Array, top: number) => number;

/**
 * acc1 (and acc2, when given) hold each node's value on entry and, on return, the
 * minimum over the nodes reachable from it, itself included. Searches start from
 * nodes 0 .. roots−1; other nodes are reached through edges only.
 */
export function minOverReachable(nodes: number, roots: number, acc1: Int32Array, acc2: Int32Array | null, next: NextSuccessor): void {
  const order = new Int32Array(nodes).fill(-1); // discovery number
  const low = new Int32Array(nodes);
  const onStack = new Uint8Array(nodes);
  const stack = new Int32Array(nodes);
  const frameNode = new Int32Array(nodes);
  const cursors = new Int32Array(nodes);
  let sp = 0;
  let counter = 0;
  for (let root = 0; root < roots; root++) {
    if (order[root] !== -1) continue;
    let top = 0;
    order[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    frameNode[0] = root;
    cursors[0] = 0;
    while (top >= 0) {
      const v = frameNode[top]!;
      const w = next(v, cursors, top);
      if (w >= 0) {
        const ow = order[w]!;
        if (ow === -1) {
          // Descend into w; v resumes from its cursor later.
          top++;
          order[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          frameNode[top] = w;
          cursors[top] = 0;
        } else if (onStack[w] === 1) {
          if (ow < low[v]!) low[v] = ow;
        } else {
          // w's component is complete: its minimum is final.
          if (acc1[w]! < acc1[v]!) acc1[v] = acc1[w]!;
          if (acc2 !== null && acc2[w]! < acc2[v]!) acc2[v] = acc2[w]!;
        }
        continue;
      }
      // v is finished. If it roots a component, the component is everything above it on the stack.
      if (low[v] === order[v]) {
        let m1 = acc1[v]!;
        let m2 = acc2 !== null ? acc2[v]! : 0;
        let k = sp - 1;
        for (; ; k--) {
          const u = stack[k]!;
          if (acc1[u]! < m1) m1 = acc1[u]!;
          if (acc2 !== null && acc2[u]! < m2) m2 = acc2[u]!;
          if (u === v) break;
        }
        for (let j = k; j < sp; j++) {
          const u = stack[j]!;
          acc1[u] = m1;
          if (acc2 !== null) acc2[u] = m2;
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
          if (acc1[v]! < acc1[p]!) acc1[p] = acc1[v]!;
          if (acc2 !== null && acc2[v]! < acc2[p]!) acc2[p] = acc2[v]!;
        }
      }
    }
  }
}
