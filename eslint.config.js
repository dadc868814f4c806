// ESLint flat config. The rule that matters most: packages/core and packages/report
// stay pure — no Node built-ins, no DOM, no server or web code — so the browser,
// workers and the CLI can all run them.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const NODE_BUILTINS = [
  "assert", "buffer", "child_process", "cluster", "crypto", "dgram", "dns", "events", "fs", "fs/promises",
  "http", "http2", "https", "module", "net", "os", "path", "perf_hooks", "process", "readline", "stream",
  "timers", "tls", "tty", "url", "util", "v8", "vm", "worker_threads", "zlib",
];

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "out/**", "coverage/**"] },
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
    files: ["packages/core/src/**/*.ts", "packages/report/src/**/*.ts"],
    ignores: ["packages/core/src/**/*.test.ts", "packages/report/src/**/*.test.ts"],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "packages/core is pure: no Node APIs (put platform code in cli/server)." },
            { group: NODE_BUILTINS, message: "packages/core is pure: no Node built-ins." },
            { group: ["@concord/cli", "@concord/cli/*", "@concord/server", "@concord/server/*", "@concord/web", "@concord/web/*"], message: "packages/core may not depend on the CLI, server or web app." },
            { group: ["react", "react-dom", "react/*"], message: "packages/core has no UI code." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "localStorage", "process", "Buffer", "require", "__dirname", "__filename"].map((name) => ({
          name,
          message: "packages/core runs in the browser, workers and Node alike: no platform globals.",
        })),
      ],
    },
  },
);
