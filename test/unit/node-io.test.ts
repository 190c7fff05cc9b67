// The real process's output path (writeAll on fd 1): a reader that goes away ends output quietly, as SIGPIPE would.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BUNDLE = fileURLToPath(new URL('../../dist/ipvsadm.cjs', import.meta.url));

/** Runs writeAll(1, text) in a child whose stdout reader closes after the first chunk. */
function writeToClosingReader(text: string): Promise<{ code: number | null; stderr: string; got: number }> {
  const script = `const c = require(${JSON.stringify(BUNDLE)}); c.writeAll(1, ${JSON.stringify(text)}.repeat(20000)); c.writeAll(2, 'after\\n');`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let got = 0;
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', (d: Buffer) => { got = d.length; child.stdout.destroy(); });
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

describe('writeAll', () => {
  it('drops the rest of fd 1 after EPIPE and goes on (status 0, no error), fd 2 unaffected', async () => {
    const r = await writeToClosingReader('  -> 198.51.100.1:8080            Masq    1      0          0         \n');
    expect(r.got).toBeGreaterThan(0);
    expect(r).toMatchObject({ code: 0, stderr: 'after\n' });
  });

  it('keeps characters outside the BMP whole across its 64 Ki pieces', async () => {
    const text = `${'x'.repeat((1 << 16) - 1)}\u{1F600}tail`;
    const out = await new Promise<string>((resolve) => {
      const script = `require(${JSON.stringify(BUNDLE)}).writeAll(1, ${JSON.stringify(text)});`;
      const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    expect(out).toBe(text);
  });
});
