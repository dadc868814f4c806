import { resolve } from "node:path";
import type { Command } from "commander";
import { resolveSettings } from "@concord/server/settings";
import type { CliIo } from "../io.js";
import { CliFailure } from "../output.js";
import { stopSignal } from "./serve.js";

export function registerWorker(program: Command, io: CliIo): void {
  program
    .command("worker")
    .description("run analysis jobs queued on the workbench server's database (PostgreSQL: on any number of machines)")
    .option("--db <file>", "the SQLite file [env CONCORD_DB, default concord.db]")
    .option("--database-url <url>", "the PostgreSQL database [env DATABASE_URL]")
    .option("--concurrency <n>", "jobs this worker runs at once [env CONCORD_WORKER_CONCURRENCY, default 1]")
    .option("--threads <n>", "threads each job may use; set it when several workers share a machine [env CONCORD_WORKER_THREADS, default every free core]")
    .option("--part-variants <n>", "fewest variants in each part of a split robustness job [env CONCORD_PART_VARIANTS, default 100]")
    .option("--log <json|off>", "log lines on standard error [env CONCORD_LOG, default json]")
    .addHelpText(
      "after",
      `
On PostgreSQL a robustness job is split into parts (ranges of variants) that every worker
takes, so two workers finish it in about half the time. A job or part whose worker dies is
taken over by another worker once its lease runs out; each result is stored once. Stop with
Ctrl-C or SIGTERM: running jobs get 10 s to finish, the rest go back to the queue.`,
    )
    .action(async (opts: { db?: string; databaseUrl?: string; concurrency?: string; threads?: string; partVariants?: string; log?: string }) => {
      const settings = resolveSettings({ db: opts.db, databaseUrl: opts.databaseUrl, log: opts.log }, io.env);
      if (!settings.ok) throw new CliFailure([{ code: "usage", path: [], message: settings.message }]);
      const concurrency = wholeNumber("--concurrency", opts.concurrency ?? io.env.CONCORD_WORKER_CONCURRENCY ?? "1");
      const threads = wholeNumber("--threads", opts.threads ?? io.env.CONCORD_WORKER_THREADS);
      const partVariants = wholeNumber("--part-variants", opts.partVariants ?? io.env.CONCORD_PART_VARIANTS);
      const { startWorker } = await import("@concord/server");
      const worker = await startWorker({
        settings: { ...settings.value, db: resolve(io.cwd, settings.value.db) },
        concurrency: concurrency!,
        ...(threads !== undefined ? { threads } : {}),
        ...(partVariants !== undefined ? { parts: { minVariants: partVariants } } : {}),
        write: (line) => io.stderr.write(line),
      });
      io.stdout.write(`Concord worker ${worker.id} taking jobs; stop with Ctrl-C.\n`);
      await stopSignal();
      await worker.close();
    });
}

/** A flag's whole number from 1, or undefined when not given. */
function wholeNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(raw)) throw new CliFailure([{ code: "usage", path: [], message: `${flag}: expected a whole number from 1, found ${JSON.stringify(raw)}` }]);
  return Number(raw);
}
