// /proc/net/ip_vs for the default listing view: the parser, and the listing that uses it (goldens from the kernel).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTable } from '../../src/kernel/table-proc.js';
import { MemoryIpvs } from '../../src/model/memory.js';
import { memoryCli } from '../support/run.js';

// Captured in the user-mode-linux guest by golden/proc-ip_vs.sh: the file, and C ipvsadm's -Ln of the same table.
const golden = (f: string) => readFileSync(new URL(`./golden/${f}`, import.meta.url), 'utf8');
const TEXT = golden('proc-ip_vs.txt');
const parse = (text: string) => parseTable(Buffer.from(text, 'latin1'));
const TABLE = [...golden('proc-ip_vs.sh').matchAll(/"(-[A-Za-z] [^"]+)"/g)].map((m) => m[1]!);

describe('parseTable', () => {
  it('reads every service and real server the kernel wrote', () => {
    const t = parse(TEXT)!;
    expect(t.dests('tcp 192.0.2.99 80')).toBeUndefined();
    expect(t.dests('tcp 192.0.2.1 80')).toEqual([
      { af: 4, addr: '192.0.2.254', port: 80, fwd: 'masq', weight: 0, activeConns: 0, inactConns: 0 },
      { af: 4, addr: '198.51.100.3', port: 80, fwd: 'ipip', weight: 1, activeConns: 0, inactConns: 0 },
      { af: 4, addr: '198.51.100.1', port: 8080, fwd: 'masq', weight: 3, activeConns: 0, inactConns: 0 },
      { af: 4, addr: '198.51.100.2', port: 80, fwd: 'gate', weight: 2, activeConns: 0, inactConns: 0 },
    ]);
    expect(t.dests('tcp 2001:db8::1 80')!.map((d) => `${d.addr} ${d.port}`)).toEqual(['2001:db8::1:0:ab:cd 80', '2001:db8::10 8080']);
    expect(t.dests('tcp 203.0.113.1 80')).toEqual([{ af: 6, addr: '2001:db8::fe', port: 80, fwd: 'ipip', weight: 1, activeConns: 0, inactConns: 0 }]);
    expect(t.dests('udp 192.0.2.2 53')![0]!.weight).toBe(65535);
    expect(t.dests('sctp 192.0.2.3 5060')).toEqual([]);
  });

  it('marks names shown twice (an IPv4 and an IPv6 fwmark service, or a table changed during the read)', () => {
    expect(parse(TEXT)!.dests('FWM 5')).toBeNull();
    const twice = TEXT.replace('UDP  C0000207:0202 rr ops  \n', 'UDP  C0000207:0202 rr ops  \nUDP  C0000207:0202 rr ops  \n');
    expect(parse(twice)!.dests('udp 192.0.2.7 514')).toBeNull();
  });

  it('gives nothing for text it does not know: the whole file for a bad header or service line, else that service', () => {
    expect(parse('')).toBeUndefined();
    expect(parse(TEXT.replace('SCTP  C0000203', 'ESP  C0000203'))).toBeUndefined();
    expect(parse(TEXT.replace('TCP  C0000201:0050 rr  ', 'TCP  C00002:0050 rr  '))).toBeUndefined();
    const bad = parse(TEXT.replace('Masq    3', 'Bogus   3'))!;
    expect(bad.dests('tcp 192.0.2.1 80')).toBeUndefined();
    expect(bad.dests('udp 192.0.2.2 53')).toHaveLength(1);
    expect(parse(TEXT.split('\n').slice(0, 3).join('\n'))!.dests('tcp 192.0.2.1 80')).toBeUndefined();
  });
});

describe('the default view from /proc/net/ip_vs', () => {
  async function table(readTable?: () => Promise<Buffer>) {
    const ipvs = new MemoryIpvs();
    const dumped: string[] = [];
    const dests = ipvs.dests.bind(ipvs);
    ipvs.dests = async (key) => { dumped.push(JSON.stringify(key)); return dests(key); };
    const { run } = memoryCli(ipvs, undefined, undefined, readTable);
    for (const l of TABLE) expect((await run(l)).code).toBe(0);
    return { run, dumped };
  }

  it('prints what C ipvsadm prints, dumping only the services the file cannot tell apart', async () => {
    const { run, dumped } = await table(async () => Buffer.from(TEXT));
    expect(await run('-Ln')).toEqual({ stdout: golden('proc-ip_vs.Ln.txt'), stderr: '', code: 0 });
    expect(dumped.map((k) => JSON.parse(k).af).sort()).toEqual([4, 6]);
    expect(dumped.every((k) => JSON.parse(k).fwmark === 5)).toBe(true);
  });

  it('dumps only a service whose lines it does not understand', async () => {
    const { run, dumped } = await table(async () => Buffer.from(TEXT.replace('Masq    3', 'Bogus   3')));
    expect(await run('-Ln')).toEqual({ stdout: golden('proc-ip_vs.Ln.txt'), stderr: '', code: 0 });
    expect(dumped.length).toBe(3);
  });

  it('dumps every service when the file is missing or not understood, with the same output', async () => {
    for (const readTable of [undefined, async () => { throw new Error('ENOENT'); }, async () => Buffer.from('garbage\n')]) {
      const { run, dumped } = await table(readTable);
      expect(await run('-Ln')).toEqual({ stdout: golden('proc-ip_vs.Ln.txt'), stderr: '', code: 0 });
      expect(dumped.length).toBe(8);
    }
  });

  it('the other views still dump', async () => {
    const { run, dumped } = await table(async () => Buffer.from(TEXT));
    await run('-Ln --thresholds');
    expect(dumped.length).toBe(8);
  });
});
