// The real process's Io: stdout/stderr writes, stdin read to the end, the kernel backend, the system resolver.
import type { Io } from './main.js';
import { systemLookup } from './system.js';

/** Reads all of standard input as text. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Io bound to this process and the running kernel (the netlink addon loads only when a command needs it). */
export function nodeIo(): Io {
  return {
    stdout: (s) => { if (s) process.stdout.write(s); },
    stderr: (s) => { if (s) process.stderr.write(s); },
    readStdin,
    openIpvs: async () => (await import('../kernel/open.js')).openKernelIpvs(),
    readConns: async () => (await import('../kernel/conns.js')).readConns(),
    lookup: systemLookup,
  };
}

/** No stack traces: anything unexpected becomes one line on stderr and status 255. */
export function guardAgainstCrashes(): void {
  const die = (e: unknown): never => {
    process.stderr.write(`ipvsadm: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(255);
  };
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
}
