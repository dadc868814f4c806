// The server's commands, run in this process: serve's help and settings, user add, backup.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SETTINGS } from "@concord/server/settings";
import { main, memoryIo } from "../main.js";

const tmp = (): string => mkdtempSync(join(tmpdir(), "concord-serve-"));

async function run(args: string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string } = {}) {
  const io = memoryIo({ cwd: options.cwd ?? tmp(), ...(options.env ? { env: options.env } : {}), ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe("concord serve", () => {
  it("documents every setting with its flag and environment variable", async () => {
    const help = await run(["serve", "--help"]);
    expect(help.code).toBe(0);
    const text = help.out.replace(/\s+/g, " ");
    for (const s of SETTINGS) {
      expect(text).toContain(`--${s.flag}`);
      expect(text).toContain(`env ${s.env}`);
    }
  });

  it("refuses to serve local mode (no login) beyond this machine, and a bad port, before opening anything", async () => {
    const cwd = tmp();
    const wide = await run(["serve", "--host", "0.0.0.0"], { cwd });
    expect(wide.code).toBe(2);
    expect(wide.err).toMatch(/^--host: local mode has no login/);
    const port = await run(["serve"], { cwd, env: { CONCORD_PORT: "http" } });
    expect(port.code).toBe(2);
    expect(port.err).toBe('CONCORD_PORT: expected a port number from 0 to 65535, found "http"\n');
    expect(existsSync(join(cwd, "concord.db"))).toBe(false);
  });
});

describe("concord user add, backup and restore", () => {
  it("adds an owner with a workspace, refuses a second user with the same address, and backs the database up", async () => {
    const cwd = tmp();
    const added = await run(["user", "add", "--email", "Ana@Example.org", "--name", "Ana", "--workspace", "Talks", "--json"], { cwd, stdin: "correct horse battery\n" });
    expect(added.err).toBe("");
    const body = (JSON.parse(added.out) as { value: unknown }).value as { user: { email: string }; workspace: { name: string } };
    expect(body).toMatchObject({ user: { email: "ana@example.org" }, workspace: { name: "Talks" } });
    const again = await run(["user", "add", "--email", "ana@example.org", "--name", "Ana 2"], { cwd, stdin: "another password" });
    expect(again).toMatchObject({ code: 2 });
    expect(again.err).toContain("exists already");
    const noPassword = await run(["user", "add", "--email", "bo@example.org", "--name", "Bo"], { cwd, stdin: "" });
    expect(noPassword.code).toBe(2);
    const admin = await run(["user", "add", "--email", "root@example.org", "--name", "Root", "--admin"], { cwd, stdin: "correct horse battery" });
    expect(admin.out).toBe("Added the administrator Root <root@example.org>.\n");
    const backup = await run(["backup", "copy.db", "--json"], { cwd });
    expect(backup.err).toBe("");
    expect(JSON.parse(backup.out).value).toMatchObject({ scenarios: 0 });
    expect(existsSync(join(cwd, "copy.db"))).toBe(true);
    const twice = await run(["backup", "copy.db"], { cwd });
    expect(twice.code).toBe(2);
    expect(twice.err).toContain("exists already");
    const restored = await run(["restore", "copy.db", "--db", "restored.db", "--json"], { cwd });
    expect(restored.err).toBe("");
    expect(JSON.parse(restored.out).value).toMatchObject({ scenarios: 0 });
    const noBackup = await run(["restore", "missing.db"], { cwd });
    expect(noBackup.code).toBe(2);
  });
});
