#!/usr/bin/env node
// The `concord` command: runs the compiled CLI (built by `npm install` via the root `prepare` script).
import { main } from "../dist/main.js";
import { nodeIo } from "../dist/node-io.js";

// `concord states big.yaml | head` closes the pipe early: that is not an error.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2), nodeIo());
