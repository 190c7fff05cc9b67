// The only import of the npm `netlink` package: a raw NETLINK_GENERIC socket behind a two-method transport.
import { NETLINK_GENERIC } from '../netlink/uapi.js';

/** What the framing layer needs from a netlink socket. */
export interface Transport {
  /** Sends one datagram (which may hold several netlink messages). */
  send(datagram: Buffer): Promise<void>;
  /** Registers the receiver of every datagram the kernel sends us. */
  onDatagram(fn: (datagram: Buffer) => void): void;
  /** Registers the receiver of socket errors. */
  onError(fn: (err: Error & { errno?: number }) => void): void;
  /** Keeps the process alive while requests are outstanding (or not). */
  setBusy(busy: boolean): void;
  close(): void;
}

/** Opens a raw generic netlink socket; loads the native addon on first use only. */
export async function openTransport(): Promise<Transport> {
  const raw = await import('netlink/dist/raw.js');
  const sock = new raw.RawNetlinkSocket(NETLINK_GENERIC, { recvBufferSize: 0, sendBufferSize: 0 });
  sock.unref();
  return {
    send: (d) => new Promise((resolve, reject) => {
      sock.send(d, {}, (err) => (err ? reject(err) : resolve()));
    }),
    onDatagram: (fn) => { sock.on('message', (msg) => fn(msg)); },
    onError: (fn) => { sock.on('error', (e) => fn(e)); },
    setBusy: (busy) => { if (busy) sock.ref(); else sock.unref(); },
    close: () => sock.close(),
  };
}
