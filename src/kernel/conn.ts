// Generic netlink framing over a Transport: replies matched by sequence number, ACK windows, dumps one at a time.
import { decodeError, decodeMessages, NlWriter } from '../netlink/attr.js';
import { NLM_F_ACK, NLM_F_DUMP, NLM_F_DUMP_INTR, NLM_F_REQUEST, NLMSG_DONE, NLMSG_ERROR } from '../netlink/uapi.js';
import type { Transport } from './socket.js';

/** At most this many ACK-requesting messages are unanswered on one socket (the addon aborts on overflow). */
export const ACK_WINDOW = 128;

/** A request failed: the kernel's errno (positive) and extended-ack text. */
export class NetlinkError extends Error {
  constructor(readonly errno: number, readonly detail?: string) {
    super(`netlink error ${errno}${detail ? `: ${detail}` : ''}`);
    this.name = 'NetlinkError';
  }
}

/** EINTR: a dump was interrupted by a table change (NLM_F_DUMP_INTR). */
const EINTR = 4;

interface Pending {
  dump: boolean;
  payloads: Buffer[];
  interrupted: boolean;
  resolve(p: Buffer[]): void;
  reject(e: Error): void;
}

/** Writes the genl payload (header and attributes) of one request. */
export type Body = (w: NlWriter) => void;

/** One netlink socket speaking to one generic netlink family. */
export class GenlConn {
  private seq = Math.floor(Math.random() * 0x7fffffff);
  private readonly pending = new Map<number, Pending>();
  private inFlight = 0;
  private readonly waiters: (() => void)[] = [];
  private dumpBusy: Promise<unknown> = Promise.resolve();
  private failed: Error | undefined;

  constructor(private readonly t: Transport, public family = 0) {
    t.onDatagram((d) => this.receive(d));
    t.onError((e) => this.fail(e));
  }

  private fail(e: Error): void {
    this.failed = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private receive(datagram: Buffer): void {
    for (const m of decodeMessages(datagram)) {
      const p = this.pending.get(m.seq);
      if (!p) continue;
      if (m.flags & NLM_F_DUMP_INTR) p.interrupted = true;
      if (m.type === NLMSG_ERROR) {
        const e = decodeError(m.payload, m.flags);
        this.settle(m.seq);
        if (e.errno === 0) p.resolve(p.payloads);
        else p.reject(new NetlinkError(e.errno, e.message));
      } else if (m.type === NLMSG_DONE) {
        const errno = m.payload.length >= 4 ? -m.payload.readInt32LE(0) : 0;
        this.settle(m.seq);
        if (errno > 0) p.reject(new NetlinkError(errno));
        else if (p.interrupted) p.reject(new NetlinkError(EINTR, 'dump interrupted'));
        else p.resolve(p.payloads);
      } else {
        p.payloads.push(m.payload);
      }
    }
  }

  private settle(seq: number): void {
    this.pending.delete(seq);
    this.inFlight--;
    this.waiters.shift()?.();
    if (this.pending.size === 0) this.t.setBusy(false);
  }

  private async slot(): Promise<void> {
    while (this.inFlight >= ACK_WINDOW) await new Promise<void>((r) => this.waiters.push(r));
    this.inFlight++;
  }

  private nextSeq(): number {
    this.seq = (this.seq + 1) >>> 0 || 1;
    return this.seq;
  }

  /** Sends one request with NLM_F_ACK (and NLM_F_DUMP for dumps); resolves with the reply payloads. */
  async request(type: number, body: Body, dump = false): Promise<Buffer[]> {
    if (dump) {
      const run = this.dumpBusy.then(() => this.once(type, body, true));
      this.dumpBusy = run.catch(() => undefined);
      return run;
    }
    return this.once(type, body, false);
  }

  private async once(type: number, body: Body, dump: boolean): Promise<Buffer[]> {
    if (this.failed) throw this.failed;
    await this.slot();
    const seq = this.nextSeq();
    const w = new NlWriter();
    w.msgStart(type, NLM_F_REQUEST | NLM_F_ACK | (dump ? NLM_F_DUMP : 0), seq);
    body(w);
    w.msgEnd();
    const done = new Promise<Buffer[]>((resolve, reject) => {
      this.pending.set(seq, { dump, payloads: [], interrupted: false, resolve, reject });
    });
    // The reply can arrive before send()'s callback: mark the rejection handled until we return it.
    done.catch(() => undefined);
    this.t.setBusy(true);
    try {
      await this.t.send(Buffer.from(w.finish()));
    } catch (e) {
      if (this.pending.delete(seq)) this.settle(seq);
      throw e;
    }
    return done;
  }

  close(): void {
    this.t.close();
  }
}
