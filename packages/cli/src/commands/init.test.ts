// `concord init` (issue 9, editor support): a valid scenario to start from, whose first
// line points editors to the JSON Schema shipped with the CLI.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SCENARIO_SCHEMA_ID } from "@concord/app";
import { concord, ROOT } from "../../../../test/fixtures/concord.js";

const tmp = (): string => mkdtempSync(join(tmpdir(), "concord-init-"));

describe("concord init", () => {
  it("writes a valid scenario whose schema line names the shipped JSON Schema, and never overwrites", async () => {
    const dir = tmp();
    const r = await concord(["init", "peace talks.yaml"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, err: "" });
    const file = join(dir, "peace talks.yaml");
    const text = readFileSync(file, "utf8");
    const line = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text);
    expect(line).not.toBeNull();
    const schema = resolve(dirname(file), line![1]!);
    expect(schema).toBe(join(ROOT, "schema/scenario.schema.json"));
    expect(text).toContain("\nid: peace-talks\n");
    expect(await concord(["validate", file])).toMatchObject({ code: 0, out: expect.stringContaining("valid scenario") });
    const again = await concord(["init", "peace talks.yaml", "--json"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(JSON.parse(again.out)).toMatchObject({ ok: false, problems: [{ code: "io", message: expect.stringContaining("already exists") }] });
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("the schema's $id is where the npm CDN serves the copy shipped in the CLI's package", () => {
    const cli = JSON.parse(readFileSync(join(ROOT, "packages/cli/package.json"), "utf8")) as { name: string; files: string[] };
    const id = new URL(SCENARIO_SCHEMA_ID);
    expect(id.host).toBe("unpkg.com");
    expect(id.pathname).toBe(`/${cli.name}/schema/scenario.schema.json`);
    expect(cli.files).toContain("schema");
    // The same path is a module specifier the package exports: Node resolves it to the shipped copy (scripts/pack-smoke.sh checks it installed).
    const exports = (JSON.parse(readFileSync(join(ROOT, "packages/cli/package.json"), "utf8")) as { exports: Record<string, unknown> }).exports;
    expect(exports["./schema/*"]).toBe("./schema/*");
    expect(JSON.parse(readFileSync(join(ROOT, "schema/scenario.schema.json"), "utf8")).$id).toBe(SCENARIO_SCHEMA_ID);
    expect(existsSync(join(ROOT, "schema/scenario.schema.json"))).toBe(true);
  });
});
