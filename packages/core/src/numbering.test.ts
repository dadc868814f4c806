// One numbering at every boundary: the branded types keep 1-based state numbers,
// 0-based state indices and decision-maker indices apart. The @ts-expect-error lines
// are checked by `npm run typecheck`: if mixing them stopped being an error, it fails.
import { describe, expect, it } from "vitest";
import { asDmIndex, asStateIndex, stateIndexOf, stateNumber, type DmIndex, type StateIndex, type StateNumber } from "./numbering.js";
import type { explain } from "./stability/explain.js";

describe("state numbers and indices", () => {
  it("convert at the boundary: index 0 is state 1", () => {
    expect(stateNumber(asStateIndex(0))).toBe(1);
    expect(stateIndexOf(stateNumber(asStateIndex(41)))).toBe(41);
  });

  it("cannot be mixed up without a conversion", () => {
    const n: StateNumber = stateNumber(asStateIndex(3));
    // @ts-expect-error a state number is not an index
    const s: StateIndex = n;
    // @ts-expect-error a decision maker is not a state
    const d: DmIndex = asStateIndex(0);
    // @ts-expect-error a plain number must say which numbering it is in
    const t: StateIndex = 3;
    // Engine code reads them as plain numbers (typed-array positions).
    const plain: number = asStateIndex(3) + asDmIndex(1);
    expect([s, d, t, plain]).toEqual([4, 0, 3, 4]);
    // API edges take the branded type: explain(analysis, state, decision maker, concept).
    const argumentsOf = (..._: Parameters<typeof explain>): void => undefined;
    // @ts-expect-error the state and the decision maker are swapped
    argumentsOf(undefined as never, asDmIndex(0), asStateIndex(0), "nash");
  });
});
