#!/usr/bin/env node
// ipvsadm: the entry point; the only place that sets the exit status.
import { main } from '../dist/cli/main.js';
import { guardAgainstCrashes, nodeIo } from '../dist/cli/node-io.js';

guardAgainstCrashes();

process.exitCode = await main(process.argv.slice(2), nodeIo());
