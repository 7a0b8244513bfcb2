#!/usr/bin/env node
// The installed entry point: runs the compiled CLI from lib/.
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
