// Runs ipvsadm-ts as bin/ipvsadm.js does (the bundle, real output on fd 1), then prints its peak RSS in KiB on fd 2.
import { createRequire } from 'node:module';

const cli = createRequire(import.meta.url)('../dist/ipvsadm.cjs');
const code = await cli.main(process.argv.slice(2), cli.nodeIo());
process.stderr.write(`${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
