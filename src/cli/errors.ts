// ipvs_strerror: the (operation, errno) -> message table of libipvs 1.31, falling back to strerror.
import type { IpvsOp } from '../ipvs.js';
import { EAFNOSUPPORT, EEXIST, EINVAL, EMSGSIZE, ENOENT, ENOMEM, ENOPROTOOPT, EOPNOTSUPP, EPERM, ESRCH, strerror } from '../model/errno.js';

const BY_OP: [IpvsOp, number, string][] = [
  ['addService', EEXIST, 'Service already exists'],
  ['addService', ENOENT, 'Scheduler or persistence engine not found'],
  ['editService', ESRCH, 'No such service'],
  ['editService', ENOENT, 'Scheduler or persistence engine not found'],
  ['deleteService', ESRCH, 'No such service'],
  ['zero', ESRCH, 'No such service'],
  ['addDest', ESRCH, 'Service not defined'],
  ['addDest', EEXIST, 'Destination already exists'],
  ['editDest', ESRCH, 'Service not defined'],
  ['editDest', ENOENT, 'No such destination'],
  ['deleteDest', ESRCH, 'Service not defined'],
  ['deleteDest', ENOENT, 'No such destination'],
  ['startDaemon', EEXIST, 'Daemon has already run'],
  ['stopDaemon', ESRCH, 'No daemon is running'],
  ['services', ESRCH, 'No such service'],
  ['dests', ESRCH, 'No such service'],
  ['service', ESRCH, 'No such service'],
];

const ANY_OP: [number, string][] = [
  [EPERM, 'Permission denied (you must be root)'],
  [EINVAL, 'Invalid operation.  Possibly wrong module version, address not unicast, ...'],
  [ENOPROTOOPT, 'Protocol not available'],
  [ENOMEM, 'Memory allocation problem'],
  [EOPNOTSUPP, 'Operation not supported with IPv6'],
  [EAFNOSUPPORT, 'Operation not supported with specified address family'],
  [EMSGSIZE, 'Module is wrong version'],
];

/** The message ipvsadm prints when `op` fails with `errno` (op undefined: only the generic rows apply). */
export function ipvsStrerror(op: IpvsOp | undefined, errno: number): string {
  const row = BY_OP.find(([o, e]) => o === op && e === errno) ?? ANY_OP.find(([e]) => e === errno);
  return row ? row[row.length - 1] as string : strerror(errno);
}

/** The two-line message of a failed ipvs_init. */
export function initFailure(errno: number): string {
  return `Can't initialize ipvs: ${ipvsStrerror(undefined, errno)}\nAre you sure that IP Virtual Server is built in the kernel or as module?\n`;
}
