import { z } from "zod";
import { ScenarioSchema } from "./schema.js";

/** Where the scenario JSON Schema is published: the copy in the @concord/cli package. */
export const SCENARIO_SCHEMA_ID = "https://unpkg.com/@concord/cli/schema/scenario.schema.json";

/** The JSON Schema of scenario documents, generated from the zod schema (committed as schema/scenario.schema.json). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
  return {
    ...schema,
    // The file as shipped in the CLI's package (packages/cli/package.json "files"), served by the npm CDN.
    $id: SCENARIO_SCHEMA_ID,
    title: "Concord scenario (format 1)",
  };
}
