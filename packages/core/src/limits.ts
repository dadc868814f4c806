/**
 * The limits on input every surface applies (CLI, and later the server): one place,
 * so that a file refused by one is refused by the other with the same words. Each
 * limit a user can meet says how to raise it.
 */
import type { Problem } from "./problems.js";

/** Input files larger than this are refused before reading (CLI: `--max-input <MB>`). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** The largest `--max-input` accepted: beyond it parsing needs more memory than a laptop has. */
export const MAX_INPUT_BYTES_CEILING = 1024 * 1024 * 1024;

/**
 * How deeply lists and mappings may nest. A scenario needs a handful of levels; the
 * parsers recurse once per level, and 100,000 levels overflow the call stack.
 */
export const MAX_NESTING = 200;

/** The largest look-ahead for limited-move stability (`--horizon`); L_h settles into NM's cycle long before. */
export const MAX_HORIZON = 1000;

/**
 * The first place where lists and mappings nest deeper than `max`, or undefined.
 * Counts flow brackets (`[`, `{`) outside quotes, and block nesting by indentation
 * and compact list items (`- - - x`): cheap, and never recursive.
 */
export function nestingTooDeep(text: string, max = MAX_NESTING): { offset: number; depth: number } | undefined {
  let flow = 0;
  let quote: string | undefined;
  let lineStart = true;
  let block = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
      else if (c === "\n" && quote === "'" && flow === 0) quote = undefined; // a stray apostrophe in plain text
      continue;
    }
    if (lineStart) {
      // Block nesting: each indentation column or compact "- " can open a level.
      let j = i;
      while (text[j] === " ") j++;
      const indent = j - i;
      let dashes = 0;
      while (text[j] === "-" && (text[j + 1] === " " || text[j + 1] === "\t")) {
        dashes++;
        j += 2;
        while (text[j] === " ") j++;
      }
      // Two spaces of indentation per level, as scenarios are written; one level per compact "- ".
      block = Math.floor(indent / 2) + dashes;
      lineStart = false;
      if (flow + block > max) return { offset: j, depth: flow + block };
    }
    if (c === "\n") lineStart = true;
    else if (c === '"' || (c === "'" && (i === 0 || /[\s[{,:]/.test(text[i - 1]!)))) quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!)) && flow === 0) {
      const end = text.indexOf("\n", i);
      if (end < 0) break;
      i = end - 1;
    } else if (c === "[" || c === "{") {
      flow++;
      if (flow + block > max) return { offset: i, depth: flow + block };
    } else if ((c === "]" || c === "}") && flow > 0) flow--;
  }
  return undefined;
}

/** The problem for input nested too deeply, at its place. */
export function nestingProblem(at: { line: number; column: number }, file: string | undefined): Problem {
  return {
    code: "limit",
    path: [],
    ...(file !== undefined ? { file } : {}),
    ...at,
    message: `lists and mappings nest more than ${MAX_NESTING} levels deep here; a scenario needs far fewer (this limit is fixed: flatten the data)`,
  };
}
