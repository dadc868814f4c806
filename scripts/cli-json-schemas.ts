// The JSON Schemas of the commands' --json outputs, generated from the types in
// packages/cli/src/json-output.ts; used by write-json-schema.ts and by the test that
// checks the committed files are current.
import { fileURLToPath } from "node:url";
import type { createGenerator } from "ts-json-schema-generator";
import { SCENARIO_SCHEMA_ID } from "@concord/core";
import { JSON_OUTPUTS } from "../packages/cli/src/json-output.js";

/** Where the schemas are published: the copies shipped in the CLI's package (as for the scenario schema). */
const BASE = "https://unpkg.com/@concord/cli/schema/cli/";

export function cliJsonSchemas(generator: typeof createGenerator): [string, Record<string, unknown>][] {
  const g = generator({
    path: fileURLToPath(new URL("../packages/cli/src/json-output.ts", import.meta.url)),
    tsconfig: fileURLToPath(new URL("../tsconfig.test.json", import.meta.url)),
    skipTypeCheck: true,
    expose: "export",
    topRef: false,
    sortProps: true,
  });
  return Object.entries(JSON_OUTPUTS).map(([command, type]) => {
    const schema = g.createSchema(type);
    // A scenario document inside an output is described by the scenario schema itself.
    const definitions = schema.definitions as Record<string, unknown> | undefined;
    if (definitions?.ScenarioDocumentJson) definitions.ScenarioDocumentJson = { $ref: SCENARIO_SCHEMA_ID };
    return [command, { ...schema, $id: `${BASE}${command}.schema.json`, title: `concord ${command} --json` }];
  });
}
