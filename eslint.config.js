// ESLint flat config. The rule that matters most: packages/core, packages/report and
// packages/app stay pure — no Node built-ins, no DOM, no server or web code — so the
// browser, workers and the CLI can all run them. The CLI reaches core only through
// the application layer (@concord/app) and the Node adapters (@concord/node).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const NODE_BUILTINS = [
  "assert", "buffer", "child_process", "cluster", "crypto", "dgram", "dns", "events", "fs", "fs/promises",
  "http", "http2", "https", "module", "net", "os", "path", "perf_hooks", "process", "readline", "stream",
  "timers", "tls", "tty", "url", "util", "v8", "vm", "worker_threads", "zlib",
];

export default tseslint.config(
  { ignores: ["**/dist/**", "**/.types/**", "**/node_modules/**", "out/**", "coverage/**", "test-artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["packages/core/src/**/*.ts", "packages/report/src/**/*.ts", "packages/app/src/**/*.ts"],
    ignores: ["packages/*/src/**/*.test.ts"],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "core, report and app are pure: no Node APIs (put platform code in @concord/node)." },
            { group: NODE_BUILTINS, message: "core, report and app are pure: no Node built-ins." },
            {
              group: ["@concord/node", "@concord/node/*", "@concord/cli", "@concord/cli/*", "@concord/server", "@concord/server/*", "@concord/web", "@concord/web/*"],
              message: "core, report and app may not depend on the platform adapters, the CLI, the server or the web app.",
            },
            { group: ["react", "react-dom", "react/*"], message: "core, report and app have no UI code." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "localStorage", "process", "Buffer", "require", "__dirname", "__filename"].map((name) => ({
          name,
          message: "core, report and app run in the browser, workers and Node alike: no platform globals.",
        })),
      ],
    },
  },
  {
    // The CLI is argument parsing and text formatting over the application layer.
    files: ["packages/cli/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@concord/core", "@concord/core/*", "@concord/report", "@concord/report/*"], message: "the CLI calls the application layer (@concord/app) and the Node adapters (@concord/node), not core or report." }] },
      ],
    },
  },
  {
    // The web app runs in the browser and, like every surface, calls the application layer (@concord/app), not core or report.
    files: ["packages/web/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@concord/core", "@concord/core/*", "@concord/report", "@concord/report/*"], message: "the web app calls the application layer (@concord/app), not core or report." },
            { group: ["node:*", "@concord/node", "@concord/server", "@concord/storage", "@concord/cli"], message: "the web app runs in the browser: it reaches the server over HTTP (src/api.ts)." },
          ],
        },
      ],
    },
  },
);
