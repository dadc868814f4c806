import { resolve } from "node:path";
import type { Command } from "commander";
import { resolveSettings, SETTINGS } from "@concord/server/settings";
import type { CliIo } from "../io.js";
import { CliFailure } from "../output.js";

export function registerServe(program: Command, io: CliIo): void {
  const command = program
    .command("serve")
    .description("run the workbench server: workspaces, scenarios with their history and analyses over HTTP (see docs/server.md)");
  for (const s of SETTINGS) {
    const flag = s.kind === "boolean" ? `--${s.flag}` : `--${s.flag} <value>`;
    command.option(flag, `${s.description} [env ${s.env}${s.fallback !== undefined ? `, default ${s.fallback}` : ""}]`);
  }
  command
    .addHelpText(
      "after",
      `
Local mode (the default) has no login and listens on 127.0.0.1 only. Team mode (--team) needs
users: create the first with "concord user add". The database is migrated on start. Stop the
server with Ctrl-C (SIGINT) or SIGTERM: it finishes the requests in flight, then exits.`,
    )
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const flags = Object.fromEntries(SETTINGS.map((s) => [s.key, opts[camel(s.flag)]]));
      const settings = resolveSettings(flags, io.env);
      if (!settings.ok) throw new CliFailure([{ code: "usage", path: [], message: settings.message }]);
      // Loaded only here: the other commands start without the server's dependencies.
      const { startServer } = await import("@concord/server");
      const running = await startServer({ settings: { ...settings.value, db: resolve(io.cwd, settings.value.db) }, write: (line) => io.stderr.write(line) });
      io.stdout.write(`Concord workbench (${settings.value.team ? "team" : "local"} mode, ${running.storage.describe()}) on ${running.url}\nAPI reference: ${running.url}/api/docs\n`);
      await stopSignal();
      await running.close();
    });
}

/** Resolves at the first SIGINT or SIGTERM. */
export function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

const camel = (flag: string): string => flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
