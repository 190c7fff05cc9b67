// Differential scenarios that need each tool as its own process: ip_vs missing (modprobe's own stderr is part of
// the output), ip_vs autoloaded on first use, and a caller that is not root. They run first, before ip_vs is loaded.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const MODULES = '/lib/modules/6.1.176';
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];
const sh = (cmd) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' });
const unload = () => sh('ipvsadm -C 2>/dev/null; modprobe -r ip_vs_wlc ip_vs_rr ip_vs 2>/dev/null; true');

/** setup runs before each tool's steps; `as` says who runs them. */
export const PROCESS_SCENARIOS = [
  {
    name: 'module missing: modprobe is tried once, then "Can\'t initialize ipvs", status 2',
    setup: () => { unload(); sh(`mount -t tmpfs none ${MODULES}`); },
    teardown: () => sh(`umount ${MODULES}`),
    steps: ['-Ln', '-A -t 192.0.2.1:80 -s rr', '-L --timeout', '-L --daemon', '-Lnc', '-S', '--set 1 2 3', '-C'],
  },
  {
    name: 'module autoload: the first command loads ip_vs and works',
    setup: unload,
    steps: ['-A -t 192.0.2.1:80 -s rr', '-Ln'],
    after: () => sh('lsmod | grep -c "^ip_vs "').stdout.trim(),
  },
  {
    name: 'not root: "Permission denied (you must be root)", status 2',
    setup: () => sh('modprobe ip_vs'),
    as: 'nobody',
    steps: ['-Ln', '-A -t 192.0.2.1:80', '-Sn', '-L --timeout', '-Z', '-L -t 192.0.2.1:80', '-Lnc', '--stop-daemon master'],
  },
];

let copy;
/** A copy of what the bin needs, readable by nobody: CI may clone the checkout under a 0700 /root. */
function readableCopy(repo) {
  if (copy) return copy;
  copy = mkdtempSync('/tmp/ipvsadm-ts-nobody-');
  for (const p of ['package.json', 'bin', 'dist', 'node_modules/netlink', 'node_modules/node-gyp-build']) {
    cpSync(join(repo, p), join(copy, p), { recursive: true });
  }
  sh(`chmod -R a+rX '${copy}'`);
  return copy;
}

/** Runs `args` through C ipvsadm or through our bin, as a child process (as nobody when asked). */
function runProcess(tool, args, as, repo) {
  const argv = tool === 'c' ? ['ipvsadm', ...args] : [process.execPath, join(as === 'nobody' ? readableCopy(repo) : repo, 'bin/ipvsadm.js'), ...args];
  const [cmd, ...rest] = as === 'nobody' ? ['setpriv', ...NOBODY, ...argv] : argv;
  const r = spawnSync(cmd, rest, { encoding: 'utf8', cwd: '/' });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? 128 + 9 };
}

/** Runs every process scenario through both tools; returns them shaped like the in-process scenarios. */
export function runProcessScenarios(repo, picked = () => true) {
  try {
    return runAll(repo, picked);
  } finally {
    if (copy) rmSync(copy, { recursive: true, force: true });
    copy = undefined;
  }
}

function runAll(repo, picked) {
  return PROCESS_SCENARIOS.filter(picked).map((sc) => {
    const side = (tool) => {
      sc.setup();
      const runs = sc.steps.map((l) => ({ args: l.split(' '), stdin: '', ...runProcess(tool, l.split(' '), sc.as, repo) }));
      if (sc.after) runs.push({ args: ['(lsmod: ip_vs loaded)'], stdin: '', stdout: sc.after(), stderr: '', code: 0 });
      sc.teardown?.();
      return runs;
    };
    return { name: sc.name, c: side('c'), ts: side('ts') };
  });
}
