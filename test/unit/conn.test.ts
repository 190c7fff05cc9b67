// KernelIpvs.apply over GenlConn against a fake kernel that answers as netlink_rcv_skb does: errors by sequence
// number, ACKs only when asked, nothing at all for EINTR; and it checks the receive-buffer window is kept.
import { describe, expect, it } from 'vitest';
import { decodeAttrs, decodeMessages } from '../../src/netlink/attr.js';
import { IPVS_CMD_ATTR_SERVICE, IPVS_SVC_ATTR_PORT } from '../../src/netlink/uapi.js';
import { GenlConn } from '../../src/kernel/conn.js';
import { KernelIpvs } from '../../src/kernel/kernel.js';
import type { Transport } from '../../src/kernel/socket.js';
import type { IpvsWrite } from '../../src/ipvs.js';
import type { Service } from '../../src/model/types.js';

const FAMILY = 0x20;
const CMD_NEW_SERVICE = 1;
const CMD_DEL_DAEMON = 10;
const EEXIST = 17;
const EINTR = 4;

/** A kernel that fails NEW_SERVICE for ports in `fail`, drops DEL_DAEMON with EINTR, and records the window. */
function fakeKernel(fail: Set<number>, recvBufferSize = 212992) {
  let deliver: (d: Buffer) => void = () => undefined;
  const stats = { datagrams: 0, maxUnanswered: 0, unanswered: 0 };
  const reply = (seq: number, errno: number) => {
    const b = Buffer.alloc(36);
    b.writeUInt32LE(36, 0); b.writeUInt16LE(2, 4); b.writeUInt32LE(seq, 8); b.writeInt32LE(-errno, 16);
    return b;
  };
  const t: Transport = {
    recvBufferSize,
    send: async (d) => {
      stats.datagrams++;
      const out: Buffer[] = [];
      for (const m of decodeMessages(d)) {
        stats.unanswered++;
        const cmd = m.payload.readUInt8(0);
        const nest = cmd === CMD_NEW_SERVICE ? decodeAttrs(m.payload, 4)[IPVS_CMD_ATTR_SERVICE] : undefined;
        const port = nest ? decodeAttrs(nest)[IPVS_SVC_ATTR_PORT]!.readUInt16BE(0) : -1;
        let errno = 0;
        if (cmd === CMD_NEW_SERVICE && fail.has(port)) errno = EEXIST;
        if (cmd === CMD_DEL_DAEMON) errno = EINTR;
        if (errno === EINTR) continue;
        if (errno !== 0 || m.flags & 4) out.push(reply(m.seq, errno));
      }
      stats.maxUnanswered = Math.max(stats.maxUnanswered, stats.unanswered);
      setImmediate(() => {
        stats.unanswered = 0;
        for (const b of out) deliver(b);
      });
    },
    onDatagram: (fn) => { deliver = fn; },
    onError: () => undefined,
    setBusy: () => undefined,
    close: () => undefined,
  };
  return { t, stats };
}

const svc = (port: number): Service => ({
  key: { kind: 'addr', af: 4, protocol: 'tcp', addr: '192.0.2.1', port }, scheduler: 'rr', pe: '', persistent: false, timeout: 0,
  netmask: 0xffffffff, onePacket: false, schedFlags: 0,
});

describe('batched writes (KernelIpvs.apply over GenlConn)', () => {
  it('reports each failure at its position, sends few datagrams, and keeps the window', async () => {
    const { t, stats } = fakeKernel(new Set([7, 130, 250]));
    const conn = new GenlConn(t, FAMILY);
    const ipvs = new KernelIpvs(conn);
    const writes: IpvsWrite[] = Array.from({ length: 1000 }, (_, i) => ({ op: 'addService', service: svc(i % 256) }));
    const errors = await ipvs.apply(writes);
    expect(errors).toHaveLength(1000);
    const failed = errors.flatMap((e, i) => (e ? [[i, e.op, e.errno]] : []));
    const expected = writes.flatMap((_, i) => ([7, 130, 250].includes(i % 256) ? [[i, 'addService', EEXIST]] : []));
    expect(failed).toEqual(expected);
    expect(stats.datagrams).toBeLessThanOrEqual(Math.ceil(1000 / (conn.maxBatch - 1)) + 1);
    expect(stats.maxUnanswered).toBeLessThanOrEqual(conn.window);
  });

  it('a --stop-daemon the kernel never answers (EINTR) still completes, as a success', async () => {
    const { t } = fakeKernel(new Set());
    const ipvs = new KernelIpvs(new GenlConn(t, FAMILY));
    const stop: IpvsWrite = { op: 'stopDaemon', daemon: { state: 'master', mcastIfn: 'dummy0', syncId: 0 } };
    await expect(ipvs.apply([{ op: 'addService', service: svc(1) }, stop])).resolves.toEqual([undefined, undefined]);
    await expect(ipvs.stopDaemon({ state: 'master', mcastIfn: 'dummy0', syncId: 0 })).resolves.toBeUndefined();
  });
});
