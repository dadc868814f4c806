/**
 * Answers to the hot reads, kept serialized. Only what never changes is kept:
 * a revision (by its id; revisions are append-only) and a stored analysis (by its
 * id; results are written once), so nothing here needs invalidating — a reader
 * still asks the database which revision or analysis is the latest, and whether
 * the caller may see it, on every request (in local mode, where everyone may see
 * everything, only whether the workspace exists, which never changes once true). Least recently used entries go first
 * once the entries pass `maxBytes`.
 */
export class ReadCache {
  readonly #entries = new Map<string, Uint8Array<ArrayBuffer>>();
  #bytes = 0;
  /** Local mode: workspaces known to exist (there is no deleting a workspace). */
  readonly workspaces = new Set<string>();

  constructor(readonly maxBytes: number) {}

  /** The bytes kept for `key`, or those `make` gives (then kept, unless larger than the whole cache). */
  async get(key: string, make: () => Promise<Uint8Array<ArrayBuffer> | null>): Promise<Uint8Array<ArrayBuffer> | null> {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const made = await make();
    if (made === null || made.byteLength > this.maxBytes) return made;
    this.#entries.set(key, made);
    this.#bytes += made.byteLength;
    for (const [oldKey, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldKey);
      this.#bytes -= old.byteLength;
    }
    return made;
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.#bytes;
  }
}

/** Default size: enough for the revisions and results a team reads at once, small next to the analyses' own memory. */
export const READ_CACHE_BYTES = 64 * 1024 * 1024;

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array<ArrayBuffer> => encoder.encode(text);

/** Bytes joined into one body. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const p of parts) length += p.byteLength;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Whether an If-None-Match header names this ETag (or is `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}
