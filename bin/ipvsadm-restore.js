#!/usr/bin/env node
// ipvsadm-restore: reads stdin without `#` lines, flushes the table, then restores, as Debian's wrapper does.
import { main } from '../dist/cli/main.js';
import { guardAgainstCrashes, nodeIo } from '../dist/cli/node-io.js';

guardAgainstCrashes();

const io = nodeIo();
const input = (await io.readStdin()).split('\n').filter((l) => !l.startsWith('#')).join('\n');
await main(['-C'], io);
process.exitCode = await main(['-R'], { ...io, readStdin: async () => input });
