#!/usr/bin/env node
// The benchmark: host start-up (`ipvsadm -h` vs `node -e 0`), then one user-mode-linux boot that times C ipvsadm
// and ipvsadm-ts side by side (bench/guest-bench.mjs); prints medians and ratios as a Markdown table.
// Usage: npm run build && node bench/run.mjs [ROUNDS]    (needs the Debian packages user-mode-linux kmod ipvsadm)
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.argv[2] ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function hostStartup() {
  const time = (args) => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const node = [];
  const help = [];
  for (let i = 0; i < 40 * ROUNDS; i++) {
    node.push(time(['-e', '0']));
    help.push(time([join(REPO, 'bin/ipvsadm.js'), '-h']));
  }
  return { node: median(node), help: median(help) };
}

function guest() {
  const uml = spawnSync('sh', ['-c', 'command -v linux.uml'], { encoding: 'utf8' }).stdout.trim();
  if (!uml) throw new Error('linux.uml not found: apt-get install -y user-mode-linux kmod ipvsadm');
  const dir = join(REPO, 'bench/out');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'guest.json');
  rmSync(out, { force: true });
  const init = join(dir, 'init.sh');
  writeFileSync(init, `#!/bin/sh
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc; mount -t sysfs sys /sys
mount -t tmpfs tmp /lib/modules; mkdir -p /lib/modules/6.1.176
mount --bind /usr/lib/uml/modules/6.1.176 /lib/modules/6.1.176
mount -t tmpfs tmp /tmp
depmod 6.1.176 >/dev/null 2>&1; echo 1 > /proc/sys/kernel/printk
modprobe ip_vs; modprobe ip_vs_rr; ip link set lo up
cd '${REPO}'; node bench/guest-bench.mjs '${out}' ${ROUNDS} > '${out}.log' 2>&1
halt -f
`);
  chmodSync(init, 0o755);
  spawnSync(uml, ['mem=1G', 'root=/dev/root', 'rootfstype=hostfs', 'rootflags=/', 'rw', `init=${init}`, 'con=null', 'con0=fd:0,fd:1'], { stdio: 'ignore' });
  if (!existsSync(out)) throw new Error(`the guest wrote no result:\n${existsSync(`${out}.log`) ? readFileSync(`${out}.log`, 'utf8') : ''}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

const host = hostStartup();
const g = guest();
const m = g.medians;
const ms = (x) => `${Math.round(x)} ms`;
const row = (what, ours, base, baseName, target) => `| ${what} | ${ms(ours)} | ${ms(base)} (${baseName}) | ${(ours / base).toFixed(3)} | ${target} |`;
const lines = [
  `ipvsadm-ts ${JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version} vs C ipvsadm 1.31, ${new Date().toISOString().slice(0, 10)}, ` +
    `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, UML guest (Linux 6.1, mem=1G); medians of ${g.rounds} rounds`,
  '',
  '| measurement | ipvsadm-ts | baseline | ratio | target |',
  '|---|---:|---:|---:|---:|',
  row('`-R` 10,000 services x 2 (30,000 lines)', m['restore 10k x 2: ts'], m['restore 10k x 2: C'], 'C', '<= 0.05'),
  row('`-R` 10,000 x 2 vs raw floor', m['restore 10k x 2: ts'], m['restore 10k x 2: floor'], 'floor', '<= 2'),
  row('`-Ln` 10,000 x 2', m['-Ln 10k x 2: ts'], m['-Ln 10k x 2: C'], 'C', '<= 0.4'),
  row('`-Sn` 10,000 x 2', m['-Sn 10k x 2: ts'], m['-Sn 10k x 2: C'], 'C', '<= 0.4'),
  row('`-Ln` empty table (guest)', m['empty -Ln: ts'], m['empty -Ln: node -e 0'], 'node -e 0', '<= 1.2'),
  `| \`-Ln\` empty table, C (guest) | | ${ms(m['empty -Ln: C'])} | | |`,
  row('`-h` (host)', host.help, host.node, 'node -e 0', '<= 1.10'),
  `| peak RSS of \`-Ln\`, 10,000 x 10 | ${g.rssMiB.toFixed(1)} MiB | | | < 150 MiB |`,
  '',
  `checks: ${g.checks.filter((c) => c.ok).length}/${g.checks.length} passed${g.checks.some((c) => !c.ok) ? ` (FAILED: ${g.checks.filter((c) => !c.ok).map((c) => c.what).join('; ')})` : ''}`,
];
console.log(lines.join('\n'));
writeFileSync(join(REPO, 'bench/out/table.md'), `${lines.join('\n')}\n`);
