// KernelIpvs: the Ipvs seam over generic netlink, one short method per IPVS command.
import { IpvsError, type Ipvs, type IpvsOp, type IpvsWrite } from '../ipvs.js';
import { ENOENT } from '../model/errno.js';
import type { Daemon, DaemonKey, Dest, DestEntry, DestKey, Info, Service, ServiceEntry, ServiceKey, Timeouts } from '../model/types.js';
import { decodeAttrs, type NlWriter } from '../netlink/attr.js';
import {
  decodeDaemon, decodeDest, decodeInfo, decodeService, decodeTimeouts, encodeDaemon, encodeDaemonKey, encodeDest,
  encodeDestKey, encodeService, encodeServiceKey, encodeTimeouts,
} from '../netlink/codec.js';
import * as U from '../netlink/uapi.js';
import { GenlConn, NetlinkError } from './conn.js';

/** How many sockets a listing spreads its GET_DEST dumps over. */
const DUMP_SOCKETS = 16;

/** The IPVS command and attribute writer of one write. */
function encodeWrite(w: IpvsWrite): [number, ((nl: NlWriter) => void) | undefined] {
  switch (w.op) {
    case 'addService': return [U.IPVS_CMD_NEW_SERVICE, (nl) => encodeService(nl, w.service)];
    case 'editService': return [U.IPVS_CMD_SET_SERVICE, (nl) => encodeService(nl, w.service)];
    case 'deleteService': return [U.IPVS_CMD_DEL_SERVICE, (nl) => encodeServiceKey(nl, w.key)];
    case 'addDest': return [U.IPVS_CMD_NEW_DEST, (nl) => { encodeServiceKey(nl, w.key); encodeDest(nl, w.dest); }];
    case 'editDest': return [U.IPVS_CMD_SET_DEST, (nl) => { encodeServiceKey(nl, w.key); encodeDest(nl, w.dest); }];
    case 'deleteDest': return [U.IPVS_CMD_DEL_DEST, (nl) => { encodeServiceKey(nl, w.key); encodeDestKey(nl, w.dest); }];
    case 'zero': return [U.IPVS_CMD_ZERO, w.key ? (nl) => encodeServiceKey(nl, w.key!) : undefined];
    case 'flush': return [U.IPVS_CMD_FLUSH, undefined];
    case 'setTimeouts': return [U.IPVS_CMD_SET_CONFIG, (nl) => encodeTimeouts(nl, w.timeouts)];
    case 'startDaemon': return [U.IPVS_CMD_NEW_DAEMON, (nl) => encodeDaemon(nl, w.daemon)];
    case 'stopDaemon': return [U.IPVS_CMD_DEL_DAEMON, (nl) => encodeDaemonKey(nl, w.daemon)];
  }
}

/** Strips the genlmsghdr and returns the top-level attributes of a reply. */
function top(payload: Buffer) {
  return decodeAttrs(payload, 4);
}

/** The Ipvs seam over a GenlConn whose family id is IPVS's. */
export class KernelIpvs implements Ipvs {
  private cachedInfo: Info | undefined;
  /** Sockets for GET_DEST dumps: the kernel runs one dump per socket at a time, so listings spread them. */
  private readonly dumpConns: Promise<GenlConn>[];
  /** Dumps queued or running on each of dumpConns. */
  private readonly dumpLoad: number[] = [0];

  /** `openConn` opens another socket of the same family, for parallel dumps (none: all dumps on `conn`). */
  constructor(private readonly conn: GenlConn, private readonly openConn?: () => Promise<GenlConn>) {
    this.dumpConns = [Promise.resolve(conn)];
  }

  /** The least loaded dump socket, opening another (up to DUMP_SOCKETS) when all are busy. */
  private dumpSlot(): number {
    let i = this.dumpLoad.indexOf(Math.min(...this.dumpLoad));
    if (this.dumpLoad[i]! > 0 && this.openConn && this.dumpConns.length < DUMP_SOCKETS) {
      i = this.dumpConns.length;
      this.dumpConns.push(this.openConn());
      this.dumpLoad.push(0);
    }
    return i;
  }

  private async call(op: IpvsOp, cmd: number, fill?: (w: NlWriter) => void, dump = false, on = this.conn): Promise<Buffer[]> {
    try {
      return await on.request(on.family, (w) => {
        w.genlHdr(cmd, U.IPVS_GENL_VERSION);
        fill?.(w);
      }, dump);
    } catch (e) {
      if (e instanceof NetlinkError) throw new IpvsError(op, e.errno, e.detail);
      throw e;
    }
  }

  async info(): Promise<Info> {
    if (!this.cachedInfo) {
      const [p] = await this.call('info', U.IPVS_CMD_GET_INFO);
      this.cachedInfo = decodeInfo(top(p!));
    }
    return this.cachedInfo;
  }

  async services(): Promise<ServiceEntry[]> {
    const ps = await this.call('services', U.IPVS_CMD_GET_SERVICE, undefined, true);
    return ps.map((p) => decodeService(top(p)[U.IPVS_CMD_ATTR_SERVICE]!));
  }

  async service(key: ServiceKey): Promise<ServiceEntry> {
    const [p] = await this.call('service', U.IPVS_CMD_GET_SERVICE, (w) => encodeServiceKey(w, key));
    const nest = p ? top(p)[U.IPVS_CMD_ATTR_SERVICE] : undefined;
    if (!nest) throw new IpvsError('service', ENOENT);
    return decodeService(nest);
  }

  async dests(key: ServiceKey): Promise<DestEntry[]> {
    const slot = this.dumpSlot();
    this.dumpLoad[slot]!++;
    try {
      const on = await this.dumpConns[slot]!.catch(() => this.conn);
      const ps = await this.call('dests', U.IPVS_CMD_GET_DEST, (w) => encodeServiceKey(w, key), true, on);
      return ps.map((p) => decodeDest(top(p)[U.IPVS_CMD_ATTR_DEST]!, key.af));
    } finally {
      this.dumpLoad[slot]!--;
    }
  }

  async addService(service: Service): Promise<void> { await this.write({ op: 'addService', service }); }
  async editService(service: Service): Promise<void> { await this.write({ op: 'editService', service }); }
  async deleteService(key: ServiceKey): Promise<void> { await this.write({ op: 'deleteService', key }); }
  async addDest(key: ServiceKey, dest: Dest): Promise<void> { await this.write({ op: 'addDest', key, dest }); }
  async editDest(key: ServiceKey, dest: Dest): Promise<void> { await this.write({ op: 'editDest', key, dest }); }
  async deleteDest(key: ServiceKey, dest: DestKey): Promise<void> { await this.write({ op: 'deleteDest', key, dest }); }
  async zero(key?: ServiceKey): Promise<void> { await this.write({ op: 'zero', key }); }
  async flush(): Promise<void> { await this.write({ op: 'flush' }); }

  async timeouts(): Promise<Timeouts> {
    const [p] = await this.call('timeouts', U.IPVS_CMD_GET_CONFIG);
    return decodeTimeouts(top(p!));
  }

  async setTimeouts(timeouts: Timeouts): Promise<void> { await this.write({ op: 'setTimeouts', timeouts }); }

  async daemons(): Promise<Daemon[]> {
    const ps = await this.call('daemons', U.IPVS_CMD_GET_DAEMON, undefined, true);
    return ps.flatMap((p) => {
      const nest = top(p)[U.IPVS_CMD_ATTR_DAEMON];
      const d = nest ? decodeDaemon(nest) : undefined;
      return d ? [d] : [];
    });
  }

  async startDaemon(daemon: Daemon): Promise<void> { await this.write({ op: 'startDaemon', daemon }); }
  async stopDaemon(daemon: DaemonKey): Promise<void> {
    const [e] = await this.apply([{ op: 'stopDaemon', daemon }]);
    if (e) throw e;
  }

  private async write(w: IpvsWrite): Promise<void> {
    const [cmd, fill] = encodeWrite(w);
    await this.call(w.op, cmd, fill);
  }

  /**
   * Sends the writes in ACK-less batches (see GenlConn.batch), two batches in flight; errors by position.
   * A batch holding a --stop-daemon ends with a GET_INFO: when the kernel stops a sync thread that has not
   * run yet, DEL_DAEMON fails with EINTR, and netlink_rcv_skb sends no reply at all for EINTR, so without
   * a later request to answer, the batch would wait forever. The daemon is stopped either way.
   */
  async apply(writes: readonly IpvsWrite[]): Promise<(IpvsError | undefined)[]> {
    const size = this.conn.maxBatch - 1;
    const chunks: Promise<(NetlinkError | undefined)[]>[] = [];
    for (let at = 0; at < writes.length; at += size) {
      const part = writes.slice(at, at + size);
      const bodies = part.map((w) => {
        const [cmd, fill] = encodeWrite(w);
        return (nl: NlWriter) => { nl.genlHdr(cmd, U.IPVS_GENL_VERSION); fill?.(nl); };
      });
      if (part.some((w) => w.op === 'stopDaemon')) bodies.push((nl) => { nl.genlHdr(U.IPVS_CMD_GET_INFO, U.IPVS_GENL_VERSION); });
      chunks.push(this.conn.batch(this.conn.family, bodies).then((errors) => errors.slice(0, part.length)));
    }
    const errors = (await Promise.all(chunks)).flat();
    return errors.map((e, i) => (e ? new IpvsError(writes[i]!.op, e.errno, e.detail) : undefined));
  }

  async close(): Promise<void> {
    for (const c of await Promise.allSettled(this.dumpConns)) if (c.status === 'fulfilled') c.value.close();
  }
}
