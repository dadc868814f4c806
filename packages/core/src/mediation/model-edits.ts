/**
 * Small edits to a conflict model that several analyses make: reading an option off a
 * state vector, and fixing an option at a value (removing the states where it differs).
 */
import type { ConditionInfo } from "../model/types.js";
import { splitVector } from "../statespace/enumerate.js";

/** Whether option `o` is taken in the state with this vector. */
export function takenIn(vector: number, o: number): boolean {
  return Math.floor(vector / 2 ** o) % 2 === 1;
}

/** The vector with option `o` flipped. */
export function flipped(vector: number, o: number): number {
  return takenIn(vector, o) ? vector - 2 ** o : vector + 2 ** o;
}

/** A feasibility condition that keeps option `o` at `value`: it removes every state where the option differs. */
export function fixOption(o: number, value: boolean, text: string): ConditionInfo {
  const [loMask, hiMask] = splitVector(2 ** o);
  return { kind: "infeasible", text, removes: [{ loMask, loValue: value ? 0 : loMask, hiMask, hiValue: value ? 0 : hiMask }], evidence: [] };
}
