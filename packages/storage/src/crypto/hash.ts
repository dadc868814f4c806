/** Hashes and secrets: content hashes of texts, canonical option hashes, and random tokens stored only as hashes. */
import { createHash, randomBytes } from "node:crypto";

export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** JSON with object keys sorted at every level, so equal options give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The key that makes an analysis result unique together with its revision and kind. */
export const optionsHash = (options: unknown): string => sha256Hex(canonicalJson(options ?? {}));

/**
 * A new secret token: `prefix_` + 32 random bytes in base64url (256 bits). Only its
 * SHA-256 is stored; a fast hash is enough because the secret is random, not chosen
 * by a person.
 */
export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString("base64url")}`;

export const hashSecret = (token: string): string => sha256Hex(token);
