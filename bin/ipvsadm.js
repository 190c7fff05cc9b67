#!/usr/bin/env node
// ipvsadm: the entry point; the only place that sets the exit status. A lone -h or -v loads only its text.
const argv = process.argv.slice(2);
const { quickAnswer } = await import('../dist/cli/usage.js');
const quick = quickAnswer(argv);
if (quick !== undefined) {
  process.stdout.write(quick);
} else {
  const { main } = await import('../dist/cli/main.js');
  const { guardAgainstCrashes, nodeIo } = await import('../dist/cli/node-io.js');
  guardAgainstCrashes();
  process.exitCode = await main(argv, nodeIo());
}
