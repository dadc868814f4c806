/** The line diff of two revisions' texts, as unified-diff hunks (jsdiff's Myers diff). */
import { formatPatch, structuredPatch } from "diff";

export interface DiffHunk {
  /** 1-based first line of the hunk in the old and the new text, and how many lines it spans in each. */
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** The hunk's lines, each starting with " " (context), "-" (removed) or "+" (added). */
  readonly lines: readonly string[];
}

export interface TextDiff {
  readonly identical: boolean;
  /** False when the texts are too large and too different to compare in reasonable time; then `hunks` is empty. */
  readonly complete: boolean;
  readonly added: number;
  readonly removed: number;
  readonly hunks: readonly DiffHunk[];
  /** The same as a unified diff (`--- a`/`+++ b` headers and `@@` hunks), for display and `patch`. */
  readonly unified: string;
}

/**
 * Myers' algorithm costs about (lines of both texts) × (changed lines); past this
 * product (about a second here) the diff is not computed and `complete` is false.
 */
const WORK_LIMIT = 40_000_000;

const lineCount = (text: string): number => {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
};

export function textDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): TextDiff {
  if (oldText === newText) return { identical: true, complete: true, added: 0, removed: 0, hunks: [], unified: "" };
  const patch = structuredPatch(oldName, newName, oldText, newText, undefined, undefined, { context, maxEditLength: Math.max(100, Math.floor(WORK_LIMIT / (lineCount(oldText) + lineCount(newText)))) });
  if (patch === undefined) return { identical: false, complete: false, added: 0, removed: 0, hunks: [], unified: "" };
  let added = 0;
  let removed = 0;
  for (const h of patch.hunks) {
    for (const line of h.lines) {
      if (line.startsWith("+")) added++;
      else if (line.startsWith("-")) removed++;
    }
  }
  const hunks = patch.hunks.map((h) => ({ oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, lines: h.lines }));
  return { identical: false, complete: true, added, removed, hunks, unified: formatPatch(patch) };
}
