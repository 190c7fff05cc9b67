// The only import of the npm `netlink` package: a raw NETLINK_GENERIC socket behind a two-method transport.
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NETLINK_GENERIC } from '../netlink/uapi.js';

/** What the framing layer needs from a netlink socket. */
export interface Transport {
  /** Sends one datagram (which may hold several netlink messages). */
  send(datagram: Buffer): Promise<void>;
  /** Registers the receiver of every datagram the kernel sends us. */
  onDatagram(fn: (datagram: Buffer) => void): void;
  /** Registers the receiver of socket errors. */
  onError(fn: (err: Error & { errno?: number }) => void): void;
  /** The socket's receive buffer (SO_RCVBUF as the kernel set it), which bounds unread replies. */
  readonly recvBufferSize: number;
  /** Keeps the process alive while requests are outstanding (or not). */
  setBusy(busy: boolean): void;
  close(): void;
}

/** Asked-for SO_RCVBUF; unprivileged sockets get at most twice net.core.rmem_max (425,984 by default). */
const WANTED_RCVBUF = 4 << 20;

/** The read buffer for one datagram. */
const RECV_SIZE = 8192;

type Raw = typeof import('netlink/dist/raw.js');
let raw: Raw | undefined;

/**
 * Requires netlink/dist/raw.js. It loads its addon through node-gyp-build, whose own loading and directory
 * scans cost ~30 ms of every command's start-up in the guest, to find the prebuild that netlink ships for
 * this platform. So require's cache is seeded, at the paths where node-gyp-build sits next to netlink, with
 * a loader that opens that prebuild directly; if it is not there (another libc or arch, a source build),
 * the seeds are dropped and the real node-gyp-build decides, as before.
 */
function loadRaw(): Raw {
  const req = createRequire(import.meta.url);
  const rawPath = req.resolve('netlink/dist/raw.js');
  const pkg = dirname(dirname(rawPath));
  const seeds = [join(pkg, 'node_modules', 'node-gyp-build', 'index.js'), join(dirname(pkg), 'node-gyp-build', 'index.js')];
  const prebuild = (dir: string): unknown => {
    try {
      const m = { exports: {} };
      process.dlopen(m, join(dir, 'prebuilds', `${process.platform}-${process.arch}`, 'node.napi.node'));
      return m.exports;
    } catch {
      for (const s of seeds) if (req.cache[s]?.exports === prebuild) delete req.cache[s];
      return (createRequire(rawPath)('node-gyp-build') as (d: string) => unknown)(dir);
    }
  };
  for (const s of seeds) {
    if (req.cache[s]) continue;
    const m = new Module(s);
    Object.assign(m, { filename: s, loaded: true, exports: prebuild });
    req.cache[s] = m;
  }
  return req(rawPath) as Raw;
}

/** Opens a raw generic netlink socket; loads the native addon on first use only. */
export async function openTransport(): Promise<Transport> {
  raw ??= loadRaw();
  // One read per datagram instead of a peek and a read. Every datagram the kernel sends us fits: dump skbs
  // are at most max(NLMSG_GOODSIZE, our largest read) and NLMSG_GOODSIZE is under 8 KiB even with 64 KiB pages.
  const sock = new raw.RawNetlinkSocket(NETLINK_GENERIC, {
    recvBufferSize: WANTED_RCVBUF, sendBufferSize: 0, messagePeeking: false, msgBufferSize: RECV_SIZE,
  });
  sock.unref();
  return {
    recvBufferSize: sock.getRecvBufferSize(),
    send: (d) => new Promise((resolve, reject) => {
      sock.send(d, {}, (err) => (err ? reject(err) : resolve()));
    }),
    onDatagram: (fn) => { sock.on('message', (msg) => fn(msg)); },
    onError: (fn) => {
      sock.on('error', (e) => fn(e));
      sock.on('truncatedMessage', () => fn(Object.assign(new Error('netlink reply larger than the read buffer'), { errno: 90 })));
    },
    setBusy: (busy) => { if (busy) sock.ref(); else sock.unref(); },
    close: () => sock.close(),
  };
}
