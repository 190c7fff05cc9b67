// ipvsadm -R: each stdin line is one invocation; parse errors end the restore, kernel errors do not.
import type { Parsed } from './command.js';
import { tryhelp } from './parse.js';
import type { Output } from './run.js';

/** config_stream_read: a line's words, split on blanks, tabs and CR, with every `ipvsadm` word dropped. */
export function lineWords(line: string): string[] {
  return line.split(/[ \t\r\n]+/).filter((w) => w !== '' && w !== 'ipvsadm');
}

/** How to parse and run one line; supplied by main so that restore shares argv's code path. */
export interface LineRunner {
  parse(words: string[]): Promise<Parsed>;
  run(p: Extract<Parsed, { kind: 'run' }>): Promise<Output>;
}

/**
 * restore_table: runs each non-empty line in order. The status is the last line's; a line that makes
 * ipvsadm exit (usage error, listing failure, -h) ends the restore with that line's status.
 */
export async function restore(input: string, r: LineRunner): Promise<Output> {
  const out: Output = { stdout: '', stderr: '', code: 0, exit: false };
  for (const line of input.split('\n')) {
    const words = lineWords(line);
    if (words.length === 0) continue;
    let parsed = await r.parse(words);
    if (parsed.kind === 'run' && parsed.command.kind === 'restore') parsed = tryhelp();
    let res: Output;
    if (parsed.kind === 'run') res = await r.run(parsed);
    else if (parsed.kind === 'exit') res = { stdout: parsed.stdout, stderr: parsed.stderr, code: parsed.code, exit: true };
    else res = { stdout: '', stderr: parsed.stderr, code: parsed.code, exit: false };
    out.stdout += res.stdout;
    out.stderr += res.stderr;
    out.code = res.code;
    if (res.exit) {
      out.exit = true;
      return out;
    }
  }
  return out;
}
