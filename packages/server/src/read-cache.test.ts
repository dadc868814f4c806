import { describe, expect, it } from "vitest";
import { matchesEtag, ReadCache, utf8 } from "./read-cache.js";

describe("the read cache", () => {
  it("keeps at most maxBytes, dropping the least recently used first, and never an entry larger than itself", async () => {
    const cache = new ReadCache(10);
    let made = 0;
    const get = (key: string, size: number) => cache.get(key, async () => (made++, new Uint8Array(size)));
    await get("a", 4);
    await get("b", 4);
    await get("a", 4); // a is now the most recently used
    expect(made).toBe(2);
    await get("c", 4); // 12 bytes: b goes
    expect(cache.bytes).toBe(8);
    await get("a", 4);
    expect(made).toBe(3);
    await get("b", 4);
    expect(made).toBe(4);
    expect((await get("huge", 11))?.byteLength).toBe(11);
    await get("huge", 11);
    expect(made).toBe(6);
    expect(cache.bytes).toBeLessThanOrEqual(10);
  });

  it("keeps nothing for a miss that finds nothing", async () => {
    const cache = new ReadCache(100);
    expect(await cache.get("x", async () => null)).toBeNull();
    expect(await cache.get("x", async () => utf8("now"))).toEqual(utf8("now"));
  });

  it("matches If-None-Match by weak comparison, in a list, and *", () => {
    expect(matchesEtag('"1", "2"', '"2"')).toBe(true);
    expect(matchesEtag('W/"2"', '"2"')).toBe(true);
    expect(matchesEtag("*", '"2"')).toBe(true);
    expect(matchesEtag('"12"', '"2"')).toBe(false);
    expect(matchesEtag(undefined, '"2"')).toBe(false);
  });
});
