/** Files the CLI ships: the seed scenario, the examples and the JSON Schemas. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** This package's folder (this file is in src/ or dist/). */
const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * A shipped file by its path in the repository (`scenarios/…`, `schema/…`): inside the
 * installed package, where packing copies it (scripts/package-assets.mjs), else in the
 * repository the package sits in.
 */
export function assetPath(path: string): string {
  const packed = join(PACKAGE, path);
  return existsSync(packed) ? packed : join(PACKAGE, "..", "..", path);
}
