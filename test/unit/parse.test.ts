// The popt-compatible parser: matrix messages, value grammar, and a fuzz run that must never throw.
import { describe, expect, it } from 'vitest';
import { parseInvocation } from '../../src/cli/parse.js';
import { Popt } from '../../src/cli/popt.js';
import { OPTION_TABLE } from '../../src/cli/options.js';
import { fakeLookup } from '../support/run.js';

const parse = (l: string) => parseInvocation(l.split(' ').filter(Boolean), fakeLookup);

describe('Popt', () => {
  it('scans bundles, attached and optional arguments, and leftovers', () => {
    const p = new Popt(['-Lnt192.0.2.1:80', 'x', '-p', '-s', 'rr', '--persistent=5', '--', '-n'], OPTION_TABLE);
    const seen: string[] = [];
    for (let s = p.nextOpt(); s.kind === 'opt'; s = p.nextOpt()) seen.push(`${s.tag}=${s.arg ?? ''}`);
    expect(seen).toEqual(['L=', 'n=', 't=192.0.2.1:80', 'p=', 's=rr', 'p=5']);
    expect(p.leftovers).toEqual(['x', '-n']);
  });
  it('reports popt errors with the whole word', () => {
    expect(new Popt(['-Lq'], OPTION_TABLE).nextOpt()).toEqual({ kind: 'opt', tag: 'L', arg: undefined, spelled: '-Lq' });
    const p = new Popt(['-Lq'], OPTION_TABLE);
    p.nextOpt();
    expect(p.nextOpt()).toEqual({ kind: 'error', message: '-Lq: unknown option' });
    expect(new Popt(['--numeric=5'], OPTION_TABLE).nextOpt()).toEqual({ kind: 'error', message: '--numeric=5: option does not take an argument' });
  });
});

describe('parseInvocation', () => {
  it.each([
    ['-A', "You need to supply the 'service-address' option for the 'add-service' command"],
    ['-A -t 192.0.2.1:80 -r 198.51.100.1', "Illegal 'real-server' option with the 'add-service' command"],
    ['-L --timeout --daemon', "The option 'daemon' conflicts with the 'timeout' option in the 'list' command"],
    ['-Lc --stats', 'options conflicts in the list command'],
    ['-A -t 192.0.2.1', 'Zero port specified for non-persistent service'],
    ['-A -t 192.0.2.1:80 -o', 'One-Packet Scheduling is only for UDP virtual services'],
    ['-A -6 -f 5', '-6 used before -f\n'],
    ['-A -t [2001:db8::1]:80 -p 30 -M 129', 'illegal ipv6 netmask specified'],
    ['-a -t 192.0.2.1:80 -r 198.51.100.9 -i --tun-type gue', "You need to supply the 'tun-port' option for the 'gue' tunnel type"],
    ['-a -t 192.0.2.1:80 -r [2001:db8::5]:80 -m', 'Different address family is allowed only for tunneling servers'],
    ['-A -t 192.0.2.1:80 -s rr -b sh-port', "incompatible scheduler flag `sh-port'"],
    ['--set 1 2', '--set option requires 3 timeout values'],
    ['-A -D -t 192.0.2.1:80', "invalid option `-D'"],
  ])('%s', async (line, message) => {
    const r = await parse(line);
    expect(r).toMatchObject({ kind: 'exit', code: 2, stderr: `${message}\n` });
  });

  it('-b with no flag in it sets none (1.31 crashes; docs/compatibility.md)', async () => {
    const r = await parse('-A -t 192.0.2.1:80 -s rr -b ,');
    expect(r.kind === 'run' && r.command.kind === 'add-service' && r.command.service.schedFlags).toBe(0);
  });

  it('treats a non-command first option as tryhelp (255)', async () => {
    expect(await parse('-n')).toMatchObject({ kind: 'exit', code: 255 });
  });

  it('keeps -M order sensitivity of 1.31', async () => {
    const a = await parse('-A -f 10 -M 64 -6 -p 60');
    const b = await parse('-A -f 9 -6 -p 60 -M 64');
    expect(a.kind === 'run' && a.command.kind === 'add-service' && a.command.service.netmask).toBe(128);
    expect(b.kind === 'run' && b.command.kind === 'add-service' && b.command.service.netmask).toBe(64);
  });

  it('never throws on random input (fuzz)', async () => {
    const atoms = ['-A', '-a', '-E', '-e', '-d', '-D', '-L', '-S', '-R', '-Z', '-C', '-t', '-u', '-f', '-r', '-s', '-p', '-M', '-w', '-x', '-y', '-b',
      '-6', '-m', '-g', '-i', '-n', '-c', '--set', '--tun-type', '--tun-port', '--pe', '--mcast-group', '--start-daemon', '--stop-daemon',
      'gue', 'master', '192.0.2.1:80', '[2001:db8::1]:80', '2001:db8::1', '[', ']:', ':', '0', '-1', '4294967296', 'rr', 'sh', 'flag-1,',
      ',', 'x', '', '---', '-', '--', '=', '-p=', '1.2', '0x10', '999999999999999999999999', '\t', 'ü', '[::ffff:1.2.3.4]:1'];
    let seed = 12345;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    for (let i = 0; i < 3000; i++) {
      const words = Array.from({ length: 1 + rnd(7) }, () => atoms[rnd(atoms.length)]!);
      const r = await parseInvocation(words, fakeLookup);
      expect(['run', 'exit', 'return']).toContain(r.kind);
    }
  });
});
