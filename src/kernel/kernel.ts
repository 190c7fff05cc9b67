// KernelIpvs: the Ipvs seam over generic netlink, one short method per IPVS command.
import { IpvsError, type Ipvs, type IpvsOp } from '../ipvs.js';
import { ENOENT } from '../model/errno.js';
import type { Daemon, DaemonKey, Dest, DestEntry, DestKey, Info, Service, ServiceEntry, ServiceKey, Timeouts } from '../model/types.js';
import { decodeAttrs, type NlWriter } from '../netlink/attr.js';
import {
  decodeDaemon, decodeDest, decodeInfo, decodeService, decodeTimeouts, encodeDaemon, encodeDaemonKey, encodeDest,
  encodeDestKey, encodeService, encodeServiceKey, encodeTimeouts,
} from '../netlink/codec.js';
import * as U from '../netlink/uapi.js';
import { GenlConn, NetlinkError } from './conn.js';

/** Strips the genlmsghdr and returns the top-level attributes of a reply. */
function top(payload: Buffer) {
  return decodeAttrs(payload, 4);
}

/** The Ipvs seam over a GenlConn whose family id is IPVS's. */
export class KernelIpvs implements Ipvs {
  private cachedInfo: Info | undefined;

  constructor(private readonly conn: GenlConn) {}

  private async call(op: IpvsOp, cmd: number, fill?: (w: NlWriter) => void, dump = false): Promise<Buffer[]> {
    try {
      return await this.conn.request(this.conn.family, (w) => {
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
    const ps = await this.call('dests', U.IPVS_CMD_GET_DEST, (w) => encodeServiceKey(w, key), true);
    return ps.map((p) => decodeDest(top(p)[U.IPVS_CMD_ATTR_DEST]!, key.af));
  }

  async addService(s: Service): Promise<void> { await this.call('addService', U.IPVS_CMD_NEW_SERVICE, (w) => encodeService(w, s)); }
  async editService(s: Service): Promise<void> { await this.call('editService', U.IPVS_CMD_SET_SERVICE, (w) => encodeService(w, s)); }
  async deleteService(k: ServiceKey): Promise<void> { await this.call('deleteService', U.IPVS_CMD_DEL_SERVICE, (w) => encodeServiceKey(w, k)); }

  async addDest(k: ServiceKey, d: Dest): Promise<void> {
    await this.call('addDest', U.IPVS_CMD_NEW_DEST, (w) => { encodeServiceKey(w, k); encodeDest(w, d); });
  }

  async editDest(k: ServiceKey, d: Dest): Promise<void> {
    await this.call('editDest', U.IPVS_CMD_SET_DEST, (w) => { encodeServiceKey(w, k); encodeDest(w, d); });
  }

  async deleteDest(k: ServiceKey, d: DestKey): Promise<void> {
    await this.call('deleteDest', U.IPVS_CMD_DEL_DEST, (w) => { encodeServiceKey(w, k); encodeDestKey(w, d); });
  }

  async zero(key?: ServiceKey): Promise<void> {
    await this.call('zero', U.IPVS_CMD_ZERO, key ? (w) => encodeServiceKey(w, key) : undefined);
  }

  async flush(): Promise<void> { await this.call('flush', U.IPVS_CMD_FLUSH); }

  async timeouts(): Promise<Timeouts> {
    const [p] = await this.call('timeouts', U.IPVS_CMD_GET_CONFIG);
    return decodeTimeouts(top(p!));
  }

  async setTimeouts(t: Timeouts): Promise<void> { await this.call('setTimeouts', U.IPVS_CMD_SET_CONFIG, (w) => encodeTimeouts(w, t)); }

  async daemons(): Promise<Daemon[]> {
    const ps = await this.call('daemons', U.IPVS_CMD_GET_DAEMON, undefined, true);
    return ps.flatMap((p) => {
      const nest = top(p)[U.IPVS_CMD_ATTR_DAEMON];
      const d = nest ? decodeDaemon(nest) : undefined;
      return d ? [d] : [];
    });
  }

  async startDaemon(d: Daemon): Promise<void> { await this.call('startDaemon', U.IPVS_CMD_NEW_DAEMON, (w) => encodeDaemon(w, d)); }
  async stopDaemon(d: DaemonKey): Promise<void> { await this.call('stopDaemon', U.IPVS_CMD_DEL_DAEMON, (w) => encodeDaemonKey(w, d)); }

  async close(): Promise<void> { this.conn.close(); }
}
