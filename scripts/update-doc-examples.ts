// Reruns every ```console block ("$ concord …") of the given Markdown pages and
// writes the commands' current output below them: `npx tsx scripts/update-doc-examples.ts docs/record.md`.
// test/docs-record.test.ts checks that the page and the program agree.
import { readFileSync, writeFileSync } from "node:fs";
import { concord } from "../test/fixtures/concord.js";

for (const page of process.argv.slice(2)) {
  let text = readFileSync(page, "utf8");
  // In page order: later examples read files that earlier ones write.
  for (const m of [...text.matchAll(/```console\n\$ concord (.*)\n[\s\S]*?```/g)]) {
    const command = m[1]!;
    const r = await concord(command.split(" "));
    if (r.code !== 0) throw new Error(`concord ${command} failed (exit ${r.code}):\n${r.err}`);
    text = text.replace(m[0], "```console\n$ concord " + command + "\n" + r.out + r.err + "```");
  }
  writeFileSync(page, text);
  console.log(`updated ${page}`);
}
