// Boots user-mode-linux with this machine's filesystem as root and runs the kernel suite's guest runner in it.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The packages the kernel suite needs, for the error message when they are missing. */
export const NEEDED = 'Debian packages user-mode-linux kmod ipvsadm (apt-get install -y user-mode-linux kmod ipvsadm)';

/** Finds linux.uml, or explains what to install. */
export function findUml(): string {
  const r = spawnSync('sh', ['-c', 'command -v linux.uml'], { encoding: 'utf8' });
  const path = r.stdout.trim();
  if (r.status !== 0 || !path) throw new Error(`linux.uml not found: the kernel suite needs the ${NEEDED}`);
  if (!existsSync('/usr/lib/uml/modules') || !existsSync('/usr/sbin/ipvsadm')) throw new Error(`UML modules or ipvsadm missing: install the ${NEEDED}`);
  return path;
}

/** Boots the guest once to run `node test/kernel/guest-run.mjs OUT scriptArg`; resolves with its JSON result (or rejects with its log). */
export async function runGuest(name: string, scriptArg: string, timeoutMs: number): Promise<unknown> {
  const uml = findUml();
  const outDir = join(REPO, 'test/kernel/out');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${name}.json`);
  rmSync(out, { force: true });
  // The kernel drops unknown words with dots in them, so the paths go into a small wrapper script.
  const init = join(outDir, `init-${name}.sh`);
  writeFileSync(init, `#!/bin/sh\nexec /bin/sh '${join(REPO, 'test/kernel/guest-init.sh')}' '${REPO}' '${out}' '${scriptArg}'\n`);
  chmodSync(init, 0o755);
  const args = ['mem=1G', 'root=/dev/root', 'rootfstype=hostfs', 'rootflags=/', 'rw', `init=${init}`, 'con=null', 'con0=fd:0,fd:1'];
  await new Promise<void>((ok, fail) => {
    const child = spawn(uml, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    const timer = setTimeout(() => { child.kill('SIGKILL'); fail(new Error(`guest timed out after ${timeoutMs} ms`)); }, timeoutMs);
    child.on('exit', () => { clearTimeout(timer); ok(); });
    child.on('error', (e) => { clearTimeout(timer); fail(e); });
  });
  if (!existsSync(out)) {
    const log = existsSync(`${out}.log`) ? readFileSync(`${out}.log`, 'utf8') : '(no log)';
    throw new Error(`guest produced no result; its log:\n${log}`);
  }
  return JSON.parse(readFileSync(out, 'utf8'));
}
