// Service and real-server identity, and ipvsadm's listing order (ipvs_cmp_services / ipvs_cmp_dests, unsigned: D2).
import { addrBytes, bytesToU32 } from './addr.js';
import type { DestKey, Protocol, ServiceKey } from './types.js';

/** IP protocol number of a protocol name. */
export const PROTOCOL_NUMBER: Record<Protocol, number> = { tcp: 6, udp: 17, sctp: 132 };

/** A string that is equal for equal service keys. */
export function serviceId(k: ServiceKey): string {
  return k.kind === 'fwmark' ? `f${k.af}/${k.fwmark}` : `${k.protocol}${k.af}/${k.addr}/${k.port}`;
}

/** A string that is equal for equal real-server keys. */
export function destId(d: DestKey): string {
  return `${d.af}/${d.addr}/${d.port}`;
}

/** The address as 32-bit words, most significant first (1 word for IPv4, 4 for IPv6). */
function words(af: 4 | 6, addr: string): number[] {
  const b = addrBytes(af, addr);
  const out: number[] = [];
  for (let i = 0; i < b.length; i += 4) out.push(bytesToU32(b, i));
  return out;
}

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpWords(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const r = cmp(a[i]!, b[i]!);
    if (r !== 0) return r;
  }
  return 0;
}

/** Orders services as ipvsadm's sorted listing does: fwmark, family, protocol, address, port; compared unsigned (D2). */
export function compareServices(a: ServiceKey, b: ServiceKey): number {
  const fa = a.kind === 'fwmark' ? a.fwmark : 0;
  const fb = b.kind === 'fwmark' ? b.fwmark : 0;
  let r = cmp(fa, fb) || cmp(a.af === 4 ? 2 : 10, b.af === 4 ? 2 : 10);
  if (r !== 0 || a.kind === 'fwmark' || b.kind === 'fwmark') return r;
  r = cmp(PROTOCOL_NUMBER[a.protocol], PROTOCOL_NUMBER[b.protocol]);
  if (r !== 0) return r;
  return cmpWords(words(a.af, a.addr), words(b.af, b.addr)) || cmp(a.port, b.port);
}

/**
 * Orders real servers as ipvsadm's sorted listing does: address, then port; compared unsigned (D2).
 * Real servers of another family than their service (tunnels) sort IPv4 first.
 */
export function compareDests(a: DestKey, b: DestKey): number {
  if (a.af !== b.af) return a.af === 4 ? -1 : 1;
  return cmpWords(words(a.af, a.addr), words(b.af, b.addr)) || cmp(a.port, b.port);
}

/** Sorts by a comparator on precomputed keys, leaving the input untouched. */
export function sortedBy<T, K>(items: readonly T[], key: (t: T) => K, compare: (a: K, b: K) => number): T[] {
  return items.map((t) => ({ t, k: key(t) })).sort((x, y) => compare(x.k, y.k)).map((x) => x.t);
}
