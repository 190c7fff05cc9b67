// /proc/net/ip_vs_conn: the connection table text, parsed as ipvsadm's print_conn reads it (sscanf).
import { addrText, pton4, pton6, u32ToBytes } from '../model/addr.js';
import type { ConnEntry, Family, Protocol } from '../model/types.js';

/** The file ipvsadm -c reads. */
export const CONN_PROC_FILE = '/proc/net/ip_vs_conn';


function hexPort(s: string | undefined): number {
  const m = /^[0-9a-fA-F]+/.exec(s ?? '');
  return m ? parseInt(m[0], 16) & 0xffff : 0;
}

function address(s: string, af6: boolean): { af: Family; addr: string } {
  if (af6) return { af: 6, addr: addrText(6, pton6(s) ?? new Uint8Array(16)) };
  const v4 = pton4(s);
  if (v4) return { af: 4, addr: addrText(4, v4) };
  const m = /^[0-9a-fA-F]+/.exec(s);
  return { af: 4, addr: addrText(4, u32ToBytes(m ? Number(BigInt.asUintN(32, BigInt(`0x${m[0]}`))) : 0)) };
}

/** Parses the connection table text; the first (header) line is skipped. Undefined when there is no first line. */
export function parseConns(text: string): ConnEntry[] | undefined {
  const lines = text.split('\n');
  if (text === '') return undefined;
  const out: ConnEntry[] = [];
  for (const line of lines.slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 9 || f[0] === '') continue;
    const [protocol, c, cp, v, vp, d, dp, state, exp, peName, peData] = f as [string, string, string, string, string, string, string, string, string, string?, string?];
    const clientV6 = pton6(c) !== undefined;
    const proto = ({ TCP: 'tcp', UDP: 'udp', SCTP: 'sctp' } as Record<string, Protocol>)[protocol];
    const entry: ConnEntry = {
      protocol, proto,
      client: { ...address(c, clientV6), port: hexPort(cp) },
      virtual: { ...address(v, clientV6), port: hexPort(vp) },
      dest: { ...address(d, pton6(d) !== undefined), port: hexPort(dp) },
      state, expires: parseInt(exp, 10) || 0,
    };
    if (peName !== undefined && peData !== undefined) entry.pe = { name: peName, data: peData };
    out.push(entry);
  }
  return out;
}

/** Reads the connection table text; rejects when the file cannot be opened. */
export async function readConns(): Promise<string> {
  const { readFile } = await import('node:fs/promises'); // loaded for -c only: it costs start-up time
  return readFile(CONN_PROC_FILE, 'utf8');
}
