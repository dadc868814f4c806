// docs/record.md shows the output of concord commands; this reruns each one and
// checks the page still says what the program does. After a deliberate change of
// output: npx tsx scripts/update-doc-examples.ts docs/record.md
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

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
  it.each(blocks.map((b) => [b.args.join(" "), b] as const))("concord %s", (_name, b) => {
    const r = spawnSync(process.execPath, ["packages/cli/bin/concord.js", ...b.args], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe(b.output);
  });
});
