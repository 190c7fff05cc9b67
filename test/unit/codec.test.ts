// The netlink codec: request bytes in libipvs's layout (84-byte NEW_SERVICE nest), and decode(encode(x)).
import { describe, expect, it } from 'vitest';
import { decodeAttrs, decodeError, decodeMessages, NlWriter } from '../../src/netlink/attr.js';
import { decodeDest, decodeService, decodeStats, encodeDest, encodeService } from '../../src/netlink/codec.js';
import { IPVS_CMD_ATTR_DEST, IPVS_CMD_ATTR_SERVICE } from '../../src/netlink/uapi.js';
import { zeroStats, type Dest, type Service } from '../../src/model/types.js';

const svc: Service = { key: { kind: 'addr', af: 4, protocol: 'tcp', addr: '192.0.2.1', port: 80 }, scheduler: 'rr', pe: '', persistent: true, timeout: 300, netmask: 0xffffff00, onePacket: false, schedFlags: 1 };

describe('codec', () => {
  it('encodes a service nest byte for byte as libipvs does', () => {
    const w = new NlWriter();
    encodeService(w, svc);
    expect(w.finish().toString('hex')).toBe([
      '54000180', '06000100', '02000000', '06000200', '06000000', '14000300', 'c0000201', '00000000', '00000000', '00000000',
      '06000400', '00500000', '07000600', '72720000', '0c000700', '09000000', 'ffffffff', '08000800', '2c010000', '08000900', 'ffffff00',
    ].join(''));
  });
  it('decodes what it encodes (service, IPv6 dest with tunnel)', () => {
    const w = new NlWriter();
    encodeService(w, { ...svc, key: { kind: 'fwmark', af: 6, fwmark: 3000000000 }, netmask: 64, pe: 'sip' });
    const nest = decodeAttrs(w.finish())[IPVS_CMD_ATTR_SERVICE]!;
    expect(decodeService(nest)).toMatchObject({ key: { kind: 'fwmark', af: 6, fwmark: 3000000000 }, netmask: 64, pe: 'sip', persistent: true, schedFlags: 1 });
    const d: Dest = { af: 6, addr: '2001:db8::10', port: 8080, fwd: 'ipip', weight: 5, upperThreshold: 9, lowerThreshold: 3, tunnel: { type: 'gue', port: 6080, csum: 'remcsum' } };
    const w2 = new NlWriter();
    encodeDest(w2, d);
    const raw = Buffer.from(w2.finish());
    // replies carry the connection counters too; append them to the nest
    const extra = new NlWriter();
    extra.u32(7, 1).u32(8, 2).u32(9, 3);
    const nest2 = Buffer.concat([decodeAttrs(raw)[IPVS_CMD_ATTR_DEST]!, extra.finish()]);
    expect(decodeDest(nest2, 4)).toEqual({ ...d, activeConns: 1, inactConns: 2, persistConns: 3, stats: zeroStats() });
  });
  it('keeps every message intact when one writer grows across many messages (a restore batch)', () => {
    const d: Dest = { af: 4, addr: '198.51.100.1', port: 8080, fwd: 'masq', weight: 1, upperThreshold: 0, lowerThreshold: 0, tunnel: { type: 'ipip', port: 0, csum: 'nocsum' } };
    const batch = new NlWriter();
    for (let i = 0; i < 300; i++) {
      batch.msgStart(0x20, 1, i + 1).genlHdr(5, 1);
      encodeService(batch, { ...svc, key: { ...svc.key, port: 1000 + i } } as Service);
      encodeDest(batch, { ...d, weight: i });
      batch.msgEnd();
    }
    const one = new NlWriter();
    one.msgStart(0x20, 1, 300).genlHdr(5, 1);
    encodeService(one, { ...svc, key: { ...svc.key, port: 1299 } } as Service);
    encodeDest(one, { ...d, weight: 299 });
    one.msgEnd();
    const msgs = decodeMessages(Buffer.from(batch.finish()));
    expect(msgs).toHaveLength(300);
    expect(msgs.map((m) => m.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(msgs[299]!.payload.equals(decodeMessages(Buffer.from(one.finish()))[0]!.payload)).toBe(true);
    const attrs = decodeAttrs(msgs[150]!.payload, 4);
    expect(decodeDest(Buffer.concat([attrs[IPVS_CMD_ATTR_DEST]!, new NlWriter().u32(7, 0).u32(8, 0).u32(9, 0).finish()]), 4).weight).toBe(150);
  });
  it('decodes STATS64 (all u64) and STATS (u32, bytes u64) nests in place', () => {
    const u64 = (v: bigint) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(v); return b; };
    const w = new NlWriter();
    w.bytes(1, u64(5n)).bytes(2, u64(2n ** 40n)).bytes(4, u64(0n)).bytes(5, u64(123456789012n)).bytes(10, u64(7n));
    expect(decodeStats(Buffer.from(w.finish()), undefined)).toEqual({ ...zeroStats(), conns: 5n, inpkts: 2n ** 40n, inbytes: 0n, outbytes: 123456789012n, outbps: 7n });
    const v = new NlWriter();
    v.u32(1, 3).u32(3, 4000000000).bytes(5, u64(2n ** 33n)).u32(6, 9);
    expect(decodeStats(undefined, Buffer.from(v.finish()))).toEqual({ ...zeroStats(), conns: 3n, outpkts: 4000000000n, outbytes: 2n ** 33n, cps: 9n });
  });
  it('frames messages and decodes errors', () => {
    const w = new NlWriter();
    w.msgStart(2, 0, 7).bytes(0, Buffer.from([0xef, 0xff, 0xff, 0xff])).msgEnd();
    const body = Buffer.from(w.finish()).subarray(16);
    const m = decodeMessages(Buffer.from(w.finish()));
    expect(m[0]).toMatchObject({ type: 2, seq: 7 });
    expect(decodeError(Buffer.concat([Buffer.from([0xef, 0xff, 0xff, 0xff]), Buffer.alloc(16)]), 0).errno).toBe(17);
    expect(body.length).toBe(8);
  });
});
