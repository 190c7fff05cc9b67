// Runs inside the user-mode-linux guest: the differential scenarios (C ipvsadm vs ours) and the kernel checks.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { main } from '../../dist/cli/main.js';
import { nodeIo } from '../../dist/cli/node-io.js';
import { SCENARIOS } from './scenarios.mjs';
import { KERNEL_CHECKS } from './kernel-checks.mjs';
import { runProcessScenarios } from './process-scenarios.mjs';
import { TRAFFIC_CHECK } from './traffic.mjs';

const [out, what = 'suite'] = process.argv.slice(2);
/** 'suite' runs everything; any other word runs only the scenarios and checks whose names contain it. */
const picked = (x) => what === 'suite' || x.name.includes(what);

/** Runs the C ipvsadm (as `ipvsadm`, from PATH). */
export function runC(args, stdin = '') {
  const r = spawnSync('ipvsadm', args, { input: stdin, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? 128 + 9 };
}

/** A step that did not finish: recorded as its own result so the suite goes on and the report names it. */
const STEP_TIMEOUT = 60_000;
const timedOut = (who) => ({ stdout: '', stderr: `${who} did not finish within ${STEP_TIMEOUT} ms\n`, code: -1 });

/** runC for scenarios: the same, but a hung child (even one stuck in the kernel) cannot stall the suite. */
function runCBounded(args, stdin = '') {
  return new Promise((resolve) => {
    const child = spawn('ipvsadm', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(timedOut('C ipvsadm')); }, STEP_TIMEOUT);
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ stdout, stderr, code: code ?? 128 + (signal === 'SIGKILL' ? 9 : 15) }); });
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

/** runTs for scenarios, bounded in time like runCBounded. */
function runTsBounded(args, stdin = '') {
  let timer;
  const limit = new Promise((resolve) => { timer = setTimeout(() => resolve(timedOut('ipvsadm-ts')), STEP_TIMEOUT); });
  return Promise.race([runTs(args, stdin), limit]).finally(() => clearTimeout(timer));
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
    console.error(`  ${run.name} ${args.join(' ')}`);
    const deviation = typeof step === 'object' && !Array.isArray(step) ? step.deviation : undefined;
    results.push({ args, stdin, deviation, ...(await run(args, stdin)) });
  }
  return results;
}

const result = { scenarios: [], checks: [], started: Date.now() };
result.scenarios.push(...runProcessScenarios(process.cwd(), picked));
spawnSync('modprobe', ['ip_vs']);
for (const sc of SCENARIOS.filter(picked)) {
  console.error(`scenario: ${sc.name}`);
  const t0 = Date.now();
  reset();
  const c = await runSteps(sc.steps, runCBounded);
  reset();
  const ts = await runSteps(sc.steps, runTsBounded);
  result.scenarios.push({ name: sc.name, c, ts, ms: Date.now() - t0 });
}
for (const check of [...KERNEL_CHECKS, TRAFFIC_CHECK].filter(picked)) {
  console.error(`check: ${check.name}`);
  reset();
  try {
    const t0 = Date.now();
    const detail = await check.run({ runC, runTs });
    result.checks.push({ name: check.name, ok: true, detail, ms: Date.now() - t0 });
  } catch (e) {
    result.checks.push({ name: check.name, ok: false, detail: String(e && e.stack || e) });
  }
}
reset();
result.finished = Date.now();
writeFileSync(out, JSON.stringify(result));
