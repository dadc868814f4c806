// The workspace packages as they are packed (issue 9, "installable and safe"): each
// declares the Node versions it runs on, as the root does, and every dependency it
// declares is used — imported by its sources, or the peer of one that is (an unused
// one, like d3-time in the report package, is installed by every user for nothing).
// scripts/pack-smoke.sh checks the tarballs' contents and runs the installed CLI.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./fixtures/concord.js";

interface Manifest {
  readonly name: string;
  readonly engines?: { readonly node?: string };
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
}

const read = (file: string): Manifest => JSON.parse(readFileSync(file, "utf8")) as Manifest;
const root = read(join(ROOT, "package.json"));
const packages = readdirSync(join(ROOT, "packages")).map((dir) => ({ dir: join(ROOT, "packages", dir), manifest: read(join(ROOT, "packages", dir, "package.json")) }));

/** The text of a package's shipped code: sources and bin scripts, tests left out. */
function code(dir: string): string {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      if (statSync(path).isDirectory()) return name === "node_modules" ? [] : walk(path);
      return /\.(ts|tsx|js|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });
  return ["src", "bin"].filter((d) => existsSync(join(dir, d))).flatMap((d) => walk(join(dir, d))).map((f) => readFileSync(f, "utf8")).join("\n");
}

/** Whether `text` imports `name` or a subpath of it: statically, with import(), or by resolving a file of it (require.resolve, import.meta.resolve). */
const imports = (text: string, name: string): boolean => new RegExp(`(from|import\\(|import|resolve\\()\\s*["']${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(/[^"']*)?["']`).test(text);

/** The peer dependencies of an installed package (none when it is not installed at the root). */
function peersOf(name: string): string[] {
  const file = join(ROOT, "node_modules", name, "package.json");
  return existsSync(file) ? Object.keys(read(file).peerDependencies ?? {}) : [];
}

describe("the workspace packages", () => {
  it("are all found", () => {
    expect(packages.map((p) => p.manifest.name)).toEqual(expect.arrayContaining(["@concord/core", "@concord/app", "@concord/cli", "@concord/report"]));
  });

  it.each(packages.map((p) => [p.manifest.name, p] as const))("%s declares the Node versions it runs on, as the root does", (_, p) => {
    expect(root.engines?.node).toMatch(/^>=20/);
    expect(p.manifest.engines?.node).toBe(root.engines!.node);
  });

  it.each(packages.map((p) => [p.manifest.name, p] as const))("%s uses every dependency it declares", (_, p) => {
    const text = code(p.dir);
    const declared = Object.keys(p.manifest.dependencies ?? {});
    const imported = declared.filter((d) => imports(text, d));
    const peers = new Set(imported.flatMap(peersOf));
    expect(declared.filter((d) => !imported.includes(d) && !peers.has(d))).toEqual([]);
  });

  it("would catch an unused dependency", () => {
    expect(imports('import { timeDay } from "d3-time";', "d3-time")).toBe(true);
    expect(imports('import { x } from "d3-time-format";', "d3-time")).toBe(false);
    expect(imports('const elk = await import("elkjs/lib/elk.bundled.js");', "elkjs")).toBe(true);
    expect(imports('createRequire(import.meta.url).resolve("@concord/web/package.json")', "@concord/web")).toBe(true);
    expect(imports("// d3-time was used here", "d3-time")).toBe(false);
  });
});
