// process_options' checks after parsing: the commands x options matrix, then per-command rules; builds the Command.
import { addrText } from '../model/addr.js';
import type { Daemon, Dest, Service, ServiceKey } from '../model/types.js';
import type { Command, ListTarget } from './command.js';
import { MATRIX, OPTIONS, TUNNEL_MATRIX, TUNNEL_OPTIONS, type CommandName, type OptionName } from './options.js';
import { UsageError, type Entry } from './state.js';

/** generic_opt_check / tunnel_opt_check: walks one matrix row in option order. */
function checkRow(row: string, names: readonly OptionName[], has: (o: OptionName) => boolean, what: string): void {
  let last: OptionName | undefined;
  names.forEach((name, j) => {
    const rule = row[j];
    if (!has(name)) {
      if (rule === '+') throw new UsageError(`You need to supply the '${name}' option for the ${what}`);
      return;
    }
    if (rule === 'x') throw new UsageError(`Illegal '${name}' option with the ${what}`);
    if (rule === '1') {
      if (last === undefined) last = name;
      else throw new UsageError(`The option '${name}' conflicts with the '${last}' option in the ${what}`);
    }
  });
}

/** Checks the commands x options matrix for an entry. */
export function checkMatrix(cmd: CommandName, options: Set<OptionName>): void {
  checkRow(MATRIX[cmd], OPTIONS, (o) => options.has(o), `'${cmd}' command`);
}

function serviceKey(e: Entry): ServiceKey {
  const { svc } = e;
  const af = svc.af === 0 ? 4 : svc.af;
  if (svc.fwmark) return { kind: 'fwmark', af, fwmark: svc.fwmark };
  return { kind: 'addr', af, protocol: svc.protocol ?? 'tcp', addr: addrText(af, svc.addr.subarray(0, af === 4 ? 4 : 16)), port: svc.port };
}

function service(e: Entry): Service {
  const { svc } = e;
  return {
    key: serviceKey(e), scheduler: svc.sched || 'wlc', pe: svc.pe, persistent: svc.persistent, timeout: svc.timeout,
    netmask: svc.netmask, onePacket: svc.onePacket, schedFlags: svc.schedFlags,
  };
}

function dest(e: Entry): Dest {
  const { dest: d } = e;
  const af = d.af === 0 ? 4 : d.af;
  return {
    af, addr: addrText(af, d.addr.subarray(0, af === 4 ? 4 : 16)), port: d.port, fwd: d.fwd, weight: d.weight,
    upperThreshold: d.upper, lowerThreshold: d.lower,
    tunnel: { type: d.tunType, port: d.tunPort, csum: d.tunFlags & 2 ? 'remcsum' : d.tunFlags & 1 ? 'csum' : 'nocsum' },
  };
}

/** Add/edit of a service: port zero needs persistence, one-packet needs UDP or a fwmark. */
function checkService(e: Entry): void {
  const { svc } = e;
  if (!svc.fwmark && !svc.port && !svc.persistent) throw new UsageError('Zero port specified for non-persistent service');
  if (svc.onePacket && !svc.fwmark && svc.protocol !== 'udp') throw new UsageError('One-Packet Scheduling is only for UDP virtual services');
}

/** Add/edit of a real server: DR/TUN port override, address families, tunnel options. */
function checkDest(e: Entry): void {
  const { svc, dest: d, options } = e;
  if (!svc.fwmark && (d.fwd === 'ipip' || d.fwd === 'gate')) d.port = svc.port;
  if (d.af !== svc.af && d.fwd !== 'ipip') throw new UsageError('Different address family is allowed only for tunneling servers');
  if (TUNNEL_OPTIONS.some((o) => options.has(o)) || options.has('tun-type')) {
    if (d.fwd !== 'ipip') throw new UsageError('Tunnel options conflict with forward method');
  }
  checkRow(TUNNEL_MATRIX[d.tunType], TUNNEL_OPTIONS, (o) => options.has(o), `'${d.tunType}' tunnel type`);
}

function listTarget(e: Entry): ListTarget {
  const o = e.options;
  const any = (...names: OptionName[]): boolean => names.some((n) => o.has(n));
  if ((any('connection', 'timeout', 'daemon') && any('stats', 'rate', 'thresholds')) || (any('timeout', 'daemon') && o.has('persistent-conn'))) {
    throw new UsageError('options conflicts in the list command');
  }
  if (o.has('connection')) return { kind: 'connections' };
  if (o.has('service-address')) return { kind: 'service', key: serviceKey(e) };
  if (o.has('timeout')) return { kind: 'timeout' };
  if (o.has('daemon')) return { kind: 'daemon' };
  return { kind: 'all' };
}

function daemon(e: Entry): Daemon {
  const d = e.daemon;
  const out: Daemon = { state: d.state, mcastIfn: d.mcastIfn || 'eth0', syncId: d.syncId };
  if (d.syncMaxlen) out.syncMaxlen = d.syncMaxlen;
  if (d.mcastGroup) out.mcastGroup = { af: d.mcastGroup.af, addr: addrText(d.mcastGroup.af, d.mcastGroup.addr) };
  if (d.mcastPort) out.mcastPort = d.mcastPort;
  if (d.mcastTtl) out.mcastTtl = d.mcastTtl;
  return out;
}

/** True when -Z names a service (ipvs_zero_service sends a service only if fwmark, address or port is set). */
function zeroNamesService(e: Entry): boolean {
  return e.svc.fwmark !== 0 || e.svc.port !== 0 || e.svc.addr.some((b) => b !== 0);
}

/** Runs process_options' checks on a parsed entry and returns the command it asks for. */
export function buildCommand(e: Entry): Command {
  checkMatrix(e.cmd, e.options);
  if (e.cmd === 'add-service' || e.cmd === 'edit-service') checkService(e);
  if (e.cmd === 'add-server' || e.cmd === 'edit-server') checkDest(e);
  switch (e.cmd) {
    case 'list': return { kind: 'list', target: listTarget(e), format: e.format };
    case 'restore': return { kind: 'restore' };
    case 'save': return { kind: 'save', numeric: e.format.numeric };
    case 'flush': return { kind: 'flush' };
    case 'add-service': return { kind: 'add-service', service: service(e) };
    case 'edit-service': return { kind: 'edit-service', service: service(e) };
    case 'delete-service': return { kind: 'delete-service', key: serviceKey(e) };
    case 'zero': return { kind: 'zero', key: zeroNamesService(e) ? serviceKey(e) : undefined };
    case 'add-server': return { kind: 'add-dest', key: serviceKey(e), dest: dest(e) };
    case 'edit-server': return { kind: 'edit-dest', key: serviceKey(e), dest: dest(e) };
    case 'delete-server': {
      const d = dest(e);
      return { kind: 'delete-dest', key: serviceKey(e), dest: { af: d.af, addr: d.addr, port: d.port } };
    }
    case 'set': return { kind: 'set-timeouts', timeouts: e.timeouts };
    case 'start-daemon': return { kind: 'start-daemon', daemon: daemon(e) };
    case 'stop-daemon': return { kind: 'stop-daemon', daemon: { state: e.daemon.state, mcastIfn: e.daemon.mcastIfn, syncId: e.daemon.syncId } };
  }
}
