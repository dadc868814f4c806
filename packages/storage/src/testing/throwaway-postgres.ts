/**
 * A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary
 * folder, start on a free loopback port, and remove it all on stop. Uses the
 * Debian packages (`apt-get install --no-upgrade postgresql`) or any initdb/pg_ctl
 * on PATH. Run as root, the server runs as the `postgres` user (initdb refuses root).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` — create databases under it. */
  readonly url: string;
  stop(): void;
}

export interface ThrowawayOptions {
  /** Turn off fsync: fine for tests (nothing here survives a crash of the machine anyway), faster. Default false. */
  readonly fast?: boolean;
}

function binDir(): string | null {
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(debian, versions[0], "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const found = which.stdout.trim();
  return which.status === 0 && found ? join(found, "..") : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Starts a server, or says why it cannot. */
export async function startThrowawayPostgres(options: ThrowawayOptions = {}): Promise<ThrowawayPostgres | { unavailable: string }> {
  const bin = binDir();
  if (bin === null) return { unavailable: "PostgreSQL is not installed (no initdb): apt-get install -y --no-upgrade postgresql" };
  const asRoot = process.getuid?.() === 0;
  let ids: { uid: number; gid: number } | undefined;
  if (asRoot) {
    const id = (flag: string): number => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    try {
      ids = { uid: id("-u"), gid: id("-g") };
    } catch {
      return { unavailable: "running as root, but there is no postgres user to run the server as" };
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "concord-pg-"));
  chmodSync(dir, 0o755);
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const run = (cmd: string, args: string[]): void => {
    const r = spawnSync(join(bin, cmd), args, { encoding: "utf8", ...ids, cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}${existsSync(join(dir, "log")) ? `\n${readFileSync(join(dir, "log"), "utf8")}` : ""}`);
  };
  const data = join(dir, "data");
  try {
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
    const port = await freePort();
    const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", "-c max_connections=300"];
    if (options.fast) settings.push("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
    run("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "-o", settings.join(" "), "start"]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: () => {
        spawnSync(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], { ...ids, cwd: dir });
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { unavailable: (e as Error).message };
  }
}
