// /proc/net/ip_vs: every service's real servers in one read, for the default listing view (no GET_DEST dumps).
import { closeSync, openSync, readSync } from 'node:fs';
import { addrText, pton6, u32ToBytes } from '../model/addr.js';
import type { DestSummary, Forward, Protocol, ServiceKey } from '../model/types.js';

/** The file: ip_vs_info_seq_show in net/netfilter/ipvs/ip_vs_ctl.c. */
export const TABLE_PROC_FILE = '/proc/net/ip_vs';

/**
 * A service as the file names it. Fwmark services show no family there, so an IPv4 and an IPv6 service
 * with the same mark share a name: parseTable marks such names as ambiguous.
 */
export function procKey(k: ServiceKey): string {
  return k.kind === 'fwmark' ? `FWM ${k.fwmark}` : `${k.protocol} ${k.addr} ${k.port}`;
}

const PROTOCOL: Record<string, Protocol> = { TCP: 'tcp', UDP: 'udp', SCTP: 'sctp' };
/** ip_vs_fwd_name. It prints "Masq" for any method it does not know (a bypass, which ipvsadm cannot set). */
const FORWARD: Record<string, Forward> = { Masq: 'masq', Local: 'local', Tunnel: 'ipip', Route: 'gate' };

const SERVICE = /^(\w+)  (?:([0-9A-F]{8})|\[([0-9a-f:]+)\]):([0-9A-F]{4}) /;
const FWMARK = /^FWM  ([0-9A-F]{8}) /;
const DEST = /^  -> (?:([0-9A-F]{8})|\[([0-9a-f:]+)\]):([0-9A-F]{4}) +(\w+) +(-?\d+) +(-?\d+) +(-?\d+) *$/;

function v4(hex: string): string {
  return addrText(4, u32ToBytes(parseInt(hex, 16)));
}

function v6(text: string): string | undefined {
  const b = pton6(text);
  return b && addrText(6, b);
}

/** The file, indexed: each service's block of real-server lines is parsed only when its row is printed. */
export interface ProcTable {
  /**
   * Real servers of the service the file names `key`: null when it names it twice (changed during the read,
   * or fwmarks of both families), undefined when it does not name it or a line of it is not understood.
   */
  dests(key: string): DestSummary[] | null | undefined;
}

const NL = 0x0a;
const HEADER = Buffer.from('IP Virtual Server version ');
const DEST_PREFIX = Buffer.from('  -> ');

function parseDests(file: Buffer, from: number, to: number): DestSummary[] | undefined {
  const out: DestSummary[] = [];
  for (const line of file.toString('latin1', from, to).split('\n')) {
    if (line === '') continue;
    const d = DEST.exec(line);
    if (!d) return undefined;
    const fwd = FORWARD[d[4]!];
    const addr = d[1] ? v4(d[1]) : v6(d[2]!);
    if (!fwd || addr === undefined) return undefined;
    out.push({
      af: d[1] ? 4 : 6, addr, port: parseInt(d[3]!, 16), fwd,
      weight: Number(d[5]) >>> 0, activeConns: Number(d[6]) >>> 0, inactConns: Number(d[7]) >>> 0,
    });
  }
  return out;
}

function serviceName(line: string): string | undefined {
  const f = FWMARK.exec(line);
  if (f) return `FWM ${parseInt(f[1]!, 16)}`;
  const s = SERVICE.exec(line);
  const protocol = s && PROTOCOL[s[1]!];
  const addr = s && (s[2] ? v4(s[2]) : v6(s[3]!));
  return protocol && addr ? `${protocol} ${addr} ${parseInt(s[4]!, 16)}` : undefined;
}

/**
 * Indexes the file (as read, bytes) by service. Only service lines are decoded here, so a large table costs
 * one pass and a map of offsets; undefined when the header or a service line is not what the kernel writes.
 */
export function parseTable(file: Buffer): ProcTable | undefined {
  if (file.compare(HEADER, 0, HEADER.length, 0, Math.min(file.length, HEADER.length)) !== 0) return undefined;
  const blocks = new Map<string, [number, number] | null>();
  let open: [number, number] | undefined;
  let at = 0;
  for (let n = 0; n < 3 && at >= 0; n++) at = file.indexOf(NL, at) + 1 || -1;
  while (at > 0 && at < file.length) {
    const nl = file.indexOf(NL, at);
    const end = nl < 0 ? file.length : nl;
    const isDest = file.compare(DEST_PREFIX, 0, DEST_PREFIX.length, at, Math.min(end, at + DEST_PREFIX.length)) === 0;
    if (!isDest && end > at) {
      if (open) open[1] = at;
      const key = serviceName(file.toString('latin1', at, end));
      if (key === undefined) return undefined;
      open = [end + 1, file.length];
      blocks.set(key, blocks.has(key) ? null : open);
    } else if (!open && end > at) {
      return undefined;
    }
    at = end + 1;
  }
  return {
    dests(key) {
      const b = blocks.get(key);
      return b ? parseDests(file, Math.min(b[0], file.length), b[1]) : b;
    },
  };
}

/**
 * Reads the file into one buffer grown by doubling: procfs reports no size, and node's readFileSync would
 * keep every 64 KiB piece and then a joined copy (and, as text, a third copy on the heap) for large tables.
 */
export function readTable(): Buffer {
  const fd = openSync(TABLE_PROC_FILE, 'r');
  try {
    let buf = Buffer.allocUnsafe(1 << 16);
    let len = 0;
    for (;;) {
      if (len === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      const n = readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) return buf.subarray(0, len);
      len += n;
    }
  } finally {
    closeSync(fd);
  }
}
