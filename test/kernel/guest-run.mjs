// Runs inside the user-mode-linux guest: the differential scenarios (C ipvsadm vs ours) and the kernel checks.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { main } from '../../dist/cli/main.js';
import { nodeIo } from '../../dist/cli/node-io.js';
import { SCENARIOS } from './scenarios.mjs';
import { KERNEL_CHECKS } from './kernel-checks.mjs';

const [out] = process.argv.slice(2);

/** Runs the C ipvsadm (as `ipvsadm`, from PATH). */
export function runC(args, stdin = '') {
  const r = spawnSync('ipvsadm', args, { input: stdin, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? 128 + 9 };
}

/** Runs ours in this process through main(), with the real kernel backend. */
export async function runTs(args, stdin = '') {
  let stdout = '';
  let stderr = '';
  const io = { ...nodeIo(), stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, readStdin: async () => stdin };
  const code = await main(args, io);
  return { stdout, stderr, code };
}

/** Puts the kernel back to a known state: empty table, default timeouts, no daemons. */
export function reset() {
  runC(['-C']);
  runC(['--set', '900', '120', '300']);
  runC(['--stop-daemon', 'master']);
  runC(['--stop-daemon', 'backup']);
}

async function runSteps(steps, run) {
  const results = [];
  for (const step of steps) {
    const args = Array.isArray(step) ? step : typeof step === 'string' ? step.split(' ') : step.args;
    let stdin = typeof step === 'object' && !Array.isArray(step) ? step.stdin ?? '' : '';
    if (stdin === 'FROM_SAVE') {
      stdin = (await run(['-Sn'])).stdout;
      await run(['-C']);
    }
    results.push({ args, stdin, ...(await run(args, stdin)) });
  }
  return results;
}

const result = { scenarios: [], checks: [], started: Date.now() };
for (const sc of SCENARIOS) {
  reset();
  const c = await runSteps(sc.steps, async (a, i) => runC(a, i));
  reset();
  const ts = await runSteps(sc.steps, runTs);
  result.scenarios.push({ name: sc.name, c, ts });
}
for (const check of KERNEL_CHECKS) {
  reset();
  try {
    const detail = await check.run({ runC, runTs });
    result.checks.push({ name: check.name, ok: true, detail });
  } catch (e) {
    result.checks.push({ name: check.name, ok: false, detail: String(e && e.stack || e) });
  }
}
reset();
result.finished = Date.now();
writeFileSync(out, JSON.stringify(result));
