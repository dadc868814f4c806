import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, not the built dist.
    alias: {
      "@concord/core": fileURLToPath(new URL("./packages/core/src/index.ts", import.meta.url)),
      "@concord/report": fileURLToPath(new URL("./packages/report/src/index.ts", import.meta.url)),
      "@concord/app": fileURLToPath(new URL("./packages/app/src/index.ts", import.meta.url)),
      "@concord/node": fileURLToPath(new URL("./packages/node/src/index.ts", import.meta.url)),
      "@concord/cli": fileURLToPath(new URL("./packages/cli/src/main.ts", import.meta.url)),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
