#!/usr/bin/env node
// ipvsadm-save [-n]: prints the table as ipvsadm -R input, as Debian's wrapper (`ipvsadm -S $NUMERIC`) does.
'use strict';
const cli = require('../dist/ipvsadm.cjs');

cli.guardAgainstCrashes();
const args = process.argv.slice(2);
if (args.some((a) => a.startsWith('-') && a !== '-n')) {
  cli.writeAll(2, 'ipvsadm-save: Script to save the IPVS table to stdout.\n   With the -n option, prints out the table in numeric format.\n');
  process.exitCode = 1;
} else {
  cli.main(['-S', ...(args.includes('-n') ? ['-n'] : [])], cli.nodeIo()).then((code) => { process.exitCode = code; });
}
