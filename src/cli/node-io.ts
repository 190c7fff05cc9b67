// The real process's Io: stdout/stderr writes, stdin read to the end, the kernel backend, the system resolver.
import { writeSync } from 'node:fs';
import { readTable } from '../kernel/table-proc.js';
import type { Io } from './main.js';
import { systemLookup } from './system.js';

/** Reads all of standard input as text. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Descriptors whose reader has gone (EPIPE): further output is dropped, as if SIGPIPE had ended the write. */
const closed = new Set<number>();
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Output is encoded and written this many UTF-16 units at a time, so a large listing is not copied whole. */
const PIECE = 1 << 16;

/**
 * Writes all of `s` to fd 1 or 2 synchronously. process.stdout would load node's stream and net modules,
 * which is a measurable part of a short command's start-up; output order across both fds stays exact.
 * A non-blocking descriptor (shared with a parent) that is full gets EAGAIN: wait 1 ms and retry.
 */
export function writeAll(fd: 1 | 2, s: string): void {
  for (let from = 0; from < s.length && !closed.has(fd);) {
    let to = Math.min(s.length, from + PIECE);
    if (to < s.length && /[\ud800-\udbff]/.test(s[to - 1]!)) to--; // keep a surrogate pair together
    writeBytes(fd, Buffer.from(s.slice(from, to), 'utf8'));
    from = to;
  }
}

function writeBytes(fd: 1 | 2, b: Buffer): void {
  for (let at = 0; at < b.length;) {
    try {
      at += writeSync(fd, b, at, b.length - at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { Atomics.wait(pause, 0, 0, 1); continue; }
      if (code === 'EPIPE') { closed.add(fd); return; }
      throw e;
    }
  }
}

/** Io bound to this process and the running kernel (the netlink addon loads only when a command needs it). */
export function nodeIo(): Io {
  return {
    stdout: (s) => writeAll(1, s),
    stderr: (s) => writeAll(2, s),
    readStdin,
    openIpvs: async () => (await import('../kernel/open.js')).openKernelIpvs(),
    readConns: async () => (await import('../kernel/conns.js')).readConns(),
    readTable: async () => readTable(),
    lookup: systemLookup,
  };
}

/** No stack traces: anything unexpected becomes one line on stderr and status 255. */
export function guardAgainstCrashes(): void {
  const die = (e: unknown): never => {
    writeAll(2, `ipvsadm: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(255);
  };
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
}
