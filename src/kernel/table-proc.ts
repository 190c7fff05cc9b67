// /proc/net/ip_vs: every service's real servers in one read, for the default listing view (no GET_DEST dumps).
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

/**
 * Real servers by procKey. The kernel produces the file in pieces, so a service changed meanwhile can show
 * twice or not at all: a name seen twice maps to null, like an ambiguous fwmark; callers dump those.
 * undefined when the text is not what the kernel writes (then nothing from it is used).
 */
export function parseTable(text: string): Map<string, DestSummary[] | null> | undefined {
  const lines = text.split('\n');
  if (!lines[0]?.startsWith('IP Virtual Server version ')) return undefined;
  const out = new Map<string, DestSummary[] | null>();
  let dests: DestSummary[] | undefined;
  for (let i = 3; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const d = DEST.exec(line);
    if (d) {
      const fwd = FORWARD[d[4]!];
      const addr = d[1] ? v4(d[1]) : v6(d[2]!);
      if (!dests || !fwd || addr === undefined) return undefined;
      dests.push({
        af: d[1] ? 4 : 6, addr, port: parseInt(d[3]!, 16), fwd,
        weight: Number(d[5]) >>> 0, activeConns: Number(d[6]) >>> 0, inactConns: Number(d[7]) >>> 0,
      });
      continue;
    }
    let key: string | undefined;
    const f = FWMARK.exec(line);
    if (f) {
      key = `FWM ${parseInt(f[1]!, 16)}`;
    } else {
      const s = SERVICE.exec(line);
      if (!s) return undefined;
      const protocol = PROTOCOL[s[1]!];
      const addr = s[2] ? v4(s[2]) : v6(s[3]!);
      if (!protocol || addr === undefined) return undefined;
      key = `${protocol} ${addr} ${parseInt(s[4]!, 16)}`;
    }
    dests = [];
    out.set(key, out.has(key) ? null : dests);
  }
  return out;
}
