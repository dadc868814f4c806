/** The CLI's io in a real process: its streams, environment, folder and clock. */
import { outStream, type CliIo } from "./io.js";

export function nodeIo(): CliIo {
  return {
    stdout: outStream((t) => void process.stdout.write(t), { isTTY: process.stdout.isTTY === true, ...(process.stdout.columns ? { columns: process.stdout.columns } : {}) }),
    stderr: outStream((t) => void process.stderr.write(t), { isTTY: process.stderr.isTTY === true, ...(process.stderr.columns ? { columns: process.stderr.columns } : {}) }),
    stdin: {
      isTTY: process.stdin.isTTY === true,
      text: async () => {
        let text = "";
        for await (const chunk of process.stdin) text += String(chunk);
        return text;
      },
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}
