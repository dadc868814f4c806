// Regenerates schema/scenario.schema.json from the zod schema: `npm run schema`.
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "@concord/core";

const out = new URL("../schema/scenario.schema.json", import.meta.url);
writeFileSync(out, JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
console.log(`wrote ${out.pathname}`);
