import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { resolveSettings, SETTINGS } from "@concord/server/settings";
import type { CliIo } from "../io.js";
import { CliFailure } from "../output.js";
import { DEFAULT_SCENARIO } from "./default-run.js";

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
      const web = webFolder();
      const db = resolve(io.cwd, settings.value.db);
      if (!settings.value.team && settings.value.databaseUrl === undefined && !existsSync(db)) {
        io.stdout.write(`A new database (${db}): importing the seed scenario and working out its brief first…\n`);
      }
      const running = await startServer({ settings: { ...settings.value, db }, write: (line) => io.stderr.write(line), seed: seedScenario(), ...(web ? { web } : {}) });
      io.stdout.write(
        `Concord workbench (${settings.value.team ? "team" : "local"} mode, ${running.storage.describe()}) on ${running.url}\n` +
          (web ? `Open it in a browser: ${running.url}/\n` : "The web workbench is not built (npm run build): serving the API only.\n") +
          `API reference: ${running.url}/api/docs\n`,
      );
      await stopSignal();
      await running.close();
    });
}

/** The web workbench's built files (@concord/web's dist folder), when they are there. */
export function webFolder(): string | undefined {
  try {
    const folder = join(dirname(createRequire(import.meta.url).resolve("@concord/web/package.json")), "dist");
    return existsSync(join(folder, "index.html")) ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** The embedded default scenario, imported into a fresh local database so that the workbench opens on it. */
export function seedScenario(): { name: string; text: string } {
  const text = readFileSync(DEFAULT_SCENARIO, "utf8");
  const title = /^title:\s*(.+)$/m.exec(text)?.[1]?.replace(/^["']|["']$/g, "").trim();
  return { name: title || "armenia-azerbaijan-2023", text };
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
