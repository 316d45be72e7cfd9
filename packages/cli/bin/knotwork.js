#!/usr/bin/env node
// The `knotwork` command: runs the compiled CLI (built by `npm ci`/`npm run build`), no TypeScript loader.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
