import type { Command } from "commander";
import { compare } from "@concord/app";
import { width, type CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { readSource } from "../scenario.js";
import { renderTable } from "../table.js";
import { clip } from "../text.js";

export function registerCompare(program: Command, io: CliIo): void {
  program
    .command("compare")
    .description("compare two versions of a document article by article: unchanged, changed, new, dropped, agreed or bracketed")
    .argument("<file>", "scenario file")
    .argument("<document>", "the later version (its id)")
    .argument("[earlier]", "the earlier version (default: the document the later one supersedes)")
    .option("--json", "print JSON")
    .addHelpText("after", "\nArticles come from each document's articles: list. Text in [square brackets] counts as bracketed (not agreed).\n")
    .action((file: string, later: string, earlier: string | undefined, opts: { json?: boolean }) => {
      const r = unwrap(compare(readSource(io, file), { later, ...(earlier !== undefined ? { earlier } : {}) }), { flags: { later: "<document>", earlier: "[earlier]" } });
      if (opts.json) return printJson(io, r);
      say(io, `${r.earlier} → ${r.later}\n`);
      say(
        io,
        renderTable(
          [["article", "change", "marked", "bracketed", "text now"]],
          r.articles.map((a) => [a.article, a.change, a.marked ?? "", a.bracketed ? "yes" : "", clip(a.after ?? a.before ?? "", 70)]),
          undefined,
          { width: width(io), columns: [4] },
        ),
      );
      const c = r.counts;
      say(io, `${c.unchanged} unchanged, ${c.changed} changed, ${c.new} new, ${c.dropped} dropped; ${c.bracketed} bracketed\n`);
    });
}
