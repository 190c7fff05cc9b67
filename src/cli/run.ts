// Runs one parsed command against an Ipvs backend and returns what ipvsadm would print and exit with.
import { applyOne, IpvsError, type Ipvs, type IpvsWrite } from '../ipvs.js';
import type { DestEntry, DestSummary } from '../model/types.js';
import { formatListingHead, formatRow, formatServiceListing, formatSummaryRow, isDefaultView, type Row } from '../format/list.js';
import { resolveNamer, type Names } from '../format/names.js';
import { formatRules } from '../format/save.js';
import { numericNamer, type AddrPortNamer } from '../format/text.js';
import { formatDaemons, formatTimeouts } from '../format/misc.js';
import { formatConns } from '../format/conns.js';
import { CONN_PROC_FILE, parseConns } from '../kernel/conns.js';
import type { Command, ListFormat } from './command.js';
import { ipvsStrerror } from './errors.js';
import { addrsOf, collect, eachRow, eachSummaryRow, fetchDests } from './rows.js';

/** What a command printed, its status, and whether ipvsadm exit()s there (which ends a -R restore). */
export interface Output {
  stdout: string;
  stderr: string;
  code: number;
  exit: boolean;
}

/** What running a command needs: the backend (opened on first use) and the name service. */
export interface Context {
  ipvs(): Promise<Ipvs>;
  names: Names;
  /** The text of /proc/net/ip_vs_conn (rejects when it cannot be opened). */
  readConns(): Promise<string>;
  /** The bytes of /proc/net/ip_vs, where the backend has one (the kernel's; not the model's). */
  readTable?(): Promise<Buffer>;
}

const ok = (stdout = ''): Output => ({ stdout, stderr: '', code: 0, exit: false });

/** list_conn: the connection table from procfs, names resolved unless -n. */
async function connections(f: ListFormat, ctx: Context): Promise<Output> {
  const fail = (what: string): Output => ({ stdout: '', stderr: `${what} ${CONN_PROC_FILE}\n`, code: 1, exit: true });
  await ctx.ipvs(); // 1.31 initialises IPVS (loading the module) before it reads procfs
  let text: string;
  try {
    text = await ctx.readConns();
  } catch {
    return fail('cannot open file');
  }
  const conns = parseConns(text);
  if (!conns) return fail('unexpected input from');
  const addrs = conns.flatMap((c) => [c.client, c.virtual, c.dest]);
  return ok(formatConns(conns, f.persistentConn, await resolveNamer(ctx.names, addrs, f.numeric)));
}

async function list(cmd: Extract<Command, { kind: 'list' }>, ctx: Context): Promise<Output> {
  const f: ListFormat = cmd.format;
  const t = cmd.target;
  if (t.kind === 'connections') return connections(f, ctx);
  const ipvs = await ctx.ipvs();
  if (t.kind === 'timeout') return ok(formatTimeouts(await ipvs.timeouts()));
  if (t.kind === 'daemon') return ok(formatDaemons(await ipvs.daemons()));
  if (t.kind === 'service') {
    const svc = await ipvs.service(t.key);
    const row = { svc, dests: await fetchDests(ipvs, svc, f.nosort) };
    return ok(formatServiceListing(row, f, await resolveNamer(ctx.names, addrsOf([row]), f.numeric)));
  }
  const info = await ipvs.info();
  const head = formatListingHead(info, f);
  if (isDefaultView(f)) {
    return ok(await listing(head, (each) => eachSummaryRow(ipvs, f.nosort, ctx.readTable, each), formatSummaryRow, f.numeric, ctx));
  }
  return ok(await listing<DestEntry>(head, (each) => eachRow(ipvs, f.nosort, each), (r, name) => formatRow(r, f, name), f.numeric, ctx));
}

/** A full listing or save: numeric ones streamed row by row; otherwise all rows first, to resolve names once. */
async function listing<D extends DestSummary>(
  head: string, walk: (each: (r: Row<D>) => void) => Promise<void>, format: (r: Row<D>, name: AddrPortNamer) => string,
  numeric: boolean, ctx: Context,
): Promise<string> {
  let out = head;
  if (numeric) {
    await walk((r) => { out += format(r, numericNamer); });
    return out;
  }
  const rows = await collect(walk);
  const name = await resolveNamer(ctx.names, addrsOf(rows), false);
  for (const r of rows) out += format(r, name);
  return out;
}

async function save(numeric: boolean, ctx: Context): Promise<Output> {
  const ipvs = await ctx.ipvs();
  return ok(await listing<DestEntry>('', (each) => eachRow(ipvs, false, each), formatRules, numeric, ctx));
}

/** The table change a command makes, or undefined for reads (and -R). */
export function writeOf(cmd: Command): IpvsWrite | undefined {
  switch (cmd.kind) {
    case 'flush': return { op: 'flush' };
    case 'add-service': return { op: 'addService', service: cmd.service };
    case 'edit-service': return { op: 'editService', service: cmd.service };
    case 'delete-service': return { op: 'deleteService', key: cmd.key };
    case 'zero': return { op: 'zero', key: cmd.key };
    case 'add-dest': return { op: 'addDest', key: cmd.key, dest: cmd.dest };
    case 'edit-dest': return { op: 'editDest', key: cmd.key, dest: cmd.dest };
    case 'delete-dest': return { op: 'deleteDest', key: cmd.key, dest: cmd.dest };
    case 'set-timeouts': return { op: 'setTimeouts', timeouts: cmd.timeouts };
    case 'start-daemon': return { op: 'startDaemon', daemon: cmd.daemon };
    case 'stop-daemon': return { op: 'stopDaemon', daemon: cmd.daemon };
    default: return undefined;
  }
}

/** What ipvsadm prints for a write that ended with `e` (undefined: it succeeded). */
export function writeOutput(e: IpvsError | undefined): Output {
  return e ? { stdout: '', stderr: `${ipvsStrerror(e.op, e.errno)}\n`, code: 255, exit: false } : ok();
}

/** Runs a command other than -R; kernel errors become ipvsadm's messages (255, or 1 for listings). */
export async function runCommand(cmd: Command, ctx: Context): Promise<Output> {
  try {
    if (cmd.kind === 'list') return await list(cmd, ctx);
    if (cmd.kind === 'save') return await save(cmd.numeric, ctx);
    const w = writeOf(cmd);
    if (!w) throw new Error('restore is run by the restore loop');
    await applyOne(await ctx.ipvs(), w);
    return ok();
  } catch (e) {
    if (!(e instanceof IpvsError)) throw e;
    if (cmd.kind === 'list' || cmd.kind === 'save') {
      // ipvsadm exits 1 from its listing functions; GET_CONFIG and GET_DAEMON failures print nothing.
      const silent = e.op === 'timeouts' || e.op === 'daemons';
      return { stdout: '', stderr: silent ? '' : `${ipvsStrerror(e.op, e.errno)}\n`, code: 1, exit: true };
    }
    return writeOutput(e);
  }
}
