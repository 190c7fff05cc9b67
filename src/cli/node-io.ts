// The real process's Io: stdout/stderr writes, stdin read to the end, the kernel backend, the system resolver.
import { readFileSync, writeSync } from 'node:fs';
import { TABLE_PROC_FILE } from '../kernel/table-proc.js';
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

/**
 * Writes all of `s` to fd 1 or 2 synchronously. process.stdout would load node's stream and net modules,
 * which is a measurable part of a short command's start-up; output order across both fds stays exact.
 * A non-blocking descriptor (shared with a parent) that is full gets EAGAIN: wait 1 ms and retry.
 */
export function writeAll(fd: 1 | 2, s: string): void {
  if (!s || closed.has(fd)) return;
  const b = Buffer.from(s, 'utf8');
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
    readTable: async () => readFileSync(TABLE_PROC_FILE, 'utf8'),
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
