#!/usr/bin/env node
// ipvsadm: the entry point; the only place that sets the exit status. CommonJS (bin/package.json) over one
// bundled file, dist/ipvsadm.cjs: start-up is most of a short command's time.
'use strict';
const cli = require('../dist/ipvsadm.cjs');

const argv = process.argv.slice(2);
const quick = cli.quickAnswer(argv);
if (quick !== undefined) {
  cli.writeAll(1, quick);
} else {
  cli.guardAgainstCrashes();
  cli.main(argv, cli.nodeIo()).then((code) => { process.exitCode = code; });
}
