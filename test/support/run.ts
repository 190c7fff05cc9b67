// Runs main() against a MemoryIpvs with captured output, for unit tests.
import { main, type Io } from '../../src/cli/main.js';
import { MemoryIpvs } from '../../src/model/memory.js';
import type { Family, Protocol } from '../../src/model/types.js';

/** Name lookups with a tiny fixed table (no system resolver). */
export const fakeLookup: Io['lookup'] = {
  async hostToAddr(name) { return name === 'web-a.example' ? new Uint8Array([192, 0, 2, 10]) : undefined; },
  serviceToPort: (name: string, proto: Protocol | undefined) => (proto && name === 'http' ? 80 : name === 'domain' ? 53 : undefined),
  async hostName(_af: Family, addr: string) { return addr === '192.0.2.10' ? 'web-a.example' : undefined; },
  serviceName: (port: number) => ({ 80: 'http', 53: 'domain' } as Record<number, string>)[port],
};

/** The header line of an empty /proc/net/ip_vs_conn. */
export const CONN_HEADER = 'Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n';

/** One captured invocation. */
export interface Ran { stdout: string; stderr: string; code: number }

/** A CLI bound to one in-memory table; `readTable` stands for /proc/net/ip_vs (none: as on the model). */
export function memoryCli(ipvs = new MemoryIpvs(), openIpvs?: Io['openIpvs'], conns = CONN_HEADER, readTable?: Io['readTable']) {
  const run = async (argv: string | string[], stdin = ''): Promise<Ran> => {
    let stdout = '';
    let stderr = '';
    const args = typeof argv === 'string' ? argv.split(' ').filter(Boolean) : argv;
    const code = await main(args, {
      stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, readStdin: async () => stdin,
      openIpvs: openIpvs ?? (async () => Object.assign(Object.create(ipvs) as MemoryIpvs, { close: async () => undefined })),
      readConns: async () => conns,
      readTable,
      lookup: fakeLookup,
    });
    return { stdout, stderr, code };
  };
  return { ipvs, run };
}
