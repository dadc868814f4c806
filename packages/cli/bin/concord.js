#!/usr/bin/env node
// The `concord` command: runs the compiled CLI (built by `npm install` via the root `prepare` script).
import { main } from "../dist/main.js";

process.exitCode = await main(process.argv.slice(2));
