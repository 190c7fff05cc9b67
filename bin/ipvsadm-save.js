#!/usr/bin/env node
// ipvsadm-save [-n]: prints the table as ipvsadm -R input (Debian's wrapper runs `ipvsadm -S $NUMERIC`).
import { main } from '../dist/cli/main.js';
import { guardAgainstCrashes, nodeIo } from '../dist/cli/node-io.js';

guardAgainstCrashes();

const numeric = process.argv.slice(2).includes('-n') ? ['-n'] : [];
process.exitCode = await main(['-S', ...numeric], nodeIo());
