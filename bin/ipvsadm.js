#!/usr/bin/env node
// ipvsadm: the entry point; the only place that sets the exit status.
import { main } from '../dist/cli/main.js';
import { nodeIo } from '../dist/cli/node-io.js';

process.exitCode = await main(process.argv.slice(2), nodeIo());
