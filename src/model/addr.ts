// IPv4/IPv6 address text <-> bytes with glibc's inet_aton, inet_pton and inet_ntop rules.
import type { Family } from './types.js';

/** inet_pton(AF_INET): strict dotted quad, decimal, no leading zeros. */
export function pton4(s: string): Uint8Array | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out[i] = n;
  }
  return out;
}

/** Parses one inet_aton part: decimal, 0-octal or 0x-hex; undefined when malformed. */
function atonPart(p: string): number | undefined {
  if (/^0[xX][0-9a-fA-F]*$/.test(p)) return p.length === 2 ? 0 : parseInt(p.slice(2), 16);
  if (/^0[0-7]*$/.test(p)) return p.length === 1 ? 0 : parseInt(p.slice(1), 8);
  if (/^[1-9][0-9]*$/.test(p)) return Number(p);
  return undefined;
}

/** inet_aton: `a`, `a.b`, `a.b.c` or `a.b.c.d`, each part decimal, octal or hex; trailing white space ends it. */
export function aton(s: string): Uint8Array | undefined {
  const ws = s.search(/[ \t\n\v\f\r]/);
  const body = ws >= 0 ? s.slice(0, ws) : s;
  const parts = body.split('.');
  if (parts.length < 1 || parts.length > 4) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    const n = atonPart(p);
    if (n === undefined || n > 0xffffffff) return undefined;
    nums.push(n);
  }
  const last = nums.pop()!;
  const lastMax = [0xffffffff, 0xffffff, 0xffff, 0xff][nums.length]!;
  if (last > lastMax || nums.some((n) => n > 255)) return undefined;
  let v = last;
  nums.forEach((n, i) => { v += n * 2 ** (24 - 8 * i); });
  return u32ToBytes(v);
}

/** inet_pton(AF_INET6), including a trailing dotted quad. */
export function pton6(s: string): Uint8Array | undefined {
  if (s.length === 0) return undefined;
  let head = s;
  let tail4: Uint8Array | undefined;
  const lastColon = s.lastIndexOf(':');
  if (lastColon >= 0 && s.indexOf('.', lastColon) > lastColon) {
    tail4 = pton4(s.slice(lastColon + 1));
    if (!tail4) return undefined;
    head = s.slice(0, lastColon);
    if (head.endsWith(':')) head += ':';
  }
  const dbl = head.indexOf('::');
  if (dbl >= 0 && head.indexOf('::', dbl + 1) >= 0) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const room = tail4 ? 6 : 8;
  let words: number[];
  if (dbl >= 0) {
    const left = groupsOf(head.slice(0, dbl));
    const right = groupsOf(head.slice(dbl + 2));
    if (!left || !right || left.length + right.length > room - 1) return undefined;
    words = [...left, ...new Array<number>(room - left.length - right.length).fill(0), ...right];
  } else {
    const all = groupsOf(head);
    if (!all || all.length !== room) return undefined;
    words = all;
  }
  const out = new Uint8Array(16);
  words.forEach((w, i) => { out[2 * i] = w >> 8; out[2 * i + 1] = w & 0xff; });
  if (tail4) out.set(tail4, 12);
  return out;
}

/** inet_ntop(AF_INET). */
export function ntop4(b: Uint8Array): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

/** inet_ntop(AF_INET6), glibc's form: longest zero run (two or more words) as `::`, embedded IPv4 for ::ffff:a.b.c.d and ::a.b.c.d. */
export function ntop6(b: Uint8Array): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[2 * i]! << 8) | b[2 * i + 1]!);
  let best = { base: -1, len: 0 };
  let cur = { base: -1, len: 0 };
  for (let i = 0; i < 8; i++) {
    if (w[i] === 0) {
      cur = cur.base === -1 ? { base: i, len: 1 } : { base: cur.base, len: cur.len + 1 };
    } else if (cur.base !== -1) {
      if (best.base === -1 || cur.len > best.len) best = cur;
      cur = { base: -1, len: 0 };
    }
  }
  if (cur.base !== -1 && (best.base === -1 || cur.len > best.len)) best = cur;
  if (best.base !== -1 && best.len < 2) best = { base: -1, len: 0 };
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
      if (i === best.base) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && best.base === 0 && (best.len === 6 || (best.len === 5 && w[5] === 0xffff))) {
      out += ntop4(b.subarray(12, 16));
      return out;
    }
    out += w[i]!.toString(16);
  }
  if (best.base !== -1 && best.base + best.len === 8) out += ':';
  return out;
}

/** The bytes of a canonical address of the given family. */
export function addrBytes(af: Family, text: string): Uint8Array {
  const b = af === 4 ? pton4(text) : pton6(text);
  if (!b) throw new RangeError(`not an IPv${af} address: ${text}`);
  return b;
}

/** Canonical text of address bytes (4 or 16 of them). */
export function addrText(af: Family, b: Uint8Array): string {
  return af === 4 ? ntop4(b) : ntop6(b);
}

/** A 32-bit number as four big-endian bytes. */
export function u32ToBytes(v: number): Uint8Array {
  return new Uint8Array([(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
}

/** Four big-endian bytes as a 32-bit unsigned number. */
export function bytesToU32(b: Uint8Array, off = 0): number {
  return ((b[off]! << 24) >>> 0) + (b[off + 1]! << 16) + (b[off + 2]! << 8) + b[off + 3]!;
}
