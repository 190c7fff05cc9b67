// Option values as ipvsadm 1.31 reads them: strtol/atoi numbers, addresses, ports, masks, flags.
import { aton, pton4, pton6 } from '../model/addr.js';
import type { Family, Protocol } from '../model/types.js';

/** Name lookups the parser needs (the system's, or a test's). */
export interface Lookup {
  /** gethostbyname for IPv4: the first address, or undefined. */
  hostToAddr(name: string): Promise<Uint8Array | undefined>;
  /** getservbyname(name, proto): the port, or undefined. */
  serviceToPort(name: string, proto: Protocol | undefined): number | undefined;
}

const INT_MAX = 2147483647;

/** strtol(s, &end, 10) over the whole string: undefined unless all of it is a number (leading blanks and a sign allowed). */
export function strtol(s: string): bigint | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(s);
  if (!m) return undefined;
  const v = BigInt(m[2]!);
  return m[1] === '-' ? -v : v;
}

/** ipvsadm string_to_number: the value if it is a whole number in [min, max], else -1. */
export function stringToNumber(s: string, min: number, max: number): number {
  const v = strtol(s);
  if (v === undefined || v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return -1;
  return v >= BigInt(min) && v <= BigInt(max) ? Number(v) : -1;
}

/** glibc atoi: leading blanks, sign, digits, then anything; strtol saturation, cast to int. */
export function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]*)/.exec(s)!;
  let v = m[2] ? BigInt(m[2]) : 0n;
  if (m[1] === '-') v = -v;
  if (v > 0x7fffffffffffffffn) v = 0x7fffffffffffffffn;
  if (v < -0x8000000000000000n) v = -0x8000000000000000n;
  return Number(BigInt.asIntN(32, v));
}

/** ipvsadm parse_fwmark: 1..4294967295, else undefined. */
export function parseFwmark(s: string): number | undefined {
  const v = strtol(s);
  if (v === undefined || v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return undefined;
  const l = BigInt.asUintN(64, v);
  return l === 0n || l > 0xffffffffn ? undefined : Number(l);
}

/** The numeric range of weights in Debian's ipvsadm 1.31 (0..INT_MAX). */
export const WEIGHT_MAX = INT_MAX;
export const THRESHOLD_MAX = INT_MAX;
/** MAX_TIMEOUT: 31 days. */
export const MAX_TIMEOUT = 86400 * 31;
/** IPVS_SVC_PERSISTENT_TIMEOUT: what a bare -p means. */
export const DEFAULT_PERSISTENT_TIMEOUT = 360;

/** An address and port as parse_service leaves them. */
export interface ParsedAddress {
  af: Family;
  /** 4 or 16 bytes. */
  addr: Uint8Array;
  /** Present when the text had a port. */
  port: number | undefined;
}

function isAllDigits(s: string): boolean {
  return /^[0-9]*$/.test(s);
}

/**
 * ipvsadm parse_service: `a.b.c.d[:port]`, `host[:port]`, `[v6]:port`, or a bare IPv6 literal.
 * Returns undefined where ipvsadm's result lacks SERVICE_ADDR.
 */
export async function parseAddress(buf: string, proto: Protocol | undefined, lookup: Lookup): Promise<ParsedAddress | undefined> {
  if (isAllDigits(buf)) return undefined;
  let host = buf;
  let port: string | undefined;
  if (buf.startsWith('[')) {
    const close = buf.indexOf(']', 1);
    if (close < 0 || buf[close + 1] !== ':') return undefined;
    host = buf.slice(1, close);
    port = buf.slice(close + 2);
  }
  let af: Family;
  let addr: Uint8Array | undefined = pton6(host);
  if (addr) {
    af = 6;
  } else {
    af = 4;
    // ipvsadm looks for the port after the last ':' of what is left (inside brackets too).
    const colon = host.lastIndexOf(':');
    port = undefined;
    if (colon >= 0) {
      port = host.slice(colon + 1);
      host = host.slice(0, colon);
    }
    addr = aton(host) ?? (await lookup.hostToAddr(host));
    if (!addr) return undefined;
  }
  if (port === undefined) return { af, addr, port: undefined };
  let n = stringToNumber(port, 0, 65535);
  if (n === -1) n = lookup.serviceToPort(port, proto) ?? -1;
  if (n === -1) return undefined;
  return { af, addr, port: n };
}

/** ipvsadm parse_netmask for IPv4: inet_aton or a host name; the mask as a 32-bit number. */
export async function parseNetmask4(s: string, lookup: Lookup): Promise<number | undefined> {
  const b = aton(s) ?? (await lookup.hostToAddr(s));
  if (!b) return undefined;
  return ((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!;
}

/** A multicast group for --mcast-group, or undefined when not a multicast address of the family the text implies. */
export function parseMcastGroup(s: string): { af: Family; addr: Uint8Array } | undefined {
  if (s.includes(':')) {
    const b = pton6(s);
    return b && b[0] === 0xff ? { af: 6, addr: b } : undefined;
  }
  const b = pton4(s);
  return b && b[0]! >= 224 && b[0]! <= 239 ? { af: 4, addr: b } : undefined;
}

/** Scheduler flag bits: 1 = SCHED1, 2 = SCHED2, 4 = SCHED3. */
export type SchedFlagResult = { flags: number } | { error: string };

/** ipvsadm parse_sched_flags: comma-separated names, checked against the scheduler (default wlc). */
export function parseSchedFlags(sched: string, arg: string): SchedFlagResult {
  const s = sched || 'wlc';
  let flags = 0;
  for (const flag of arg.slice(0, 127).split(',').filter((f) => f !== '')) {
    const bit = { 'flag-1': 1, 'flag-2': 2, 'flag-3': 4, 'sh-fallback': 1, 'sh-port': 2, 'mh-fallback': 1, 'mh-port': 2 }[flag];
    if (bit === undefined) return { error: `invalid scheduler flag \`${flag}'` };
    flags |= bit;
    if ((flag.startsWith('sh-') && s !== 'sh') || (flag.startsWith('mh-') && s !== 'mh')) {
      return { error: `incompatible scheduler flag \`${flag}'` };
    }
  }
  return { flags };
}
