// main(argv, io): parse, open the backend when a command needs it, run, and hand back output and status.
import type { Ipvs } from '../ipvs.js';
import type { Names } from '../format/names.js';
import type { Parsed } from './command.js';
import { initFailure } from './errors.js';
import { parseInvocation } from './parse.js';
import { restore } from './restore.js';
import { runCommand, writeOf, writeOutput, type Context, type Output } from './run.js';
import type { Lookup } from './values.js';

/** Everything main needs from the outside world; tests pass MemoryIpvs and captured streams. */
export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): Promise<string>;
  /** Opens the backend; rejects with an error carrying `errno` when IPVS cannot be initialised. */
  openIpvs(): Promise<Ipvs>;
  /** Reads /proc/net/ip_vs_conn. */
  readConns(): Promise<string>;
  /** Reads /proc/net/ip_vs, when the backend is the running kernel. */
  readTable?(): Promise<Buffer>;
  lookup: Lookup & Names;
}

/** ipvs_init failed: ipvsadm prints two lines and exits 2. */
class InitFailed extends Error {
  constructor(readonly errno: number) {
    super('ipvs init failed');
  }
}

function errnoOf(e: unknown): number | undefined {
  return e instanceof Error && 'errno' in e && typeof e.errno === 'number' ? e.errno : undefined;
}

/** Runs ipvsadm with `argv` (without the program name); returns the exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let opened: Promise<Ipvs> | undefined;
  const ctx: Context = {
    names: io.lookup,
    readConns: () => io.readConns(),
    readTable: io.readTable && (() => io.readTable!()),
    ipvs: () => {
      opened ??= io.openIpvs().catch((e: unknown) => {
        const errno = errnoOf(e);
        throw errno === undefined ? e : new InitFailed(errno);
      });
      return opened;
    },
  };
  const runParsed = async (p: Parsed): Promise<Output> => {
    if (p.kind === 'exit') return { stdout: p.stdout, stderr: p.stderr, code: p.code, exit: true };
    if (p.kind === 'return') return { stdout: '', stderr: p.stderr, code: p.code, exit: false };
    if (p.command.kind === 'restore') {
      return restore(await io.readStdin(), {
        parse: (words) => parseInvocation(words, io.lookup),
        run: (line) => runCommand(line.command, ctx),
        writeOf: (line) => writeOf(line.command),
        apply: async (writes) => (await (await ctx.ipvs()).apply(writes)).map(writeOutput),
      });
    }
    return runCommand(p.command, ctx);
  };
  let out: Output;
  try {
    const parsed: Parsed = argv.length === 0
      ? { kind: 'run', command: { kind: 'list', target: { kind: 'all' }, format: NO_FORMAT } }
      : await parseInvocation(argv, io.lookup);
    out = await runParsed(parsed);
  } catch (e) {
    if (!(e instanceof InitFailed)) throw e;
    out = { stdout: '', stderr: initFailure(e.errno), code: 2, exit: true };
  } finally {
    if (opened) await opened.then((i) => i.close(), () => undefined);
  }
  io.stdout(out.stdout);
  io.stderr(out.stderr);
  return out.code;
}

const NO_FORMAT = { numeric: false, stats: false, rate: false, thresholds: false, persistentConn: false, nosort: false, exact: false, tunInfo: false };
