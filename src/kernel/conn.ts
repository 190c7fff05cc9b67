// Generic netlink framing over a Transport: replies matched by sequence number, ACK windows, dumps one at a time.
import { decodeError, decodeMessages, NlWriter } from '../netlink/attr.js';
import { NLM_F_ACK, NLM_F_DUMP, NLM_F_DUMP_INTR, NLM_F_REQUEST, NLMSG_DONE, NLMSG_ERROR } from '../netlink/uapi.js';
import type { Transport } from './socket.js';

/**
 * Receive-buffer bytes one unread reply may take: an error echoes its request (up to ~250 bytes), which the
 * kernel puts in a 1 KiB slab plus the sk_buff. An ACK alone takes ~770. The addon aborts on overflow, so
 * the number of messages that may still answer is capped at recvBufferSize / REPLY_COST.
 */
const REPLY_COST = 1536;

/** Room to start a batch's writer with, per message: a NEW_DEST with its service key takes ~140 bytes. */
const BATCH_MESSAGE_SIZE = 192;

/** A request failed: the kernel's errno (positive) and extended-ack text. */
export class NetlinkError extends Error {
  constructor(readonly errno: number, readonly detail?: string) {
    super(`netlink error ${errno}${detail ? `: ${detail}` : ''}`);
    this.name = 'NetlinkError';
  }
}

/** EINTR: a dump was interrupted by a table change (NLM_F_DUMP_INTR). */
const EINTR = 4;

/** A batch sent ACK-less but for its last message: its errors by position, settled by the last one's ACK. */
interface Batch {
  seqs: number[];
  errors: (NetlinkError | undefined)[];
  resolve(errors: (NetlinkError | undefined)[]): void;
  reject(e: Error): void;
}

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
  private readonly batches = new Map<number, { b: Batch; i: number }>();
  private inFlight = 0;
  /** How many messages may be unanswered at once on this socket. */
  readonly window: number;
  private readonly waiters: { n: number; go(): void }[] = [];
  private dumpBusy: Promise<unknown> = Promise.resolve();
  private failed: Error | undefined;

  constructor(private readonly t: Transport, public family = 0) {
    this.window = Math.max(16, Math.min(1024, Math.floor(t.recvBufferSize / REPLY_COST)));
    t.onDatagram((d) => this.receive(d));
    t.onError((e) => this.fail(e));
  }

  private fail(e: Error): void {
    this.failed = e;
    for (const p of this.pending.values()) p.reject(e);
    for (const { b } of this.batches.values()) b.reject(e);
    this.pending.clear();
    this.batches.clear();
  }

  /** A reply to a message of a batch: errors are kept; the last message's ACK settles the batch. */
  private receiveBatched(b: Batch, i: number, type: number, payload: Buffer, flags: number): void {
    if (type !== NLMSG_ERROR) return;
    const e = decodeError(payload, flags);
    if (e.errno !== 0) b.errors[i] = new NetlinkError(e.errno, e.message);
    if (i !== b.errors.length - 1) return;
    for (const seq of b.seqs) this.batches.delete(seq);
    this.release(b.errors.length);
    b.resolve(b.errors);
  }

  private receive(datagram: Buffer): void {
    for (const m of decodeMessages(datagram)) {
      const p = this.pending.get(m.seq);
      if (!p) {
        const entry = this.batches.get(m.seq);
        if (entry) this.receiveBatched(entry.b, entry.i, m.type, m.payload, m.flags);
        continue;
      }
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
    this.release(1);
  }

  private release(n: number): void {
    this.inFlight -= n;
    while (this.waiters.length > 0 && this.fits(this.waiters[0]!.n)) {
      const w = this.waiters.shift()!;
      this.inFlight += w.n;
      w.go();
    }
    if (this.pending.size === 0 && this.batches.size === 0) this.t.setBusy(false);
  }

  private fits(n: number): boolean {
    return this.inFlight === 0 || this.inFlight + n <= this.window;
  }

  /** Waits, first come first served (so requests go out in call order), until n more messages may be unanswered. */
  private async slots(n: number): Promise<void> {
    if (this.waiters.length === 0 && this.fits(n)) {
      this.inFlight += n;
      return;
    }
    await new Promise<void>((go) => this.waiters.push({ n, go }));
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
    await this.slots(1);
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

  /**
   * Sends `bodies` as `type` messages in one datagram, only the last asking for an ACK; the kernel answers
   * only failures before it, so the last ACK settles the batch. Resolves with each message's error or undefined.
   * At most window/2 messages, so that two batches can be in flight.
   */
  async batch(type: number, bodies: readonly Body[]): Promise<(NetlinkError | undefined)[]> {
    if (this.failed) throw this.failed;
    if (bodies.length === 0) return [];
    if (bodies.length > this.maxBatch) throw new RangeError(`batch of ${bodies.length} > ${this.maxBatch}`);
    await this.slots(bodies.length);
    const w = new NlWriter(bodies.length * BATCH_MESSAGE_SIZE);
    const seqs = bodies.map(() => this.nextSeq());
    bodies.forEach((body, i) => {
      const seq = seqs[i]!;
      w.msgStart(type, NLM_F_REQUEST | (i === bodies.length - 1 ? NLM_F_ACK : 0), seq);
      body(w);
      w.msgEnd();
    });
    const done = new Promise<(NetlinkError | undefined)[]>((resolve, reject) => {
      const b: Batch = { seqs, errors: new Array<NetlinkError | undefined>(bodies.length).fill(undefined), resolve, reject };
      seqs.forEach((seq, i) => this.batches.set(seq, { b, i }));
    });
    done.catch(() => undefined);
    this.t.setBusy(true);
    try {
      await this.t.send(w.finish());
    } catch (e) {
      for (const seq of seqs) this.batches.delete(seq);
      this.release(seqs.length);
      throw e;
    }
    return done;
  }

  /** The most messages one batch() may carry. */
  get maxBatch(): number {
    return Math.max(1, this.window >> 1);
  }

  close(): void {
    this.t.close();
  }
}
