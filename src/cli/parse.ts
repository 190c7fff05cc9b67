// parse_options: reads one invocation's words into an Entry, failing exactly where ipvsadm 1.31 fails.
import type { Protocol } from '../model/types.js';
import type { Parsed } from './command.js';
import { buildCommand } from './check.js';
import { COMMAND_TAGS, OPTION_TABLE } from './options.js';
import { Popt } from './popt.js';
import { newEntry, setOption, UsageError, type Entry } from './state.js';
import { PROGRAM, usageText, VERSION_TEXT } from './usage.js';
import {
  atoi, DEFAULT_PERSISTENT_TIMEOUT, MAX_TIMEOUT, parseAddress, parseFwmark, parseMcastGroup, parseNetmask4,
  parseSchedFlags, stringToNumber, THRESHOLD_MAX, WEIGHT_MAX, type Lookup,
} from './values.js';

/** ipvsadm tryhelp_exit(-1). */
export const tryhelp = (): Parsed => ({
  kind: 'exit', code: 255, stdout: '', stderr: `Try \`${PROGRAM} -h' or '${PROGRAM} --help' for more information.\n`,
});

const PROTO_OF_TAG: Record<string, Protocol> = { t: 'tcp', u: 'udp', 'sctp-service': 'sctp' };

function number(arg: string, min: number, max: number, message: string): number {
  const n = stringToNumber(arg, min, max);
  if (n === -1) throw new UsageError(message);
  return n;
}

function timeout(arg: string | undefined, min: number): number {
  if (arg === undefined) return DEFAULT_PERSISTENT_TIMEOUT;
  const n = stringToNumber(arg, min, MAX_TIMEOUT);
  if (n === -1) throw new UsageError(`invalid timeout value \`${arg}' specified`);
  return n;
}

/** Applies one option after the command (the second loop of parse_options). */
async function applyOption(e: Entry, tag: string, optArg: string | undefined, spelled: string, lookup: Lookup): Promise<void> {
  const { svc, dest, daemon, format } = e;
  const arg = optArg ?? '';
  switch (tag) {
    case 't': case 'u': case 'sctp-service': {
      setOption(e, 'service-address');
      svc.protocol = PROTO_OF_TAG[tag];
      const p = await parseAddress(arg, svc.protocol, lookup);
      if (!p) throw new UsageError('illegal virtual server address[:port] specified');
      svc.af = p.af;
      svc.addr = p.addr;
      if (p.af === 6) svc.netmask = 128;
      if (p.port !== undefined) svc.port = p.port;
      return;
    }
    case 'f': {
      setOption(e, 'service-address');
      svc.af = 4;
      svc.protocol = 'tcp';
      const f = parseFwmark(arg);
      if (f === undefined) throw new UsageError(`invalid fwmark value \`${arg}' specified`);
      svc.fwmark = f;
      return;
    }
    case 's': setOption(e, 'scheduler'); svc.sched = arg.slice(0, 15); return;
    case 'p':
      setOption(e, 'persistent');
      svc.persistent = true;
      svc.timeout = timeout(optArg, 1);
      return;
    case 'M':
      setOption(e, 'netmask');
      if (svc.af !== 6) {
        const m = await parseNetmask4(arg, lookup);
        if (m === undefined) throw new UsageError('illegal virtual server persistent mask specified');
        svc.netmask = m;
      } else {
        svc.netmask = atoi(arg);
        if (svc.netmask < 1 || svc.netmask > 128) throw new UsageError('illegal ipv6 netmask specified');
      }
      return;
    case 'r': {
      setOption(e, 'real-server');
      const p = await parseAddress(arg, svc.protocol, lookup);
      if (p) {
        dest.af = p.af;
        dest.addr = p.addr;
      }
      if (!p) throw new UsageError('illegal real server address[:port] specified');
      dest.port = p.port ?? svc.port;
      return;
    }
    case 'i': setOption(e, 'forwarding-method'); dest.fwd = 'ipip'; return;
    case 'g': setOption(e, 'forwarding-method'); dest.fwd = 'gate'; return;
    case 'm': setOption(e, 'forwarding-method'); dest.fwd = 'masq'; return;
    case 'w': setOption(e, 'weight'); dest.weight = number(arg, 0, WEIGHT_MAX, 'illegal weight specified'); return;
    case 'x': setOption(e, 'u-threshold'); dest.upper = number(arg, 0, THRESHOLD_MAX, 'illegal u_threshold specified'); return;
    case 'y': setOption(e, 'l-threshold'); dest.lower = number(arg, 0, THRESHOLD_MAX, 'illegal l_threshold specified'); return;
    case 'c': setOption(e, 'connection'); return;
    case 'n': setOption(e, 'numeric'); format.numeric = true; return;
    case 'mcast-interface': setOption(e, 'mcast-interface'); daemon.mcastIfn = arg.slice(0, 15); return;
    case 'syncid': setOption(e, 'syncid'); daemon.syncId = number(arg, 0, 255, 'illegal syncid specified'); return;
    case 'timeout': setOption(e, 'timeout'); return;
    case 'daemon': setOption(e, 'daemon'); return;
    case 'stats': setOption(e, 'stats'); format.stats = true; return;
    case 'rate': setOption(e, 'rate'); format.rate = true; return;
    case 'thresholds': setOption(e, 'thresholds'); format.thresholds = true; return;
    case 'persistent-conn': setOption(e, 'persistent-conn'); format.persistentConn = true; return;
    case 'nosort': setOption(e, 'nosort'); format.nosort = true; return;
    case 'sort': return;
    case 'X': setOption(e, 'exact'); format.exact = true; return;
    case '6':
      if (!svc.fwmark) throw new UsageError('-6 used before -f\n');
      svc.af = 6;
      svc.netmask = 128;
      return;
    case 'o': setOption(e, 'ops'); svc.onePacket = true; return;
    case 'pe': setOption(e, 'pe'); svc.pe = arg.slice(0, 31); return;
    case 'b': setOption(e, 'sched-flags'); svc.schedFlagsArg = arg; return;
    case 'mcast-group': {
      setOption(e, 'mcast-group');
      const g = parseMcastGroup(arg);
      if (!g) throw new UsageError(`invalid IPv${arg.includes(':') ? 6 : 4} mcast-group \`${arg}'`);
      daemon.mcastGroup = g;
      return;
    }
    case 'mcast-port': setOption(e, 'mcast-port'); daemon.mcastPort = number(arg, 1, 65535, 'illegal mcast-port specified'); return;
    case 'mcast-ttl': setOption(e, 'mcast-ttl'); daemon.mcastTtl = number(arg, 1, 255, 'illegal mcast-ttl specified'); return;
    case 'sync-maxlen': setOption(e, 'sync-maxlen'); daemon.syncMaxlen = number(arg, 1, 65535 - 20 - 8, 'illegal sync-maxlen specified'); return;
    case 'tun-info': setOption(e, 'tun-info'); format.tunInfo = true; return;
    case 'tun-type': {
      setOption(e, 'tun-type');
      if (arg !== 'ipip' && arg !== 'gue' && arg !== 'gre') throw new UsageError('illegal tunnel type specified');
      dest.tunType = arg;
      return;
    }
    case 'tun-port': setOption(e, 'tun-port'); dest.tunPort = number(arg, 1, 65535, 'illegal tunnel port specified'); return;
    case 'tun-nocsum': setOption(e, 'tun-nocsum'); return;
    case 'tun-csum': setOption(e, 'tun-csum'); dest.tunFlags |= 1; return;
    case 'tun-remcsum': setOption(e, 'tun-remcsum'); dest.tunFlags |= 2; return;
    default:
      throw new UsageError(`invalid option \`${spelled}'`);
  }
}

/** The first option: it must be a command. */
function startEntry(tag: string, arg: string | undefined): Entry | Parsed {
  const cmd = COMMAND_TAGS[tag];
  if (cmd === undefined) return tryhelp();
  if (cmd === 'help') return { kind: 'exit', code: 0, stdout: usageText(PROGRAM), stderr: '' };
  if (cmd === 'version') return { kind: 'exit', code: 0, stdout: VERSION_TEXT, stderr: '' };
  const e = newEntry(cmd);
  if (cmd === 'start-daemon' || cmd === 'stop-daemon') {
    if (arg !== 'master' && arg !== 'backup') {
      throw new UsageError(cmd === 'start-daemon' ? 'illegal start-daemon parameter specified' : 'illegal start_daemon specified');
    }
    e.daemon.state = arg;
  }
  return e;
}

/** Parses one invocation's words (no program name) into a command, or the way ipvsadm ends. */
export async function parseInvocation(words: readonly string[], lookup: Lookup): Promise<Parsed> {
  try {
    const popt = new Popt(words, OPTION_TABLE);
    const first = popt.nextOpt();
    if (first.kind !== 'opt') return tryhelp();
    const started = startEntry(first.tag, first.arg);
    if ('kind' in started) return started;
    const e = started;
    for (;;) {
      const s = popt.nextOpt();
      if (s.kind === 'end') break;
      if (s.kind === 'error') return { kind: 'return', code: 255, stderr: `${s.message}\n` };
      await applyOption(e, s.tag, s.arg, s.spelled, lookup);
    }
    const left = [...popt.leftovers];
    if (e.cmd === 'set') {
      if (left.length < 3) throw new UsageError('--set option requires 3 timeout values');
      const [a, b, c] = left.splice(0, 3) as [string, string, string];
      e.timeouts = { tcp: timeout(a, 0), tcpFin: timeout(b, 0), udp: timeout(c, 0) };
    }
    if (left.length > 0) throw new UsageError(`unexpected argument ${left[0]}`);
    if (e.svc.schedFlagsArg) {
      const r = parseSchedFlags(e.svc.sched, e.svc.schedFlagsArg);
      if ('error' in r) throw new UsageError(r.error);
      e.svc.schedFlags = r.flags;
    }
    return { kind: 'run', command: buildCommand(e) };
  } catch (err) {
    if (err instanceof UsageError) return { kind: 'exit', code: err.code, stdout: '', stderr: `${err.message}\n` };
    throw err;
  }
}
