import { z } from "zod";
import { ScenarioSchema } from "./schema.js";

/** The JSON Schema of scenario documents, generated from the zod schema (committed as schema/scenario.schema.json). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
  return {
    ...schema,
    $id: "https://github.com/concord-negotiations/concord/schema/scenario.schema.json",
    title: "Concord scenario (format 1)",
  };
}
