// docs/record.md shows the output of concord commands; this reruns each one (in this
// process) and checks the page still says what the program does. After a deliberate
// change of output: npx tsx scripts/update-doc-examples.ts docs/record.md
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { concord } from "./fixtures/concord.js";

const PAGE = "docs/record.md";

/** The ```console blocks of the page: the command after "$ " and the output below it. */
function examples(): { args: string[]; output: string }[] {
  const text = readFileSync(PAGE, "utf8");
  return [...text.matchAll(/```console\n\$ concord (.*)\n([\s\S]*?)```/g)].map((m) => ({ args: m[1]!.split(" "), output: m[2]! }));
}

describe(`${PAGE} shows what the commands print`, () => {
  const blocks = examples();
  it("has examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(13);
  });
  // In page order: later examples read files that earlier ones write.
  it.each(blocks.map((b) => [b.args.join(" "), b] as const))("concord %s", async (_name, b) => {
    const r = await concord(b.args);
    expect(r.code).toBe(0);
    expect(r.out + r.err).toBe(b.output);
  });
});
