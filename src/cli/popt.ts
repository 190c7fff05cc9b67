// A popt-compatible option scanner: bundled short options, --long[=value], optional arguments, leftovers.

/** How an option takes its argument. */
export type ArgKind = 'none' | 'required' | 'optional';

/** One entry of the option table. */
export interface OptionSpec {
  long: string;
  short?: string;
  arg: ArgKind;
  /** What the scanner returns for this option (several spellings may share one tag). */
  tag: string;
}

/** What the scanner yields for each option, in command-line order. */
export type Scan =
  | { kind: 'opt'; tag: string; arg: string | undefined; spelled: string }
  | { kind: 'error'; message: string }
  | { kind: 'end' };

/**
 * Scans argv the way popt's poptGetNextOpt does with ipvsadm's table: options are returned one at a time,
 * non-option words are kept as leftovers, `--` ends option processing. `spelled` is the whole argv word,
 * which popt's poptBadOption reports.
 */
export class Popt {
  private next = 0;
  private chars = '';
  private word = '';
  private restAreArgs = false;
  private readonly left: string[] = [];

  constructor(private readonly argv: readonly string[], private readonly table: readonly OptionSpec[]) {}

  /** The non-option words seen so far, in order (poptGetArg). */
  get leftovers(): readonly string[] {
    return this.left;
  }

  /** The next option, an error (popt's text, e.g. `-q: unknown option`), or the end. */
  nextOpt(): Scan {
    for (;;) {
      if (this.chars) return this.shortOpt();
      if (this.next >= this.argv.length) return { kind: 'end' };
      const w = this.argv[this.next++]!;
      if (this.restAreArgs || !w.startsWith('-') || w === '-') {
        this.left.push(w);
        continue;
      }
      if (w === '--') {
        this.restAreArgs = true;
        continue;
      }
      this.word = w;
      if (w.startsWith('--')) return this.longOpt(w);
      this.chars = w.slice(1);
    }
  }

  private longOpt(w: string): Scan {
    const eq = w.indexOf('=');
    const name = eq >= 0 ? w.slice(2, eq) : w.slice(2);
    const spec = this.table.find((o) => o.long === name);
    if (!spec) return { kind: 'error', message: `${w}: unknown option` };
    if (eq >= 0) {
      if (spec.arg === 'none') return { kind: 'error', message: `${w}: option does not take an argument` };
      return { kind: 'opt', tag: spec.tag, arg: w.slice(eq + 1), spelled: w };
    }
    return this.takeArg(spec, w);
  }

  private shortOpt(): Scan {
    const c = this.chars[0]!;
    this.chars = this.chars.slice(1);
    const spec = this.table.find((o) => o.short === c);
    if (!spec) {
      this.chars = '';
      return { kind: 'error', message: `${this.word}: unknown option` };
    }
    if (spec.arg !== 'none' && this.chars) {
      const arg = this.chars.startsWith('=') ? this.chars.slice(1) : this.chars;
      this.chars = '';
      return { kind: 'opt', tag: spec.tag, arg, spelled: this.word };
    }
    return this.takeArg(spec, this.word);
  }

  private takeArg(spec: OptionSpec, spelled: string): Scan {
    if (spec.arg === 'none') return { kind: 'opt', tag: spec.tag, arg: undefined, spelled };
    const following = this.argv[this.next];
    if (spec.arg === 'optional') {
      if (following === undefined || following.startsWith('-')) return { kind: 'opt', tag: spec.tag, arg: undefined, spelled };
      this.next++;
      return { kind: 'opt', tag: spec.tag, arg: following, spelled };
    }
    if (following === undefined) {
      this.chars = '';
      return { kind: 'error', message: `${spelled}: missing argument` };
    }
    this.next++;
    return { kind: 'opt', tag: spec.tag, arg: following, spelled };
  }
}
