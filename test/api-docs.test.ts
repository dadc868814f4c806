// docs/api.md's TypeScript examples, run as written: each `<!-- example: NAME -->` block
// is written to test-artifacts/, imported (so @concord/* resolve as in the repository),
// and what it logs must be the `<!-- prints -->` block after it.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { ROOT } from "./fixtures/concord.js";

const doc = readFileSync(join(ROOT, "docs/api.md"), "utf8");
const examples = [...doc.matchAll(/<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```\n\n<!-- prints -->\n```text\n([\s\S]*?)```\n/g)].map(
  (m) => [m[1]!, m[2]!, m[3]!] as const,
);

describe("docs/api.md", () => {
  it("has its examples, each with what it prints", () => {
    expect(examples.map(([name]) => name)).toEqual(["validate", "problems", "analyze", "explain"]);
    expect(doc.match(/```ts\n/g)).toHaveLength(examples.length);
  });

  it.each(examples)("example %s prints what the page says", async (name, code, prints) => {
    const dir = join(ROOT, "test-artifacts", "api-docs");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.ts`);
    writeFileSync(file, code);
    const logged: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    const cwd = process.cwd();
    try {
      process.chdir(ROOT);
      await import(pathToFileURL(file).href);
    } finally {
      process.chdir(cwd);
      log.mockRestore();
    }
    expect(logged.join("\n") + "\n").toBe(prints);
  });
});
