import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCRYPT_COST, hashPassword, needsRehash, verifyPassword } from "./passwords.js";

describe("password hashing", () => {
  it("uses scrypt with OWASP's minimum cost by default (N = 2^17, r = 8, p = 1: 128 MiB)", async () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ ln: 17, r: 8, p: 1 });
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
  });

  it("stores what scrypt itself derives from the password and salt", async () => {
    const hash = await hashPassword("pässword", { ln: 4, r: 8, p: 1 });
    const [, , salt, key] = hash.split("$");
    const expected = scryptSync("pässword".normalize("NFC"), Buffer.from(salt!, "base64"), 64, { N: 16, r: 8, p: 1 });
    expect(Buffer.from(key!, "base64").equals(expected)).toBe(true);
    // A decomposed spelling of the same word verifies (passwords are NFC-normalised).
    expect(await verifyPassword("pa\u0308ssword", hash)).toBe(true);
  });

  it("salts every hash", async () => {
    const cost = { ln: 4, r: 8, p: 1 };
    expect(await hashPassword("same", cost)).not.toBe(await hashPassword("same", cost));
  });

  it("answers false for malformed hashes and tells when a hash needs upgrading", async () => {
    for (const bad of ["", "scrypt$ln=4,r=8,p=1$$", "bcrypt$2a$10$abc", "scrypt$ln=99,r=8,p=1$AAAA$AAAA"]) expect(await verifyPassword("x", bad)).toBe(false);
    const weak = await hashPassword("x", { ln: 4, r: 8, p: 1 });
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, { ln: 4, r: 8, p: 1 })).toBe(false);
    expect(needsRehash("garbage")).toBe(true);
  });
});
