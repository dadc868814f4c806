// Copies what a workspace package's tarball needs from the repository root into the
// package folder before `npm pack` (prepack), and removes the copies after (postpack):
// the licence in every package; for the CLI also the seed scenario, the examples and
// the JSON Schemas, so that the bare `concord` demo and `concord init` work once
// installed. Usage: node ../../scripts/package-assets.mjs copy|clean [scenarios,schema]
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const [mode, extra = ""] = process.argv.slice(2);
const assets = ["LICENSE", ...extra.split(",").filter((a) => a !== "")];
for (const asset of assets) {
  const here = join(process.cwd(), asset);
  rmSync(here, { recursive: true, force: true });
  if (mode === "copy") cpSync(join(root, asset), here, { recursive: true });
  else if (mode !== "clean") throw new Error(`expected copy or clean, found ${mode}`);
}
