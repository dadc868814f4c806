/**
 * The feasible states of a model, numbered 0..size-1 internally and shown as
 * 1..size (gmcr-py's numbers) everywhere users see them. The states come from the
 * options and feasibility alone (enumerateStates); the space binds them to the whole
 * model, preferences included, which are read on top of them (payoffs.ts).
 */
import type { ConflictModel } from "../model/types.js";
import type { StateIndex } from "../numbering.js";
import { ok, type Result } from "../problems.js";
import { enumerateStates, indexOfVector, vectorOf, type EnumeratedStates } from "./enumerate.js";

export class StateSpace {
  readonly model: ConflictModel;
  readonly size: number;
  /** Options 0–31 of state s's vector. */
  readonly lo: Uint32Array;
  /** Options 32–63 of state s's vector. */
  readonly hi: Uint32Array;

  /** The model over its feasible states, enumerated from the same options and feasibility. */
  constructor(model: ConflictModel, states: EnumeratedStates) {
    this.model = model;
    this.lo = states.lo;
    this.hi = states.hi;
    this.size = states.lo.length;
  }

  /** Enumerates the model's feasible states, or says why it cannot. */
  static build(model: ConflictModel): Result<StateSpace> {
    const r = enumerateStates(model.options.length, model.infeasible);
    return r.ok ? ok(new StateSpace(model, r.value)) : r;
  }

  /** Whether option `o` is taken (Y) in state `s`. */
  taken(s: StateIndex, o: number): boolean {
    return o < 32 ? ((this.lo[s]! >>> o) & 1) === 1 : ((this.hi[s]! >>> (o - 32)) & 1) === 1;
  }

  /** The state's vector as one number (bit k = option k). */
  vector(s: StateIndex): number {
    return vectorOf(this.lo[s]!, this.hi[s]!);
  }

  /** The state with this vector, or undefined if it is infeasible. */
  indexOf(vector: number): StateIndex | undefined {
    const s = indexOfVector(this, vector);
    return s < 0 ? undefined : (s as StateIndex);
  }

  /** Y/N per option in model order, e.g. "YNNY". */
  yn(s: StateIndex): string {
    let out = "";
    for (let o = 0; o < this.model.options.length; o++) out += this.taken(s, o) ? "Y" : "N";
    return out;
  }

  /** The status quo's state, when the model has one. */
  get statusQuo(): StateIndex | undefined {
    const sq = this.model.statusQuo;
    return sq === undefined ? undefined : this.indexOf(sq.vector);
  }
}

/** Parses a Y/N vector string (option order) into a vector number. */
export function parseYn(text: string): number {
  let v = 0;
  for (let i = text.length - 1; i >= 0; i--) v = v * 2 + (text[i] === "Y" || text[i] === "y" ? 1 : 0);
  return v;
}
