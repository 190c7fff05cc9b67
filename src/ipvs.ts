// The seam: one method per IPVS generic netlink command, implemented by KernelIpvs and MemoryIpvs.
import type { Daemon, DaemonKey, Dest, DestEntry, DestKey, Info, Service, ServiceEntry, ServiceKey, Timeouts } from './model/types.js';

/** The operations of the seam, named after its methods; the error table keys on them. */
export type IpvsOp =
  | 'info' | 'services' | 'service' | 'dests'
  | 'addService' | 'editService' | 'deleteService'
  | 'addDest' | 'editDest' | 'deleteDest'
  | 'zero' | 'flush' | 'timeouts' | 'setTimeouts'
  | 'daemons' | 'startDaemon' | 'stopDaemon';

/** An IPVS command failed with a kernel errno (or the model's equivalent). */
export class IpvsError extends Error {
  /** The errno, positive (e.g. 17 for EEXIST). */
  readonly errno: number;
  /** The operation that failed. */
  readonly op: IpvsOp;
  /** Extended-ack text from the kernel, when it sent one. */
  readonly detail: string | undefined;
  constructor(op: IpvsOp, errno: number, detail?: string) {
    super(`${op} failed: errno ${errno}${detail ? ` (${detail})` : ''}`);
    this.name = 'IpvsError';
    this.op = op;
    this.errno = errno;
    this.detail = detail;
  }
}

/** One command that changes the table, as apply() takes it; `op` names the method it stands for. */
export type IpvsWrite =
  | { op: 'addService' | 'editService'; service: Service }
  | { op: 'deleteService'; key: ServiceKey }
  | { op: 'addDest' | 'editDest'; key: ServiceKey; dest: Dest }
  | { op: 'deleteDest'; key: ServiceKey; dest: DestKey }
  | { op: 'zero'; key: ServiceKey | undefined }
  | { op: 'flush' }
  | { op: 'setTimeouts'; timeouts: Timeouts }
  | { op: 'startDaemon'; daemon: Daemon }
  | { op: 'stopDaemon'; daemon: DaemonKey };

/** Runs one write through the single-command methods (MemoryIpvs's apply, and the kernel's for one write). */
export async function applyOne(ipvs: Ipvs, w: IpvsWrite): Promise<void> {
  switch (w.op) {
    case 'addService': return ipvs.addService(w.service);
    case 'editService': return ipvs.editService(w.service);
    case 'deleteService': return ipvs.deleteService(w.key);
    case 'addDest': return ipvs.addDest(w.key, w.dest);
    case 'editDest': return ipvs.editDest(w.key, w.dest);
    case 'deleteDest': return ipvs.deleteDest(w.key, w.dest);
    case 'zero': return ipvs.zero(w.key);
    case 'flush': return ipvs.flush();
    case 'setTimeouts': return ipvs.setTimeouts(w.timeouts);
    case 'startDaemon': return ipvs.startDaemon(w.daemon);
    case 'stopDaemon': return ipvs.stopDaemon(w.daemon);
  }
}

/** An IPVS table: the kernel's, or the pure model's. Every method maps onto one IPVS_CMD_*. */
export interface Ipvs {
  /** IPVS_CMD_GET_INFO. */
  info(): Promise<Info>;
  /** IPVS_CMD_GET_SERVICE, dump: every service, in kernel order. */
  services(): Promise<ServiceEntry[]>;
  /** IPVS_CMD_GET_SERVICE: one service; ESRCH when missing. */
  service(key: ServiceKey): Promise<ServiceEntry>;
  /** IPVS_CMD_GET_DEST, dump: the real servers of a service, in kernel order. */
  dests(key: ServiceKey): Promise<DestEntry[]>;
  /** IPVS_CMD_NEW_SERVICE. */
  addService(s: Service): Promise<void>;
  /** IPVS_CMD_SET_SERVICE: replaces every field of the service. */
  editService(s: Service): Promise<void>;
  /** IPVS_CMD_DEL_SERVICE. */
  deleteService(key: ServiceKey): Promise<void>;
  /** IPVS_CMD_NEW_DEST. */
  addDest(key: ServiceKey, d: Dest): Promise<void>;
  /** IPVS_CMD_SET_DEST: replaces every field of the real server. */
  editDest(key: ServiceKey, d: Dest): Promise<void>;
  /** IPVS_CMD_DEL_DEST. */
  deleteDest(key: ServiceKey, d: DestKey): Promise<void>;
  /** IPVS_CMD_ZERO: one service's counters, or all when no key is given. */
  zero(key?: ServiceKey): Promise<void>;
  /** IPVS_CMD_FLUSH. */
  flush(): Promise<void>;
  /** IPVS_CMD_GET_CONFIG. */
  timeouts(): Promise<Timeouts>;
  /** IPVS_CMD_SET_CONFIG: a 0 leaves that timeout unchanged. */
  setTimeouts(t: Timeouts): Promise<void>;
  /** IPVS_CMD_GET_DAEMON, dump. */
  daemons(): Promise<Daemon[]>;
  /** IPVS_CMD_NEW_DAEMON. */
  startDaemon(d: Daemon): Promise<void>;
  /** IPVS_CMD_DEL_DAEMON. */
  stopDaemon(d: DaemonKey): Promise<void>;
  /**
   * Applies writes in order without waiting for each one; not atomic (neither is IPVS). Resolves with each
   * write's IpvsError, or undefined where it succeeded, once all of them are done.
   */
  apply(writes: readonly IpvsWrite[]): Promise<(IpvsError | undefined)[]>;
  /** Releases the backend (sockets); the object is unusable afterwards. */
  close(): Promise<void>;
}
