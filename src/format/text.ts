// printf-style helpers for ipvsadm's fixed layouts: padding, print_largenum, address:port names.
import type { Family, Forward, Protocol, ServiceEntry } from '../model/types.js';

/** printf("%-Ns"). */
export const left = (s: string | number | bigint, n: number): string => String(s).padEnd(n);
/** printf("%Ns"). */
export const right = (s: string | number | bigint, n: number): string => String(s).padStart(n);

/**
 * Renders an address and port as ipvsadm's addrport_to_anyname does (before truncation):
 * `a.b.c.d:port` or `[v6]:port`, with names where the caller resolved them.
 */
export type AddrPortNamer = (af: Family, addr: string, port: number, proto: Protocol | undefined) => string;

/** ipvsadm's 60-byte snprintf buffer keeps at most 59 characters. */
export function cut59(s: string): string {
  return s.length > 59 ? s.slice(0, 59) : s;
}

/** The numeric namer (-n). */
export const numericNamer: AddrPortNamer = (af, addr, port) => cut59(af === 4 ? `${addr}:${port}` : `[${addr}]:${port}`);

/** print_largenum: 9 wide, with K/M/G/T rounding unless exact. */
export function largenum(n: bigint, exact: boolean): string {
  if (exact) {
    const s = n.toString();
    return s.padStart(s.length <= 8 ? 9 : s.length + 1);
  }
  if (n < 100000000n) return right(n, 9);
  if (n < 1000000000n) return `${right(n / 1000n, 8)}K`;
  if (n < 100000000000n) return `${right(n / 1000000n, 8)}M`;
  if (n < 100000000000000n) return `${right(n / 1000000000n, 8)}G`;
  return `${right(n / 1000000000000n, 8)}T`;
}

/** fwd_name: the Forward column. */
export const FWD_NAME: Record<Forward, string> = { masq: 'Masq', local: 'Local', ipip: 'Tunnel', gate: 'Route' };
/** fwd_switch: the option that restores a forwarding method. */
export const FWD_SWITCH: Record<Forward, string> = { masq: '-m', local: '-g', ipip: '-i', gate: '-g' };

/** print_sched_flags: names of the set scheduler flag bits, comma-separated (sh/mh have no name for bit 3). */
export function schedFlagNames(s: ServiceEntry): string {
  const f = s.schedFlags;
  const names: string[] = [];
  if (s.scheduler === 'sh' || s.scheduler === 'mh') {
    if (f & 1) names.push(`${s.scheduler}-fallback`);
    if (f & 2) names.push(`${s.scheduler}-port`);
  } else {
    if (f & 1) names.push('flag-1');
    if (f & 2) names.push('flag-2');
    if (f & 4) names.push('flag-3');
  }
  return names.join(',');
}

/** The dotted form of an IPv4 mask number (inet_ntoa). */
export function dottedMask(m: number): string {
  return `${(m >>> 24) & 255}.${(m >>> 16) & 255}.${(m >>> 8) & 255}.${m & 255}`;
}

/** The protocol's name in listings (protocol_name). */
export const PROTO_NAME: Record<Protocol, string> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' };
/** The option that names an address service's protocol in -S output (option_from_protocol). */
export const PROTO_OPTION: Record<Protocol, string> = { tcp: '-t', udp: '-u', sctp: '--sctp-service' };
