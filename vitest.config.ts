import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const STORAGE_TESTS = "packages/storage/src/**/*.test.ts";
const SERVER_TESTS = "packages/server/src/**/*.test.ts";
const WEB_TESTS = "packages/web/e2e/**/*.test.ts";

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, not the built dist. Subpaths come before their package: aliases match by prefix, in order.
    alias: {
      "@concord/core/oracles": fileURLToPath(new URL("./packages/core/src/oracles.ts", import.meta.url)),
      "@concord/core": fileURLToPath(new URL("./packages/core/src/index.ts", import.meta.url)),
      "@concord/report": fileURLToPath(new URL("./packages/report/src/index.ts", import.meta.url)),
      "@concord/storage/testing": fileURLToPath(new URL("./packages/storage/src/testing/index.ts", import.meta.url)),
      "@concord/storage": fileURLToPath(new URL("./packages/storage/src/index.ts", import.meta.url)),
      "@concord/app": fileURLToPath(new URL("./packages/app/src/index.ts", import.meta.url)),
      "@concord/node": fileURLToPath(new URL("./packages/node/src/index.ts", import.meta.url)),
      "@concord/server/settings": fileURLToPath(new URL("./packages/server/src/settings.ts", import.meta.url)),
      "@concord/server": fileURLToPath(new URL("./packages/server/src/index.ts", import.meta.url)),
      "@concord/cli": fileURLToPath(new URL("./packages/cli/src/main.ts", import.meta.url)),
    },
  },
  test: {
    testTimeout: 60_000,
    // Cleanup hooks stop job queues and drop test databases; on a loaded 2-core machine that can take longer than the 10 s default.
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "main", include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts"], exclude: [STORAGE_TESTS, SERVER_TESTS, "**/node_modules/**"] },
      },
      {
        // The storage tests run on SQLite and on a PostgreSQL server started for them (or DATABASE_URL).
        extends: true,
        test: { name: "storage", include: [STORAGE_TESTS], globalSetup: ["packages/storage/src/testing/postgres-setup.ts"] },
      },
      {
        // The web workbench in Chromium: built once with Vite first, then served by the server.
        extends: true,
        test: { name: "web", include: [WEB_TESTS], globalSetup: ["packages/web/e2e/build-setup.ts"] },
      },
      {
        // The server tests too: each runs on SQLite and on PostgreSQL.
        extends: true,
        test: { name: "server", include: [SERVER_TESTS], globalSetup: ["packages/storage/src/testing/postgres-setup.ts"] },
      },
    ],
  },
});
