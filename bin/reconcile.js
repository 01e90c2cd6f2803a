#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli/run-cli.js (built by `npm run build`, run automatically by `npm ci`).
import { runCli } from '../dist/cli/run-cli.js';

// `reconcile ... | head` closes the pipe early: that is not an error (as in xsv and ripgrep).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await runCli(process.argv.slice(2));
