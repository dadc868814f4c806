/**
 * JSON written piece by piece, for results too large to hold as one string (a JSON
 * text over ~512 MB cannot exist in V8: `Invalid string length`). The bytes are
 * exactly JSON.stringify's, indented or not; lists built with `lazyList` are
 * generated item by item while writing, so they never exist as arrays either.
 */

const LAZY: unique symbol = Symbol("lazy JSON list");

/** A JSON array whose items are produced while it is written; each item is plain JSON data. */
export interface LazyList<T = unknown> {
  readonly [LAZY]: () => Iterable<T>;
}

export function lazyList<T>(items: () => Iterable<T>): LazyList<T> {
  return { [LAZY]: items };
}

function isLazy(v: unknown): v is LazyList {
  return typeof v === "object" && v !== null && LAZY in v;
}

/** Chunks handed to the sink are about this long. */
const CHUNK = 1 << 16;

/**
 * Writes `value` as JSON to `sink` in chunks of about 64 KiB, as
 * JSON.stringify(value, null, indent) would (indent 0: one line), without the
 * whole text ever existing. Objects and arrays are walked; lazy lists are iterated.
 */
export function writeJson(sink: (chunk: string) => void, value: unknown, indent = 0): void {
  let buf = "";
  const put = (s: string): void => {
    buf += s;
    if (buf.length >= CHUNK) {
      sink(buf);
      buf = "";
    }
  };
  const pad = (depth: number): string => (indent > 0 ? `\n${" ".repeat(indent * depth)}` : "");
  const sep = indent > 0 ? ": " : ":";
  /** A leaf: JSON.stringify, its inner lines shifted to this depth. */
  const leaf = (v: unknown, depth: number): string => {
    const s = indent > 0 ? JSON.stringify(v, null, indent) : JSON.stringify(v);
    return indent > 0 && depth > 0 && s.includes("\n") ? s.replace(/\n/g, `\n${" ".repeat(indent * depth)}`) : s;
  };
  const list = (items: Iterable<unknown>, depth: number, walk: boolean): void => {
    let first = true;
    for (const item of items) {
      put(first ? `[${pad(depth + 1)}` : `,${pad(depth + 1)}`);
      first = false;
      if (walk) node(item, depth + 1);
      // Array items that JSON.stringify would drop become null, as it does.
      else put(item === undefined || typeof item === "function" || typeof item === "symbol" ? "null" : leaf(item, depth + 1));
    }
    put(first ? "[]" : `${pad(depth)}]`);
  };
  const node = (v: unknown, depth: number): void => {
    if (isLazy(v)) return list(v[LAZY](), depth, false);
    if (Array.isArray(v)) return list(v, depth, true);
    if (typeof v === "object" && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== "function") {
      let first = true;
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
        put(`${first ? "{" : ","}${pad(depth + 1)}${JSON.stringify(k)}${sep}`);
        first = false;
        node(x, depth + 1);
      }
      put(first ? "{}" : `${pad(depth)}}`);
      return;
    }
    put(v === undefined || typeof v === "function" || typeof v === "symbol" ? "null" : leaf(v, depth));
  };
  node(value, 0);
  if (buf !== "") sink(buf);
}
