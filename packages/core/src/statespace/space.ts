/**
 * The feasible states of a model, numbered 0..size-1 internally and shown as
 * 1..size (gmcr-py's numbers) everywhere users see them.
 */
import type { ConflictModel } from "../model/types.js";
import { enumerateStates, vectorOf, type EnumerationError } from "./enumerate.js";

export class StateSpace {
  readonly model: ConflictModel;
  readonly size: number;
  /** Options 0–31 of state s's vector. */
  readonly lo: Uint32Array;
  /** Options 32–63 of state s's vector. */
  readonly hi: Uint32Array;

  private constructor(model: ConflictModel, lo: Uint32Array, hi: Uint32Array) {
    this.model = model;
    this.lo = lo;
    this.hi = hi;
    this.size = lo.length;
  }

  /** Enumerates the model's feasible states, or says why it cannot. */
  static build(model: ConflictModel): StateSpace | EnumerationError {
    const r = enumerateStates(model.options.length, model.infeasible);
    if ("error" in r) return r;
    return new StateSpace(model, r.lo, r.hi);
  }

  /** The same states under a model with the same options and feasibility (e.g. preferences resolved). */
  withModel(model: ConflictModel): StateSpace {
    return new StateSpace(model, this.lo, this.hi);
  }

  /** Whether option `o` is taken (Y) in state `s`. */
  taken(s: number, o: number): boolean {
    return o < 32 ? ((this.lo[s]! >>> o) & 1) === 1 : ((this.hi[s]! >>> (o - 32)) & 1) === 1;
  }

  /** The state's vector as one number (bit k = option k). */
  vector(s: number): number {
    return vectorOf(this.lo[s]!, this.hi[s]!);
  }

  /** The state with this vector, or -1 if it is infeasible. Binary search: vectors ascend. */
  indexOf(vector: number): number {
    let a = 0;
    let b = this.size - 1;
    while (a <= b) {
      const m = (a + b) >>> 1;
      const v = this.vector(m);
      if (v === vector) return m;
      if (v < vector) a = m + 1;
      else b = m - 1;
    }
    return -1;
  }

  /** Y/N per option in model order, e.g. "YNNY". */
  yn(s: number): string {
    let out = "";
    for (let o = 0; o < this.model.options.length; o++) out += this.taken(s, o) ? "Y" : "N";
    return out;
  }

  /** The status quo's state index, or -1 when the model has none. */
  get statusQuo(): number {
    const sq = this.model.statusQuo;
    return sq === undefined ? -1 : this.indexOf(sq.vector);
  }
}

/** Parses a Y/N vector string (option order) into a vector number. */
export function parseYn(text: string): number {
  let v = 0;
  for (let i = text.length - 1; i >= 0; i--) v = v * 2 + (text[i] === "Y" || text[i] === "y" ? 1 : 0);
  return v;
}
