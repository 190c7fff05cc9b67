// Netlink framing: nlmsghdr/genlmsghdr writing, attribute (TLV) encoding and decoding, NLMSG_ERROR parsing.
import { NLA_F_NESTED, NLA_TYPE_MASK, NLM_F_ACK_TLVS, NLM_F_CAPPED, NLMSGERR_ATTR_MSG } from './uapi.js';

const align4 = (n: number): number => (n + 3) & ~3;

/** Builds one or more netlink messages into a single buffer. Lengths are patched when a message or nest ends. */
export class NlWriter {
  private buf: Buffer;
  private len = 0;
  private msgOff = -1;

  constructor(size = 256) {
    this.buf = Buffer.alloc(size);
  }

  private reserve(n: number): number {
    const off = this.len;
    const need = off + align4(n);
    if (need > this.buf.length) {
      const next = Buffer.alloc(Math.max(need, this.buf.length * 2));
      this.buf.copy(next, 0, 0, this.len);
      this.buf = next;
    }
    this.buf.fill(0, off, need);
    this.len = need;
    return off;
  }

  /** Starts a message: nlmsghdr with a length patched by msgEnd. */
  msgStart(type: number, flags: number, seq: number, pid = 0): this {
    this.msgOff = this.reserve(16);
    this.buf.writeUInt16LE(type, this.msgOff + 4);
    this.buf.writeUInt16LE(flags, this.msgOff + 6);
    this.buf.writeUInt32LE(seq >>> 0, this.msgOff + 8);
    this.buf.writeUInt32LE(pid >>> 0, this.msgOff + 12);
    return this;
  }

  /** Writes the 4-byte genlmsghdr. */
  genlHdr(cmd: number, version: number): this {
    const off = this.reserve(4);
    this.buf.writeUInt8(cmd, off);
    this.buf.writeUInt8(version, off + 1);
    return this;
  }

  /** Ends the current message, patching nlmsg_len. */
  msgEnd(): this {
    this.buf.writeUInt32LE(this.len - this.msgOff, this.msgOff);
    this.msgOff = -1;
    return this;
  }

  private attr(type: number, n: number): number {
    const off = this.reserve(4 + n);
    this.buf.writeUInt16LE(4 + n, off);
    this.buf.writeUInt16LE(type, off + 2);
    return off + 4;
  }

  // attr() may replace this.buf, so every writer takes the offset before it reads this.buf.
  u8(type: number, v: number): this { const o = this.attr(type, 1); this.buf.writeUInt8(v, o); return this; }
  u16(type: number, v: number): this { const o = this.attr(type, 2); this.buf.writeUInt16LE(v, o); return this; }
  u32(type: number, v: number): this { const o = this.attr(type, 4); this.buf.writeUInt32LE(v >>> 0, o); return this; }
  /** A 16-bit value in network byte order (ports). */
  be16(type: number, v: number): this { const o = this.attr(type, 2); this.buf.writeUInt16BE(v, o); return this; }
  /** A 32-bit value in network byte order (IPv4 masks and groups). */
  be32(type: number, v: number): this { const o = this.attr(type, 4); this.buf.writeUInt32BE(v >>> 0, o); return this; }
  /** A NUL-terminated string. */
  str(type: number, s: string): this {
    const b = Buffer.from(s, 'utf8');
    const off = this.attr(type, b.length + 1);
    b.copy(this.buf, off);
    return this;
  }
  bytes(type: number, b: Uint8Array): this {
    const o = this.attr(type, b.length);
    this.buf.set(b, o);
    return this;
  }

  /** Opens a nested attribute (NLA_F_NESTED set); returns its offset for nestEnd. */
  nestStart(type: number): number {
    const off = this.reserve(4);
    this.buf.writeUInt16LE(type | NLA_F_NESTED, off + 2);
    return off;
  }

  nestEnd(off: number): this {
    this.buf.writeUInt16LE(this.len - off, off);
    return this;
  }

  /** The bytes written so far (a view, not a copy). */
  finish(): Buffer {
    return this.buf.subarray(0, this.len);
  }

  get length(): number {
    return this.len;
  }
}

/** Attributes of one level, indexed by type (flags masked off); later duplicates win. */
export type Attrs = (Buffer | undefined)[];

/** Splits a run of attributes into an array indexed by attribute type. */
export function decodeAttrs(b: Buffer, off = 0, end = b.length): Attrs {
  const out: Attrs = [];
  forEachAttr(b, off, end, (type, at, len) => { out[type] = b.subarray(at, at + len); });
  return out;
}

/** Calls `fn` with each attribute's type (flags masked off), value offset and value length; no views made. */
export function forEachAttr(b: Buffer, off: number, end: number, fn: (type: number, at: number, len: number) => void): void {
  while (off + 4 <= end) {
    const len = b.readUInt16LE(off);
    if (len < 4 || off + len > end) break;
    fn(b.readUInt16LE(off + 2) & NLA_TYPE_MASK, off + 4, len - 4);
    off += align4(len);
  }
}

/** One netlink message inside a datagram. */
export interface NlMsg {
  type: number;
  flags: number;
  seq: number;
  pid: number;
  /** Everything after the 16-byte header. */
  payload: Buffer;
}

/** Splits a datagram into its netlink messages. */
export function decodeMessages(b: Buffer): NlMsg[] {
  const out: NlMsg[] = [];
  let off = 0;
  while (off + 16 <= b.length) {
    const len = b.readUInt32LE(off);
    if (len < 16 || off + len > b.length) break;
    out.push({
      type: b.readUInt16LE(off + 4),
      flags: b.readUInt16LE(off + 6),
      seq: b.readUInt32LE(off + 8),
      pid: b.readUInt32LE(off + 12),
      payload: b.subarray(off + 16, off + len),
    });
    off += align4(len);
  }
  return out;
}

/** A decoded NLMSG_ERROR: errno is positive, 0 for an ACK. */
export interface NlError {
  errno: number;
  /** Extended-ack message, when the kernel sent one. */
  message?: string;
}

/** Decodes an NLMSG_ERROR payload (struct nlmsgerr plus optional extended-ack TLVs). */
export function decodeError(payload: Buffer, flags: number): NlError {
  const errno = -payload.readInt32LE(0);
  const out: NlError = { errno };
  if (flags & NLM_F_ACK_TLVS && payload.length >= 20) {
    const origLen = payload.readUInt32LE(4);
    const tlvStart = 4 + (flags & NLM_F_CAPPED ? 16 : align4(origLen));
    const attrs = decodeAttrs(payload, tlvStart);
    const msg = attrs[NLMSGERR_ATTR_MSG];
    if (msg) out.message = msg.toString('utf8').replace(/\0.*$/s, '');
  }
  return out;
}

/** Reads a NUL-terminated string attribute. */
export function attrStr(b: Buffer): string {
  const z = b.indexOf(0);
  return b.toString('utf8', 0, z < 0 ? b.length : z);
}
