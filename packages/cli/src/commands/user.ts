import { resolve } from "node:path";
import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { CliFailure, printJson } from "../output.js";

interface UserAddOptions {
  email: string;
  name: string;
  db?: string;
  workspace?: string;
  admin?: boolean;
  json?: boolean;
}

export function registerUser(program: Command, io: CliIo): void {
  const user = program.command("user").description("team mode: the people who can log in to the workbench server");
  user
    .command("add")
    .description("add a user who logs in with a password read from standard input (the first owner, or anyone later)")
    .requiredOption("--email <address>", "the e-mail address they log in with")
    .requiredOption("--name <name>", "the name others see")
    .option("--db <file>", "the SQLite file [env CONCORD_DB, default concord.db]; PostgreSQL when DATABASE_URL is set")
    .option("--workspace <name>", "also create a workspace of this name, with the new user as its owner")
    .option("--admin", "an administrator of the server: reads every user and the whole audit log (GET /api/admin/…)")
    .option("--json", "print the user (and workspace) as JSON")
    .addHelpText("after", `\nExample: printf '%s' "$PASSWORD" | concord user add --email ana@example.org --name "Ana" --workspace "Talks"`)
    .action(async (opts: UserAddOptions) => {
      const password = (await io.stdin.text()).replace(/\r?\n$/, "");
      if (io.stdin.isTTY || password === "") throw new CliFailure([{ code: "usage", path: [], message: "give the password on standard input (at least 8 characters)" }]);
      const { openStorage } = await import("@concord/storage");
      const storage = await openStorage({ databaseUrl: io.env.DATABASE_URL, file: resolve(io.cwd, opts.db ?? io.env.CONCORD_DB ?? "concord.db") });
      try {
        const by = { userId: null, via: "cli" };
        const created = await storage.users.create({ email: opts.email, displayName: opts.name, password, ...(opts.admin ? { admin: true } : {}) }, by);
        if (!created.ok) throw new CliFailure([{ code: "usage", path: [], message: created.error.message }]);
        let workspace: { id: string; name: string } | undefined;
        if (opts.workspace !== undefined) {
          const ws = await storage.workspaces.create(opts.workspace, { userId: created.value.id, via: "cli" });
          if (!ws.ok) throw new CliFailure([{ code: "usage", path: [], message: ws.error.message }]);
          workspace = ws.value;
        }
        if (opts.json) return printJson(io, { user: created.value, ...(workspace ? { workspace } : {}) });
        io.stdout.write(`Added ${created.value.admin ? "the administrator " : ""}${created.value.displayName} <${created.value.email}>${workspace ? `, owner of the workspace "${workspace.name}"` : ""}.\n`);
      } finally {
        await storage.close();
      }
    });
}
