#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli/run-cli.js (built by `npm run build`, run automatically by `npm ci`).
import { runCli } from '../dist/cli/run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
