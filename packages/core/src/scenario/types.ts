import type { ActorInfo, ScenarioDocument, SourceInfo } from "../format/schema.js";
import type { ConflictModel } from "../model/types.js";
import type { NegotiationRecord } from "../record/record.js";
import type { ScenarioSettlement } from "./settlement.js";

/** A validated scenario: metadata, sources, actors, the negotiation record (parsed once) and the conflict model if it has one. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly asOf?: string;
  readonly description?: string;
  readonly sources: readonly SourceInfo[];
  readonly actors: readonly ActorInfo[];
  /** The record with its dates and terms parsed and shorthand expanded: what the record's views read. */
  readonly record: NegotiationRecord;
  readonly model?: ConflictModel;
  /** Treaty packages (the settlement section), checked against the model. */
  readonly settlement?: ScenarioSettlement;
  /** The validated document it was built from (for conversion and round trips). */
  readonly document: ScenarioDocument;
}
