/**
 * One numbering at every boundary. States are numbered from 1 wherever people or
 * other programs see them (gmcr-py's numbers: CLI, JSON, messages, reports) and from
 * 0 inside the engine; decision makers by their position in the model. The branded
 * types below make mixing them a type error where values cross an API; the engine's
 * loops over typed arrays use plain numbers and convert at their edges.
 */
declare const brand: unique symbol;
type Branded<B extends string> = number & { readonly [brand]: B };

/** A state's position in the state space, 0 to size − 1: the engine's numbering. */
export type StateIndex = Branded<"StateIndex">;
/** A state as users see it, 1 to size (gmcr-py's numbers). */
export type StateNumber = Branded<"StateNumber">;
/** A decision maker's position in the model, from 0. */
export type DmIndex = Branded<"DmIndex">;

export const stateNumber = (s: StateIndex): StateNumber => (s + 1) as StateNumber;
export const stateIndexOf = (n: StateNumber): StateIndex => (n - 1) as StateIndex;
/** A position from an engine loop or array (0 to size − 1) as a StateIndex. */
export const asStateIndex = (s: number): StateIndex => s as StateIndex;
/** A position from a loop over the decision makers as a DmIndex. */
export const asDmIndex = (d: number): DmIndex => d as DmIndex;
