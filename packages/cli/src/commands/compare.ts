import type { Command } from "commander";
import { compareVersions } from "@concord/core";
import { printJson, readScenario, UserError } from "../io.js";
import { clip } from "../record-options.js";
import { renderTable } from "../table.js";

export function registerCompare(program: Command): void {
  program
    .command("compare")
    .description("compare two versions of a document article by article: unchanged, changed, new, dropped, agreed or bracketed")
    .argument("<file>", "scenario file")
    .argument("<document>", "the later version (its id)")
    .argument("[earlier]", "the earlier version (default: the document the later one supersedes)")
    .option("--json", "print JSON")
    .addHelpText("after", "\nArticles come from each document's articles: list. Text in [square brackets] counts as bracketed (not agreed).\n")
    .action((file: string, later: string, earlier: string | undefined, opts: { json?: boolean }) => {
      const { scenario } = readScenario(file);
      const r = compareVersions(scenario.document, later, earlier);
      if ("error" in r) throw new UserError(r.error);
      if (opts.json) return printJson(r);
      process.stdout.write(`${r.earlier} → ${r.later}\n`);
      process.stdout.write(
        renderTable(
          [["article", "change", "marked", "bracketed", "text now"]],
          r.articles.map((a) => [a.article, a.change, a.marked ?? "", a.bracketed ? "yes" : "", clip(a.after ?? a.before ?? "", 70)]),
        ),
      );
      const c = r.counts;
      process.stdout.write(`${c.unchanged} unchanged, ${c.changed} changed, ${c.new} new, ${c.dropped} dropped; ${c.bracketed} bracketed\n`);
    });
}
