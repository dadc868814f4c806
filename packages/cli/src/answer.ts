/**
 * The mediation commands' text output: the answer in plain words first (no state
 * numbers, no concept names), then what it rests on — each priority with its
 * evidence — and the sources, numbered; the detail for specialists comes after.
 */
import type { PlainAnswer } from "@concord/app";
import { clip } from "./text.js";

/** The answer, its grounds and its sources, as text. */
export function answerText(a: PlainAnswer): string {
  let out = `${a.question}\n\n${a.answer.join("\n")}\n`;
  const n = new Map(a.sources.map((s, k) => [s.id, k + 1]));
  if (a.grounds.length > 0) {
    out += "\nWhat this rests on:\n";
    for (const g of a.grounds) {
      out += `  ${g.decisionMaker}, priority ${g.position}: ${g.words}${g.estimate ? " — a modeller's estimate" : ""}\n`;
      for (const e of g.evidence) {
        const cites = e.sources.map((s) => `[${n.get(s.id)}]`).join("");
        const what = e.quote !== undefined ? `“${clip(e.quote, 160)}”` : e.title ?? e.note ?? e.kind;
        out += `    ${[e.actors?.join(", "), e.date].filter(Boolean).join(", ")}${e.actors?.length || e.date ? ": " : ""}${what} ${cites}\n`;
      }
      if (g.evidence.length === 0) out += "    (no evidence cited)\n";
    }
  }
  if (a.sources.length > 0) {
    out += "\nSources:\n";
    a.sources.forEach((s, k) => {
      out += `  [${k + 1}] ${s.citation}${s.address !== undefined ? ` ${s.address}` : ""}\n`;
    });
  }
  return out;
}

/** A progress line on standard error, rewritten in place; only on a terminal. */
export function progressLine(stream: { readonly isTTY: boolean; write(text: string): void }, label: string): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = -1;
  return (done, total) => {
    const pct = Math.floor((100 * done) / total);
    if (pct === last && done < total) return;
    last = pct;
    stream.write(`\r${label}: ${done}/${total} (${pct}%)${done >= total ? "\n" : ""}`);
  };
}
