// Regenerates the JSON Schemas: `npm run schema`.
// - schema/scenario.schema.json from the zod schema of scenario files;
// - schema/cli/<command>.schema.json, what each command prints with --json, from the
//   TypeScript types in packages/cli/src/json-output.ts (ts-json-schema-generator).
import { mkdirSync, writeFileSync } from "node:fs";
import { createGenerator } from "ts-json-schema-generator";
import { scenarioJsonSchema } from "@concord/core";
import { cliJsonSchemas } from "./cli-json-schemas.js";

const write = (path: string, schema: unknown): void => {
  const out = new URL(`../${path}`, import.meta.url);
  writeFileSync(out, JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote ${path}`);
};

write("schema/scenario.schema.json", scenarioJsonSchema());
mkdirSync(new URL("../schema/cli/", import.meta.url), { recursive: true });
for (const [command, schema] of cliJsonSchemas(createGenerator)) write(`schema/cli/${command}.schema.json`, schema);
