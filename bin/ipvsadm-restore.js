#!/usr/bin/env node
// ipvsadm-restore: reads stdin without `#` lines, flushes the table, then restores, as Debian's wrapper does.
'use strict';
const cli = require('../dist/ipvsadm.cjs');

cli.guardAgainstCrashes();
const io = cli.nodeIo();
(async () => {
  const input = (await io.readStdin()).split('\n').filter((l) => !l.startsWith('#')).join('\n');
  await cli.main(['-C'], io);
  process.exitCode = await cli.main(['-R'], { ...io, readStdin: async () => input });
})();
