/**
 * The literal oracle (stability/oracle.ts) with misperceived states: decision maker
 * i's moves R_i(s) lose every move into or out of a state i does not perceive, which
 * is found by evaluating i's `doesNotPerceive` statements state by state. Nothing is
 * shared with stability/unperceived.ts. For tests.
 */
import { evaluate } from "../model/expression.js";
import { asStateIndex } from "../numbering.js";
import { Oracle } from "../stability/oracle.js";
import type { StateSpace } from "../statespace/space.js";

export class PerceivedOracle extends Oracle {
  private readonly hidden: readonly (readonly boolean[])[];

  constructor(space: StateSpace, P: readonly Int32Array[]) {
    super(space, P);
    this.hidden = space.model.decisionMakers.map((dm) =>
      Array.from({ length: space.size }, (_, s) => (dm.doesNotPerceive ?? []).some((st) => evaluate(st.expr, (o) => space.taken(asStateIndex(s), o)))),
    );
  }

  override R(i: number, s: number): readonly number[] {
    const h = this.hidden[i]!;
    if (h[s]) return [];
    return super.R(i, s).filter((t) => !h[t]);
  }
}
