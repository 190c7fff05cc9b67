// The netlink codec: request bytes in libipvs's layout (84-byte NEW_SERVICE nest), and decode(encode(x)).
import { describe, expect, it } from 'vitest';
import { decodeAttrs, decodeError, decodeMessages, NlWriter } from '../../src/netlink/attr.js';
import { decodeDest, decodeService, encodeDest, encodeService } from '../../src/netlink/codec.js';
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
