import type { ConflictModel } from "../model/types.js";
import type { ActorInfo, ScenarioDocument, SourceInfo } from "../format/schema.js";

/** A validated scenario: metadata, sources, actors, and the conflict model if it has one. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly asOf?: string;
  readonly description?: string;
  readonly sources: readonly SourceInfo[];
  readonly actors: readonly ActorInfo[];
  readonly model?: ConflictModel;
  /** The validated document it was built from (for conversion and round trips). */
  readonly document: ScenarioDocument;
}
