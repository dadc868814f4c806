import type { Command } from "commander";
import { actorNames, citeSource, contradictions, type ContradictionSide } from "@concord/app";
import type { CliIo } from "../io.js";
import { printJson, say, unwrap } from "../output.js";
import { openFile } from "../scenario.js";
import { names } from "../text.js";

export function registerContradictions(program: Command, io: CliIo): void {
  program
    .command("contradictions")
    .description("statements that disagree on the same fact, or are linked with contradicts:, with both sides and their sources")
    .argument("<file>", "scenario file")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      `
Statements make claims about facts (claims: [{fact: mandate-end, value: 2025-11}]).
Two date claims disagree when no day fits both: "2025" and "2025-11" agree, "2024-12"
and "2025" do not; a span A/B may mean any day in it. Write vagueness as precision (a
month, a year, a span); ~ marks a value approximate, which is shown but does not
widen it. Numbers, text and true/false disagree when they differ.`,
    )
    .action((file: string, opts: { json?: boolean }) => {
      const loaded = openFile(io, file);
      const found = unwrap(contradictions(loaded));
      if (opts.json) return printJson(io, found);
      if (found.length === 0) {
        say(io, "no contradictions found\n");
        return;
      }
      const actors = actorNames(loaded);
      const out: string[] = [];
      found.forEach((c, i) => {
        const how =
          (c.found.includes("claims") ? (c.found.includes("linked") ? "claims disagree; also marked contradicts" : "claims disagree") : "marked contradicts") +
          (c.approximate ? " (a value is approximate)" : "");
        out.push(`${i + 1}. ${c.fact ? `${c.fact.label} (${c.fact.id})` : "statements"}: ${how}`);
        c.sides.forEach((s, k) => out.push(...side(actors, s, k === 0 ? "A" : "B")));
        out.push("");
      });
      out.push(`${found.length} contradiction${found.length === 1 ? "" : "s"}`);
      say(io, out.join("\n") + "\n");
    });
}

function side(actors: Readonly<Record<string, string>>, s: ContradictionSide, label: string): string[] {
  const who = names(actors, [s.speaker]) + (s.reportedBy !== undefined ? ` (as reported by ${names(actors, [s.reportedBy])})` : "");
  const value = s.value !== undefined ? ` → ${String(s.value)}${s.claimNote !== undefined ? ` (${s.claimNote})` : ""}` : "";
  return [
    `   ${label}. ${who}, ${s.date} [${s.statement}]: “${s.quote}”${value}`,
    ...s.sources.map((src) => `      source: ${citeSource(src)}${src.address !== undefined ? ` ${src.address}` : ""}`),
  ];
}
