// vitest globalSetup of the web tests: builds the workbench with Vite once, so that the
// tests serve the current sources exactly as `concord serve` serves the production build.
import { fileURLToPath } from "node:url";
import { build } from "vite";

export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  await build({ root, configFile: `${root}vite.config.ts`, logLevel: "warn" });
}
