// ipvsadm -R: each stdin line is one invocation; parse errors end the restore, kernel errors do not.
import type { IpvsWrite } from '../ipvs.js';
import type { Parsed } from './command.js';
import { tryhelp } from './parse.js';
import type { Output } from './run.js';

/** config_stream_read: a line's words, split on blanks, tabs and CR, with every `ipvsadm` word dropped. */
export function lineWords(line: string): string[] {
  return line.split(/[ \t\r\n]+/).filter((w) => w !== '' && w !== 'ipvsadm');
}

/** How to parse and run lines; supplied by main so that restore shares argv's code path. */
export interface LineRunner {
  parse(words: string[]): Promise<Parsed>;
  run(p: Extract<Parsed, { kind: 'run' }>): Promise<Output>;
  /** The table change a line makes, when it is a write (writes are batched); undefined for reads. */
  writeOf(p: Extract<Parsed, { kind: 'run' }>): IpvsWrite | undefined;
  /** Applies writes in order; one Output per write. */
  apply(writes: IpvsWrite[]): Promise<Output[]>;
}

/** Writes queued before they are sent; a read, an exit or the end of input sends them first. */
const QUEUE = 4096;

/**
 * restore_table: runs each non-empty line in order. The status is the last line's; a line that makes
 * ipvsadm exit (usage error, listing failure, -h) ends the restore with that line's status. Writes are
 * queued and applied in batches; anything else first waits for the queue, so output keeps line order.
 */
export async function restore(input: string, r: LineRunner): Promise<Output> {
  const out: Output = { stdout: '', stderr: '', code: 0, exit: false };
  const add = (res: Output) => {
    out.stdout += res.stdout;
    out.stderr += res.stderr;
    out.code = res.code;
  };
  let queue: IpvsWrite[] = [];
  const drain = async () => {
    if (queue.length === 0) return;
    const sent = queue;
    queue = [];
    for (const res of await r.apply(sent)) add(res);
  };
  for (const line of input.split('\n')) {
    const words = lineWords(line);
    if (words.length === 0) continue;
    let parsed = await r.parse(words);
    if (parsed.kind === 'run' && parsed.command.kind === 'restore') parsed = tryhelp();
    const write = parsed.kind === 'run' ? r.writeOf(parsed) : undefined;
    if (write) {
      queue.push(write);
      if (queue.length >= QUEUE) await drain();
      continue;
    }
    await drain();
    let res: Output;
    if (parsed.kind === 'run') res = await r.run(parsed);
    else if (parsed.kind === 'exit') res = { stdout: parsed.stdout, stderr: parsed.stderr, code: parsed.code, exit: true };
    else res = { stdout: '', stderr: parsed.stderr, code: parsed.code, exit: false };
    add(res);
    if (res.exit) {
      out.exit = true;
      return out;
    }
  }
  await drain();
  return out;
}
