// Runs one parsed command against an Ipvs backend and returns what ipvsadm would print and exit with.
import { IpvsError, type Ipvs } from '../ipvs.js';
import { compareDests, compareServices, sortedBy } from '../model/key.js';
import type { ServiceEntry } from '../model/types.js';
import { formatListing, formatServiceListing, type Row } from '../format/list.js';
import { resolveNamer, type Names } from '../format/names.js';
import { formatSave } from '../format/save.js';
import { formatDaemons, formatTimeouts } from '../format/misc.js';
import { formatConns } from '../format/conns.js';
import { CONN_PROC_FILE, parseConns } from '../kernel/conns.js';
import type { Command, ListFormat } from './command.js';
import { ipvsStrerror } from './errors.js';

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
}

const ok = (stdout = ''): Output => ({ stdout, stderr: '', code: 0, exit: false });

/** Fetches every service with its real servers, sorted as ipvsadm sorts unless nosort. */
export async function fetchRows(ipvs: Ipvs, nosort: boolean): Promise<Row[]> {
  let services = await ipvs.services();
  if (!nosort) services = sortedBy(services, (s) => s.key, compareServices);
  return Promise.all(services.map(async (svc) => ({ svc, dests: await fetchDests(ipvs, svc, nosort) })));
}

async function fetchDests(ipvs: Ipvs, svc: ServiceEntry, nosort: boolean) {
  const dests = await ipvs.dests(svc.key);
  return nosort ? dests : sortedBy(dests, (d) => d, compareDests);
}

function addrsOf(rows: Row[]) {
  return rows.flatMap((r) => [...(r.svc.key.kind === 'addr' ? [r.svc.key] : []), ...r.dests]);
}

/** list_conn: the connection table from procfs, names resolved unless -n. */
async function connections(f: ListFormat, ctx: Context): Promise<Output> {
  const fail = (what: string): Output => ({ stdout: '', stderr: `${what} ${CONN_PROC_FILE}\n`, code: 1, exit: true });
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
  const rows = await fetchRows(ipvs, f.nosort);
  return ok(formatListing(info, rows, f, await resolveNamer(ctx.names, addrsOf(rows), f.numeric)));
}

async function save(numeric: boolean, ctx: Context): Promise<Output> {
  const rows = await fetchRows(await ctx.ipvs(), false);
  return ok(formatSave(rows, await resolveNamer(ctx.names, addrsOf(rows), numeric)));
}

/** Runs a command other than -R; kernel errors become ipvsadm's messages (255, or 1 for listings). */
export async function runCommand(cmd: Command, ctx: Context): Promise<Output> {
  try {
    const ipvs = async () => ctx.ipvs();
    switch (cmd.kind) {
      case 'list': return await list(cmd, ctx);
      case 'save': return await save(cmd.numeric, ctx);
      case 'flush': await (await ipvs()).flush(); break;
      case 'add-service': await (await ipvs()).addService(cmd.service); break;
      case 'edit-service': await (await ipvs()).editService(cmd.service); break;
      case 'delete-service': await (await ipvs()).deleteService(cmd.key); break;
      case 'zero': await (await ipvs()).zero(cmd.key); break;
      case 'add-dest': await (await ipvs()).addDest(cmd.key, cmd.dest); break;
      case 'edit-dest': await (await ipvs()).editDest(cmd.key, cmd.dest); break;
      case 'delete-dest': await (await ipvs()).deleteDest(cmd.key, cmd.dest); break;
      case 'set-timeouts': await (await ipvs()).setTimeouts(cmd.timeouts); break;
      case 'start-daemon': await (await ipvs()).startDaemon(cmd.daemon); break;
      case 'stop-daemon': await (await ipvs()).stopDaemon(cmd.daemon); break;
      case 'restore': throw new Error('restore is run by the restore loop');
    }
    return ok();
  } catch (e) {
    if (!(e instanceof IpvsError)) throw e;
    if (cmd.kind === 'list' || cmd.kind === 'save') {
      // ipvsadm exits 1 from its listing functions; GET_CONFIG and GET_DAEMON failures print nothing.
      const silent = e.op === 'timeouts' || e.op === 'daemons';
      return { stdout: '', stderr: silent ? '' : `${ipvsStrerror(e.op, e.errno)}\n`, code: 1, exit: true };
    }
    return { stdout: '', stderr: `${ipvsStrerror(e.op, e.errno)}\n`, code: 255, exit: false };
  }
}
