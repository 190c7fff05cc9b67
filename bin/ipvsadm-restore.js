#!/usr/bin/env node
// ipvsadm-restore: flushes the table, then restores stdin with lines starting with `#` skipped (Debian's wrapper).
import { main } from '../dist/cli/main.js';
import { guardAgainstCrashes, nodeIo } from '../dist/cli/node-io.js';

guardAgainstCrashes();

const io = nodeIo();
const flushed = await main(['-C'], io);
if (flushed !== 0) {
  process.exitCode = flushed;
} else {
  const input = (await io.readStdin()).split('\n').filter((l) => !l.startsWith('#')).join('\n');
  process.exitCode = await main(['-R'], { ...io, readStdin: async () => input });
}
