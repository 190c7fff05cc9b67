// main() end to end against MemoryIpvs: listings, save, restore semantics, errors and exit codes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { memoryCli } from '../support/run.js';
import { VERSION } from '../../src/version.js';
import { quickAnswer } from '../../src/cli/usage.js';

describe('main against MemoryIpvs', () => {
  it('adds services and real servers and lists them sorted, numeric', async () => {
    const { run } = memoryCli();
    for (const l of ['-A -t 192.0.2.9:80 -s rr', '-A -t 192.0.2.1:80', '-a -t 192.0.2.1:80 -r 198.51.100.2 -m -w 2', '-a -t 192.0.2.1:80 -r 198.51.100.1:8080 -m']) {
      expect((await run(l)).code).toBe(0);
    }
    expect((await run('-Ln')).stdout).toBe([
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
      'TCP  192.0.2.1:80 wlc',
      '  -> 198.51.100.1:8080            Masq    1      0          0         ',
      '  -> 198.51.100.2:80              Masq    2      0          0         ',
      'TCP  192.0.2.9:80 rr', ''].join('\n'));
  });

  it('names hosts and ports without -n', async () => {
    const { run } = memoryCli();
    await run('-A -t 192.0.2.1:80');
    await run('-a -t 192.0.2.1:80 -r 192.0.2.10 -m');
    expect((await run('-L')).stdout).toContain('  -> web-a.example:http           Masq');
    expect((await run([])).stdout).toContain('TCP  192.0.2.1:http wlc\n');
  });

  it('reports kernel errors with ipvsadm texts and 255', async () => {
    const { run } = memoryCli();
    await run('-A -t 192.0.2.1:80');
    expect(await run('-A -t 192.0.2.1:80')).toEqual({ stdout: '', stderr: 'Service already exists\n', code: 255 });
    expect(await run('-a -t 192.0.2.2:80 -r 198.51.100.1')).toEqual({ stdout: '', stderr: 'Service not defined\n', code: 255 });
    expect(await run('-d -t 192.0.2.1:80 -r 198.51.100.1')).toEqual({ stdout: '', stderr: 'No such destination\n', code: 255 });
    expect(await run('-a -t 192.0.2.1:80 -r 198.51.100.3 -m -y 10')).toEqual({ stdout: '', stderr: 'Numerical result out of range\n', code: 255 });
    expect(await run('-L -t 192.0.2.99:80')).toEqual({ stdout: '', stderr: 'No such service\n', code: 1 });
  });

  it('-E and -e replace every field', async () => {
    const { run } = memoryCli();
    await run('-A -t 192.0.2.82:80 -p 100 -s rr');
    await run('-E -t 192.0.2.82:80 -s wrr');
    await run('-a -t 192.0.2.82:80 -r 198.51.100.1 -m -w 7 -x 20 -y 10');
    await run('-e -t 192.0.2.82:80 -r 198.51.100.1 -m -x 30');
    expect((await run('-Sn')).stdout).toBe('-A -t 192.0.2.82:80 -s wrr\n-a -t 192.0.2.82:80 -r 198.51.100.1:80 -m -w 1 -x 30 -y 0\n');
  });

  it('-R: parse errors abort keeping earlier lines, kernel errors go on, status of the last line', async () => {
    const { run } = memoryCli();
    const r1 = await run('-R', '-A -t 192.0.2.1:80\n-A -t 192.0.2.1:80\n-a -t 192.0.2.1:80 -r 198.51.100.1 -w 99999999999\n-A -t 192.0.2.2:80\n');
    expect(r1).toEqual({ stdout: '', stderr: 'Service already exists\nillegal weight specified\n', code: 2 });
    expect((await run('-Sn')).stdout).toBe('-A -t 192.0.2.1:80 -s wlc\n');
    expect((await run('-R', '-A -t 192.0.2.3:80\r\n\n  ipvsadm -A -t 192.0.2.1:80\n')).code).toBe(255);
    expect((await run('-R', '-A -t 192.0.2.1:80\n-A -t 192.0.2.4:80\n')).code).toBe(0);
    expect((await run('-R', '# comment\n-A -t 192.0.2.5:80\n')).code).toBe(255);
    expect((await run('-Sn')).stdout).not.toContain('192.0.2.5');
  });

  it('D1: fwmarks of 2^31 and more print unsigned and restore', async () => {
    const { run } = memoryCli();
    await run('-A -f 3000000000 -s rr');
    const saved = (await run('-Sn')).stdout;
    expect(saved).toBe('-A -f 3000000000 -s rr\n');
    expect((await run('-Ln')).stdout).toContain('FWM  3000000000 rr\n');
    await run('-C');
    expect((await run('-R', saved)).code).toBe(0);
    expect((await run('-Sn')).stdout).toBe(saved);
  });

  it('D2: sorts unsigned (an address with the top bit set sorts last)', async () => {
    const { run } = memoryCli();
    await run('-A -t [2001:db8:c000::1]:80');
    await run('-A -t [2001:db8::1]:80');
    await run('-A -t [2001:db8:8000::1]:80');
    const lines = (await run('-Sn')).stdout.trim().split('\n');
    expect(lines).toEqual(['-A -t [2001:db8::1]:80 -s wlc', '-A -t [2001:db8:8000::1]:80 -s wlc', '-A -t [2001:db8:c000::1]:80 -s wlc']);
  });

  it('D3: -S saves non-zero thresholds', async () => {
    const { run } = memoryCli();
    await run('-A -t 192.0.2.1:80');
    await run('-a -t 192.0.2.1:80 -r 198.51.100.4 -m -w 0 -x 100 -y 50');
    await run('-a -t 192.0.2.1:80 -r 198.51.100.5 -m');
    expect((await run('-Sn')).stdout).toBe('-A -t 192.0.2.1:80 -s wlc\n-a -t 192.0.2.1:80 -r 198.51.100.4:80 -m -w 0 -x 100 -y 50\n-a -t 192.0.2.1:80 -r 198.51.100.5:80 -m -w 1\n');
  });

  it('D6: -v keeps 1.31\'s line first, then names ipvsadm-ts and its package version; -h changes only its first line', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const { run } = memoryCli();
    expect(await run('-v')).toEqual({
      code: 0, stderr: '',
      stdout: `ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\nipvsadm-ts ${pkg.version} (TypeScript, generic netlink)\n`,
    });
    const help = (await run('--help')).stdout.split('\n');
    expect(help[0]).toBe(`ipvsadm v1.31 2019/12/24 (ipvsadm-ts ${pkg.version})`);
    expect(help[1]).toBe('Usage:');
  });

  it('the bin\'s fast path for a lone -h/-v prints what main prints, and nothing else takes it', async () => {
    const { run } = memoryCli();
    for (const a of ['-h', '--help', '-v', '--version']) expect(quickAnswer([a])).toBe((await run(a)).stdout);
    for (const argv of [['-h', '-n'], ['-L'], [], ['-V'], ['--help=1'], ['-hv']]) expect(quickAnswer(argv)).toBeUndefined();
  });

  it('D5: -h, -v and usage errors need no kernel', async () => {
    const noKernel = async () => { throw Object.assign(new Error('no ip_vs'), { errno: 92 }); };
    const { run } = memoryCli(undefined, noKernel);
    const h = await run('-h');
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^ipvsadm v1\.31 .*\nUsage:\n/);
    expect((await run('-v')).code).toBe(0);
    expect(await run('-A -t 192.0.2.300:80')).toEqual({ stdout: '', stderr: 'illegal virtual server address[:port] specified\n', code: 2 });
    expect(await run('-Ln')).toEqual({
      stdout: '', code: 2,
      stderr: "Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n",
    });
  });
});

describe('main never throws (fuzz against MemoryIpvs)', () => {
  it('answers every random command line and restore input with a status', async () => {
    const { run } = memoryCli();
    const atoms = ['-A', '-a', '-E', '-e', '-d', '-D', '-L', '-Ln', '-S', '-Sn', '-Z', '-C', '-R', '-t', '-u', '-f', '-r', '-s', '-p', '-M',
      '-w', '-x', '-y', '-b', '-6', '-m', '-g', '-i', '-o', '--pe', 'sip', '--set', '--tun-type', 'gue', 'gre', '--tun-port', '--tun-csum',
      '--start-daemon', 'master', '--mcast-interface', 'lo', '--daemon', '--timeout', '--stats', '--rate', '--thresholds', '--tun-info',
      '--persistent-conn', '--nosort', '--exact', '192.0.2.1:80', '192.0.2.2', '[2001:db8::1]:80', '2001:db8::2', '198.51.100.1',
      '198.51.100.2:8080', '1', '7', '3000000000', '0', '-1', '255.255.255.0', '64', 'rr', 'sh', 'mh', 'sh-port,sh-fallback', 'x', ''];
    let seed = 42;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const line = () => Array.from({ length: 1 + rnd(8) }, () => atoms[rnd(atoms.length)]!);
    for (let i = 0; i < 1500; i++) {
      const args = line();
      const stdin = args[0] === '-R' ? Array.from({ length: rnd(5) }, () => line().join(' ')).join('\n') : '';
      const r = await run(args, stdin);
      expect([0, 1, 2, 255]).toContain(r.code);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('-c connections', () => {
  it('prints procfs rows as print_conn does, with and without --persistent-conn', async () => {
    const text = 'Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n'
      + 'UDP C00002FE 0000 C0000267 13C4 C00002FE 13C4 ASSURED          12 sip a84b4c76e66710@pc33.example.com\n'
      + 'TCP C00002FE BA42 C0000264 0050 C00002FE 0050 ESTABLISHED     882\n';
    const { run } = memoryCli(undefined, undefined, text);
    expect((await run('-Lnc')).stdout).toBe([
      'IPVS connection entries',
      'pro expire state       source             virtual            destination',
      'UDP 00:12  ASSURED     192.0.2.254:0      192.0.2.103:5060   192.0.2.254:5060',
      'TCP 14:42  ESTABLISHED 192.0.2.254:47682  192.0.2.100:80     192.0.2.254:80', ''].join('\n'));
    expect((await run('-Lnc --persistent-conn')).stdout.split('\n').slice(1, 3)).toEqual([
      'pro expire state       source             virtual            destination        pe name          pe_data',
      'UDP 00:12  ASSURED     192.0.2.254:0      192.0.2.103:5060   192.0.2.254:5060 sip                a84b4c76e66710@pc33.example.com',
    ]);
  });
});
