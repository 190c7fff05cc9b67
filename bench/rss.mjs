// Runs ipvsadm-ts's main in this process with its output counted, not printed; prints "maxRSS-KiB output-bytes".
import { main } from '../dist/cli/main.js';
import { nodeIo } from '../dist/cli/node-io.js';

let bytes = 0;
const io = { ...nodeIo(), stdout: (s) => { bytes += Buffer.byteLength(s); } };
const code = await main(process.argv.slice(2), io);
process.stdout.write(`${process.resourceUsage().maxRSS} ${bytes}\n`);
process.exitCode = code;
