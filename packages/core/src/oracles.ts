/**
 * @concord/core/oracles — stability and coalition stability written straight from the
 * definitions, slow and sharing nothing with the fast engine: the references the
 * engine is checked against, here for tests and anyone checking results on small models.
 */
export { Oracle } from "./stability/oracle.js";
export { CoalitionOracle } from "./coalition/oracle.js";
