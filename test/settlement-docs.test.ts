/**
 * docs/settlement.md says things a reader will copy and run: its complete example is
 * exactly scenarios/examples/settlement.yaml, and `concord settle` on it begins with
 * the words the page quotes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { concord } from "./fixtures/concord.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const doc = readFileSync(join(ROOT, "docs/settlement.md"), "utf8");
const block = (marker: string): string => {
  const m = new RegExp(`<!-- ${marker} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\`\\n`).exec(doc);
  if (!m) throw new Error(`docs/settlement.md has no block after <!-- ${marker} -->`);
  return m[1]!;
};

describe("docs/settlement.md", () => {
  it("shows the complete example exactly as the file is", () => {
    expect(block("file: scenarios/examples/settlement.yaml")).toBe(readFileSync(join(ROOT, "scenarios/examples/settlement.yaml"), "utf8"));
  });

  it("quotes the beginning of what concord settle prints for it", async () => {
    const r = await concord(["settle", "scenarios/examples/settlement.yaml"]);
    expect(r.code).toBe(0);
    expect(r.out.startsWith(block("settle-summary"))).toBe(true);
  });
});
