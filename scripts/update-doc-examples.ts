// Reruns every ```console block ("$ concord …") of the given Markdown pages and
// writes the commands' current output below them: `npx tsx scripts/update-doc-examples.ts docs/record.md`.
// test/docs-record.test.ts checks that the page and the program agree.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

for (const page of process.argv.slice(2)) {
  const text = readFileSync(page, "utf8");
  const updated = text.replace(/```console\n\$ concord (.*)\n[\s\S]*?```/g, (_block, command: string) => {
    const r = spawnSync(process.execPath, ["packages/cli/bin/concord.js", ...command.split(" ")], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`concord ${command} failed (exit ${r.status}):\n${r.stderr}`);
    return "```console\n$ concord " + command + "\n" + r.stdout + r.stderr + "```";
  });
  writeFileSync(page, updated);
  console.log(`updated ${page}`);
}
