// MemoryIpvs: the IPVS table as a pure in-memory model with the kernel's errno semantics.
import { applyOne, IpvsError, type Ipvs, type IpvsOp, type IpvsWrite } from '../ipvs.js';
import { addrBytes } from './addr.js';
import { EEXIST, EINVAL, ENODEV, ENOENT, ERANGE, ESRCH } from './errno.js';
import { destId, serviceId } from './key.js';
import {
  zeroStats, type Daemon, type DaemonKey, type Dest, type DestEntry, type DestKey, type Info,
  type Service, type ServiceEntry, type ServiceKey, type Timeouts,
} from './types.js';

/** Scheduler modules the 6.1 test kernel ships (`none` is built in). */
export const KNOWN_SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'dh', 'sh', 'sed', 'nq', 'fo', 'ovf', 'mh', 'none'];
/** Persistence engines the test kernel ships. */
export const KNOWN_PES = ['sip'];

interface Row {
  svc: ServiceEntry;
  dests: DestEntry[];
}

/** Options of the model: which interfaces exist (name to MTU), which schedulers and engines load. */
export interface MemoryOptions {
  interfaces?: Record<string, number>;
  schedulers?: string[];
  pes?: string[];
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

/** True for addresses the kernel refuses as real servers (not unicast). */
function notUnicast(d: DestKey): boolean {
  const b = addrBytes(d.af, d.addr);
  if (d.af === 4) return b.every((x) => x === 0) || b.every((x) => x === 255) || (b[0]! >= 224 && b[0]! <= 239);
  return b.every((x) => x === 0) || b[0] === 0xff;
}

/** The pure model of an IPVS table; throws the same IpvsError(op, errno) as the kernel. */
export class MemoryIpvs implements Ipvs {
  private readonly rows = new Map<string, Row>();
  private config: Timeouts = { tcp: 900, tcpFin: 120, udp: 300 };
  private running: Daemon[] = [];
  private readonly opts: Required<MemoryOptions>;

  constructor(opts: MemoryOptions = {}) {
    this.opts = {
      interfaces: opts.interfaces ?? { lo: 65536 },
      schedulers: opts.schedulers ?? KNOWN_SCHEDULERS,
      pes: opts.pes ?? KNOWN_PES,
    };
  }

  private row(op: IpvsOp, key: ServiceKey): Row {
    const r = this.rows.get(serviceId(key));
    if (!r) throw new IpvsError(op, ESRCH);
    return r;
  }

  private checkService(op: IpvsOp, s: Service): void {
    if (!this.opts.schedulers.includes(s.scheduler)) throw new IpvsError(op, ENOENT);
    if (s.pe && !this.opts.pes.includes(s.pe)) throw new IpvsError(op, ENOENT);
    if (s.key.af === 6 && (s.netmask < 1 || s.netmask > 128)) throw new IpvsError(op, EINVAL);
  }

  private checkDest(op: IpvsOp, r: Row, d: Dest): void {
    if (d.af !== r.svc.key.af && d.fwd !== 'ipip') throw new IpvsError(op, EINVAL);
    if (d.weight < 0 || d.weight > 0x7fffffff) throw new IpvsError(op, ERANGE);
    if (d.lowerThreshold > d.upperThreshold) throw new IpvsError(op, ERANGE);
    if (d.fwd === 'ipip' && d.tunnel.type === 'gue' && d.tunnel.port === 0) throw new IpvsError(op, EINVAL);
  }

  async info(): Promise<Info> {
    return { version: 0x010201, connTabSize: 4096 };
  }

  async services(): Promise<ServiceEntry[]> {
    return [...this.rows.values()].map((r) => clone(r.svc));
  }

  async service(key: ServiceKey): Promise<ServiceEntry> {
    return clone(this.row('service', key).svc);
  }

  async dests(key: ServiceKey): Promise<DestEntry[]> {
    const r = this.rows.get(serviceId(key));
    return r ? clone(r.dests) : [];
  }

  async addService(s: Service): Promise<void> {
    if (this.rows.has(serviceId(s.key))) throw new IpvsError('addService', EEXIST);
    this.checkService('addService', s);
    this.rows.set(serviceId(s.key), { svc: { ...clone(s), stats: zeroStats() }, dests: [] });
  }

  async editService(s: Service): Promise<void> {
    const r = this.row('editService', s.key);
    this.checkService('editService', s);
    r.svc = { ...clone(s), stats: r.svc.stats };
  }

  async deleteService(key: ServiceKey): Promise<void> {
    this.row('deleteService', key);
    this.rows.delete(serviceId(key));
  }

  async addDest(key: ServiceKey, d: Dest): Promise<void> {
    const r = this.row('addDest', key);
    this.checkDest('addDest', r, d);
    if (r.dests.some((x) => destId(x) === destId(d))) throw new IpvsError('addDest', EEXIST);
    if (notUnicast(d)) throw new IpvsError('addDest', EINVAL);
    r.dests.unshift({ ...clone(d), activeConns: 0, inactConns: 0, persistConns: 0, stats: zeroStats() });
  }

  async editDest(key: ServiceKey, d: Dest): Promise<void> {
    const r = this.row('editDest', key);
    this.checkDest('editDest', r, d);
    const i = r.dests.findIndex((x) => destId(x) === destId(d));
    if (i < 0) throw new IpvsError('editDest', ENOENT);
    const old = r.dests[i]!;
    r.dests[i] = { ...clone(d), activeConns: old.activeConns, inactConns: old.inactConns, persistConns: old.persistConns, stats: old.stats };
  }

  async deleteDest(key: ServiceKey, d: DestKey): Promise<void> {
    const r = this.row('deleteDest', key);
    const i = r.dests.findIndex((x) => destId(x) === destId(d));
    if (i < 0) throw new IpvsError('deleteDest', ENOENT);
    r.dests.splice(i, 1);
  }

  async zero(key?: ServiceKey): Promise<void> {
    const rows = key ? [this.row('zero', key)] : [...this.rows.values()];
    for (const r of rows) {
      r.svc.stats = zeroStats();
      for (const d of r.dests) d.stats = zeroStats();
    }
  }

  async flush(): Promise<void> {
    this.rows.clear();
  }

  async timeouts(): Promise<Timeouts> {
    return { ...this.config };
  }

  async setTimeouts(t: Timeouts): Promise<void> {
    this.config = {
      tcp: t.tcp || this.config.tcp,
      tcpFin: t.tcpFin || this.config.tcpFin,
      udp: t.udp || this.config.udp,
    };
  }

  async daemons(): Promise<Daemon[]> {
    return clone(this.running);
  }

  async startDaemon(d: Daemon): Promise<void> {
    if (this.running.some((x) => x.state === d.state)) throw new IpvsError('startDaemon', EEXIST);
    const mtu = this.opts.interfaces[d.mcastIfn];
    if (mtu === undefined) throw new IpvsError('startDaemon', ENODEV);
    const af = d.mcastGroup?.af ?? 4;
    this.running.push({
      state: d.state,
      mcastIfn: d.mcastIfn,
      syncId: d.syncId,
      syncMaxlen: d.syncMaxlen ?? Math.min(mtu, 1500) - (af === 4 ? 28 : 48),
      mcastGroup: d.mcastGroup ?? { af: 4, addr: '224.0.0.81' },
      mcastPort: d.mcastPort ?? 8848,
      mcastTtl: d.mcastTtl ?? 1,
    });
    this.running.sort((a, b) => (a.state === b.state ? 0 : a.state === 'master' ? -1 : 1));
  }

  async stopDaemon(d: DaemonKey): Promise<void> {
    const i = this.running.findIndex((x) => x.state === d.state);
    if (i < 0) throw new IpvsError('stopDaemon', ESRCH);
    this.running.splice(i, 1);
  }

  async apply(writes: readonly IpvsWrite[]): Promise<(IpvsError | undefined)[]> {
    const out: (IpvsError | undefined)[] = [];
    for (const w of writes) {
      try {
        await applyOne(this, w);
        out.push(undefined);
      } catch (e) {
        if (!(e instanceof IpvsError)) throw e;
        out.push(e);
      }
    }
    return out;
  }

  async close(): Promise<void> {}
}
