#!/usr/bin/env node
// ipvsadm-save [-n]: prints the table as ipvsadm -R input, as Debian's wrapper (`ipvsadm -S $NUMERIC`) does.
import { main } from '../dist/cli/main.js';
import { guardAgainstCrashes, nodeIo } from '../dist/cli/node-io.js';

guardAgainstCrashes();

const args = process.argv.slice(2);
if (args.some((a) => a.startsWith('-') && a !== '-n')) {
  process.stderr.write('ipvsadm-save: Script to save the IPVS table to stdout.\n   With the -n option, prints out the table in numeric format.\n');
  process.exitCode = 1;
} else {
  process.exitCode = await main(['-S', ...(args.includes('-n') ? ['-n'] : [])], nodeIo());
}
