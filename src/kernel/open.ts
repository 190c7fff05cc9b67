// Opening the kernel backend: socket, IPVS family lookup, GET_INFO; one `modprobe -- ip_vs` retry as ipvsadm does.
import { ENOENT, ENOPROTOOPT } from '../model/errno.js';
import { attrStr, decodeAttrs } from '../netlink/attr.js';
import * as U from '../netlink/uapi.js';
import { GenlConn, NetlinkError } from './conn.js';
import { KernelIpvs } from './kernel.js';
import { openTransport } from './socket.js';

/** The kernel backend could not be initialised; errno is what ipvsadm would report. */
export class InitError extends Error {
  constructor(readonly errno: number) {
    super(`cannot initialise IPVS: errno ${errno}`);
    this.name = 'InitError';
  }
}

/** Resolves a generic netlink family id by name (CTRL_CMD_GETFAMILY). */
export async function resolveFamily(conn: GenlConn, name: string): Promise<number> {
  const [p] = await conn.request(U.GENL_ID_CTRL, (w) => {
    w.genlHdr(U.CTRL_CMD_GETFAMILY, 1);
    w.str(U.CTRL_ATTR_FAMILY_NAME, name);
  });
  const a = decodeAttrs(p!, 4);
  const id = a[U.CTRL_ATTR_FAMILY_ID];
  if (!id || (a[U.CTRL_ATTR_FAMILY_NAME] && attrStr(a[U.CTRL_ATTR_FAMILY_NAME]!) !== name)) throw new NetlinkError(ENOENT);
  return id.readUInt16LE(0);
}

async function tryOpen(): Promise<KernelIpvs> {
  const conn = new GenlConn(await openTransport());
  try {
    conn.family = await resolveFamily(conn, U.IPVS_GENL_NAME).catch((e: unknown) => {
      // libipvs falls back to the sockopt interface, whose IP_VS_SO_GET_INFO fails with ENOPROTOOPT.
      throw e instanceof NetlinkError && e.errno === ENOENT ? new InitError(ENOPROTOOPT) : e;
    });
    const family = conn.family;
    const ipvs = new KernelIpvs(conn, async () => new GenlConn(await openTransport(), family));
    await ipvs.info();
    return ipvs;
  } catch (e) {
    conn.close();
    if (e instanceof InitError) throw e;
    if (e instanceof NetlinkError) throw new InitError(e.errno);
    if (e instanceof Error && 'errno' in e && typeof e.errno === 'number') throw new InitError(e.errno);
    throw e;
  }
}

/** Runs `/sbin/modprobe -- ip_vs`, its stderr passed through; true when it exited 0. */
export async function modprobeIpvs(): Promise<boolean> {
  const { spawnSync } = await import('node:child_process'); // only here: loading it costs start-up time
  const r = spawnSync('/sbin/modprobe', ['--', 'ip_vs'], { stdio: ['ignore', 'inherit', 'inherit'] });
  return r.status === 0;
}

/** Opens KernelIpvs; on failure loads the module once and retries, like ipvsadm's main(). */
export async function openKernelIpvs(modprobe: () => boolean | Promise<boolean> = modprobeIpvs): Promise<KernelIpvs> {
  try {
    return await tryOpen();
  } catch (first) {
    if (!(first instanceof InitError)) throw first;
    if (!(await modprobe())) throw first;
    return tryOpen();
  }
}
