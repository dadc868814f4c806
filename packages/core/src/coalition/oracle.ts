/**
 * Coalition stability straight from the definitions, for tests: coalition move
 * sequences are enumerated literally (a search over (state, last mover) or (state,
 * last block)), sharing nothing with the fast code but the literal oracle of
 * stability/oracle.ts. Slow; for small models only.
 */
import type { BasicConcept } from "../stability/concepts.js";
import type { Oracle } from "../stability/oracle.js";

/** Decision makers by position (plain numbers: the oracle shares no types with the fast code). */
type Coalition = readonly number[];

export class CoalitionOracle {
  constructor(readonly oracle: Oracle) {}

  private get P(): readonly Int32Array[] {
    return this.oracle.P;
  }

  /** Whether every member of H strictly prefers t to s. */
  gains(H: Coalition, s: number, t: number): boolean {
    return H.every((i) => this.P[i]![t]! > this.P[i]![s]!);
  }

  /** R_H^{++}(s): states reached by a legal sequence of H's moves that every member of H prefers to s. */
  improvements(H: Coalition, s: number): number[] {
    return this.oracle.reach(H, s, false).filter((t) => this.gains(H, s, t));
  }

  /**
   * States reached from s by one or more moves of the blocks, no block twice in a
   * row, each move a block's improvement: a unilateral improvement for a block of
   * one, a coalitional improvement for a larger block.
   */
  blockReach(blocks: readonly Coalition[], s: number): number[] {
    const B = blocks.length;
    const S = this.oracle.space.size;
    const reached = new Uint8Array(S);
    const seen = new Set<number>();
    const queue: [number, number][] = [[s, B]];
    for (let q = 0; q < queue.length; q++) {
      const [u, last] = queue[q]!;
      blocks.forEach((K, b) => {
        if (b === last) return;
        const moves = K.length === 1 ? this.oracle.R(K[0]!, u).filter((t) => this.P[K[0]!]![t]! > this.P[K[0]!]![u]!) : this.improvements(K, u);
        for (const t of moves) {
          reached[t] = 1;
          if (!seen.has(t * (B + 1) + b)) {
            seen.add(t * (B + 1) + b);
            queue.push([t, b]);
          }
        }
      });
    }
    const out: number[] = [];
    for (let t = 0; t < S; t++) if (reached[t] === 1) out.push(t);
    return out;
  }

  /** Whether s is stable for coalition H under a concept, the other blocks being `others`. */
  stable(H: Coalition, s: number, concept: BasicConcept, others: readonly Coalition[]): boolean {
    const rest = others.flat();
    const sanctions = (u: number): boolean => !this.gains(H, s, u);
    const imps = this.improvements(H, s);
    switch (concept) {
      case "nash":
        return imps.length === 0;
      case "gmr":
        return imps.every((s1) => this.oracle.reach(rest, s1, false).some(sanctions));
      case "smr":
        return imps.every((s1) =>
          this.oracle.reach(rest, s1, false).some((s2) => sanctions(s2) && this.oracle.reach(H, s2, false).every(sanctions)),
        );
      case "seq":
        return imps.every((s1) => this.blockReach(others, s1).some(sanctions));
    }
  }
}
