// The kernel suite: boots user-mode-linux once, then checks every differential scenario and kernel check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_SCENARIOS } from './process-scenarios.mjs';
import { SCENARIOS } from './scenarios.mjs';
import { runGuest } from './uml.js';

interface Run { args: string[]; stdin: string; stdout: string; stderr: string; code: number; deviation?: 'help' | 'version' }
interface Result {
  scenarios: { name: string; c: Run[]; ts: Run[] }[];
  checks: { name: string; ok: boolean; detail: string }[];
  started: number;
  finished: number;
}

let result: Result;
let ran = { differential: 0, steps: 0, checks: 0 };

beforeAll(async () => {
  result = (await runGuest('suite', 'suite', 12 * 60_000)) as Result;
}, 13 * 60_000);

afterAll(() => {
  if (result) {
    console.log(`kernel suite: ${ran.differential} differential scenarios (${ran.steps} command lines, each through C ipvsadm and ipvsadm-ts), ${ran.checks} kernel checks, guest time ${((result.finished - result.started) / 1000).toFixed(1)} s`);
  }
});

/** Our stdout with the documented -h/-v deviation checked and taken out, so the rest compares byte for byte. */
function expected(c: Run, t: Run): string {
  if (c.deviation === 'help') {
    const [first, ...rest] = t.stdout.split('\n');
    expect(first).toMatch(/^ipvsadm v1\.31 2019\/12\/24 \(ipvsadm-ts \d+\.\d+\.\d+\)$/);
    return [c.stdout.split('\n')[0], ...rest].join('\n');
  }
  if (c.deviation === 'version') {
    expect(t.stdout.startsWith(c.stdout)).toBe(true);
    expect(t.stdout.slice(c.stdout.length)).toMatch(/^ipvsadm-ts \d+\.\d+\.\d+ \(TypeScript, generic netlink\)\n$/);
    return c.stdout;
  }
  return t.stdout;
}

describe('differential: C ipvsadm 1.31 vs ipvsadm-ts on the same kernel', () => {
  it.each([...PROCESS_SCENARIOS, ...SCENARIOS].map((s) => s.name))('%s', (name) => {
    const sc = result.scenarios.find((s) => s.name === name);
    expect(sc, `scenario ${name} did not run in the guest`).toBeDefined();
    expect(sc!.ts.length).toBe(sc!.c.length);
    sc!.c.forEach((c, i) => {
      const t = sc!.ts[i]!;
      const label = `ipvsadm ${c.args.join(' ')}`;
      expect({ label, stdout: expected(c, t), stderr: t.stderr, code: t.code }).toEqual({ label, stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
    ran.differential++;
    ran.steps += sc!.c.length;
  });
});

describe('kernel checks', () => {
  it('ran every check', () => {
    expect(result.checks.length).toBeGreaterThan(0);
  });
  it.each(['GET_INFO', 'decodes', 'writes', 'errnos', 'daemons', 'D1', 'D2', 'D3', 'failing lines in a row', '100,000-line restore', 'D7', 'wrappers', 'traffic'])('%s', (needle) => {
    const c = result.checks.find((x) => x.name.includes(needle));
    expect(c, `no kernel check named like ${needle}`).toBeDefined();
    expect(c!.ok, `${c!.name}\n${c!.detail}`).toBe(true);
    ran.checks++;
  });
});
