// What the bins need, as one module: esbuild bundles it into dist/ipvsadm.cjs so start-up reads one file.
export { main } from './main.js';
export { guardAgainstCrashes, nodeIo, writeAll } from './node-io.js';
export { quickAnswer } from './usage.js';
