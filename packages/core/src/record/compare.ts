/**
 * Two versions of a text compared article by article: which articles are new, which
 * changed, which were dropped, and which are marked agreed or still bracketed. An
 * article whose text holds [square brackets] counts as bracketed, as in negotiated
 * drafts where brackets mark wording not yet agreed.
 */
import type { ArticleEntry } from "../format/record-schema.js";
import { fail, ok, type Result } from "../problems.js";
import type { NegotiationRecord } from "./record.js";

export interface ArticleComparison {
  readonly article: string;
  readonly title?: string;
  /** How the article changed from the earlier version to the later. */
  readonly change: "unchanged" | "changed" | "new" | "dropped";
  /** The status marked in the later version (or the earlier, for a dropped article). */
  readonly marked?: "agreed" | "bracketed" | "new" | "deleted";
  /** Whether the later text (or the earlier, for a dropped article) has [bracketed] wording. */
  readonly bracketed: boolean;
  readonly before?: string;
  readonly after?: string;
}

export interface VersionComparison {
  readonly earlier: string;
  readonly later: string;
  readonly articles: readonly ArticleComparison[];
  readonly counts: Readonly<Record<ArticleComparison["change"], number>> & { readonly bracketed: number };
}

/**
 * Compares document `earlierId` with `laterId` (when `earlierId` is undefined, the
 * document `laterId` supersedes). Articles follow the later version's order, then
 * the dropped ones.
 */
export function compareVersions(record: NegotiationRecord, laterId: string, earlierId?: string): Result<VersionComparison> {
  const find = (id: string) => record.documents.find((d) => d.id === id);
  // The path names the argument, so that each surface can say which of its inputs is wrong.
  const usage = (argument: "later" | "earlier", message: string): Result<VersionComparison> => fail([{ code: "usage", path: [argument], message }]);
  const later = find(laterId);
  if (!later) return usage("later", `unknown document "${laterId}"`);
  const eid = earlierId ?? later.supersedes;
  if (eid === undefined) return usage("later", `document "${laterId}" supersedes no document; name the earlier version to compare with`);
  const earlier = find(eid);
  if (!earlier) return usage(earlierId !== undefined ? "earlier" : "later", `unknown document "${eid}"`);
  const before = new Map((earlier.articles ?? []).map((a) => [a.id, a]));
  const after = new Map((later.articles ?? []).map((a) => [a.id, a]));
  const text = (a: ArticleEntry | undefined): string | undefined => a?.text?.replace(/\s+/g, " ").trim();
  const brackets = (t: string | undefined): boolean => t !== undefined && /\[[^\]]*\]/.test(t);
  const out: ArticleComparison[] = [];
  for (const a of later.articles ?? []) {
    const b = before.get(a.id);
    const change = b === undefined ? "new" : text(a) === text(b) ? "unchanged" : "changed";
    out.push({
      article: a.id,
      ...(a.title ?? b?.title ? { title: (a.title ?? b?.title)! } : {}),
      change,
      ...(a.status !== undefined ? { marked: a.status } : {}),
      bracketed: a.status === "bracketed" || brackets(a.text),
      ...(b?.text !== undefined ? { before: b.text } : {}),
      ...(a.text !== undefined ? { after: a.text } : {}),
    });
  }
  for (const b of earlier.articles ?? []) {
    if (after.has(b.id)) continue;
    out.push({
      article: b.id,
      ...(b.title !== undefined ? { title: b.title } : {}),
      change: "dropped",
      ...(b.status !== undefined ? { marked: b.status } : {}),
      bracketed: b.status === "bracketed" || brackets(b.text),
      ...(b.text !== undefined ? { before: b.text } : {}),
    });
  }
  const count = (c: ArticleComparison["change"]): number => out.filter((x) => x.change === c).length;
  return ok({
    earlier: earlier.id,
    later: later.id,
    articles: out,
    counts: { unchanged: count("unchanged"), changed: count("changed"), new: count("new"), dropped: count("dropped"), bracketed: out.filter((x) => x.bracketed && x.change !== "dropped").length },
  });
}
