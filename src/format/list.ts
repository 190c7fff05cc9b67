// The -L views (default, --stats, --rate, --thresholds, --persistent-conn, --tun-info), as ipvsadm 1.31 prints them.
import type { ListFormat } from '../cli/command.js';
import type { DestEntry, Info, Protocol, ServiceEntry } from '../model/types.js';
import { dottedMask, FWD_NAME, largenum, left, PROTO_NAME, right, schedFlagNames, type AddrPortNamer } from './text.js';

/** A service with its real servers, in the order to print them. */
export interface Row {
  svc: ServiceEntry;
  dests: DestEntry[];
}

/** print_title. */
export function formatTitle(f: ListFormat): string {
  const sub = '  -> RemoteAddress:Port\n';
  const head = 'Prot LocalAddress:Port';
  if (f.stats) return `${left(head, 33)} ${['Conns', 'InPkts', 'OutPkts', 'InBytes', 'OutBytes'].map((s) => right(s, 8)).join(' ')}\n${sub}`;
  if (f.rate) return `${left(head, 33)} ${['CPS', 'InPPS', 'OutPPS', 'InBPS', 'OutBPS'].map((s) => right(s, 8)).join(' ')}\n${sub}`;
  if (f.thresholds) return `${left(head, 33)} ${['Uthreshold', 'Lthreshold', 'ActiveConn', 'InActConn'].map((s) => left(s, 10)).join(' ')}\n${sub}`;
  if (f.persistentConn) return `${left(head, 33)} ${left('Weight', 9)} ${left('PersistConn', 11)} ${left('ActiveConn', 10)} ${left('InActConn', 10)}\n${sub}`;
  if (f.tunInfo) return 'Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n';
  return 'Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';
}

/** The protocol used to name real-server ports; none for a fwmark service (the kernel reports protocol 0), so numeric. */
export function serviceProtocol(s: ServiceEntry): Protocol | undefined {
  return s.key.kind === 'addr' ? s.key.protocol : undefined;
}

/** svc_name in list mode: "%-4s %s", cut to 33 characters unless IPv6; fwmarks print unsigned (D1). */
function listName(s: ServiceEntry, name: AddrPortNamer): string {
  const k = s.key;
  if (k.kind === 'fwmark') return k.af === 6 ? `FWM  ${k.fwmark} IPv6` : `FWM  ${k.fwmark}`;
  const n = `${left(PROTO_NAME[k.protocol], 4)} ${name(k.af, k.addr, k.port, k.protocol)}`;
  return k.af === 6 ? n : n.slice(0, 33);
}

/** The default service line's text after the name: scheduler, flags, persistence, ops. */
function serviceDetails(s: ServiceEntry): string {
  let out = ` ${s.scheduler}`;
  const flags = schedFlagNames(s);
  if (s.schedFlags & 7) out += ` (${flags})`;
  if (s.persistent) {
    out += ` persistent ${s.timeout}`;
    if (s.key.af === 4 && s.netmask !== 0xffffffff) out += ` mask ${dottedMask(s.netmask)}`;
    if (s.key.af === 6 && s.netmask !== 128) out += ` mask ${s.netmask | 0}`;
    if (s.pe) out += ` pe ${s.pe}`;
  }
  if (s.onePacket) out += ' ops';
  return out;
}

function statColumns(st: ServiceEntry['stats'], f: ListFormat): string {
  const v = f.stats ? [st.conns, st.inpkts, st.outpkts, st.inbytes, st.outbytes] : [st.cps, st.inpps, st.outpps, st.inbps, st.outbps];
  return v.map((n) => largenum(n, f.exact)).join('');
}

/** fwd_tun_info: the TunnelInfo column. */
function tunnelInfo(d: DestEntry): string {
  if (d.fwd !== 'ipip') return 'n/a';
  const flag = { nocsum: '-c', csum: '+c', remcsum: 'r+c' }[d.tunnel.csum];
  if (d.tunnel.type === 'gue') return `gue:${d.tunnel.port}:${flag}`;
  if (d.tunnel.type === 'gre') return `gre:${flag}`;
  return 'ipip';
}

function destLine(d: DestEntry, proto: Protocol | undefined, f: ListFormat, name: AddrPortNamer): string {
  let dn = name(d.af, d.addr, d.port, proto);
  if (d.af !== 6) dn = dn.slice(0, 28);
  const head = `  -> ${left(dn, 28)}`;
  if (f.stats) return `${head}${statColumns(d.stats, f)}\n`;
  if (f.rate) {
    const st = d.stats;
    return `${head} ${right(st.cps, 8)} ${right(st.inpps, 8)} ${right(st.outpps, 8)}${largenum(st.inbps, f.exact)}${largenum(st.outbps, f.exact)}\n`;
  }
  if (f.thresholds) return `${head} ${[d.upperThreshold, d.lowerThreshold, d.activeConns, d.inactConns].map((n) => left(n, 10)).join(' ')}\n`;
  if (f.persistentConn) return `${head} ${left(d.weight, 9)} ${left(d.persistConns, 11)} ${left(d.activeConns, 10)} ${left(d.inactConns, 10)}\n`;
  if (f.tunInfo) return `${head} ${left(FWD_NAME[d.fwd], 7)} ${left(tunnelInfo(d), 13)} ${left(d.weight | 0, 6)} ${left(d.activeConns, 10)} ${left(d.inactConns, 10)}\n`;
  return `${head} ${left(FWD_NAME[d.fwd], 7)} ${left(d.weight | 0, 6)} ${left(d.activeConns, 10)} ${left(d.inactConns, 10)}\n`;
}

/** print_service_entry in list mode: the service line and one line per real server. */
export function formatRow(r: Row, f: ListFormat, name: AddrPortNamer): string {
  const sn = listName(r.svc, name);
  let out = f.stats || f.rate ? `${left(sn, 33)}${statColumns(r.svc.stats, f)}\n` : `${sn}${serviceDetails(r.svc)}\n`;
  const proto = serviceProtocol(r.svc);
  for (const d of r.dests) out += destLine(d, proto, f, name);
  return out;
}

/** list_all: the version header, the title, every row. */
export function formatListing(info: Info, rows: Row[], f: ListFormat, name: AddrPortNamer): string {
  let out = formatListingHead(info, f);
  for (const r of rows) out += formatRow(r, f, name);
  return out;
}

/** The version line and column titles that open a full listing. */
export function formatListingHead(info: Info, f: ListFormat): string {
  const v = info.version;
  return `IP Virtual Server version ${(v >> 16) & 0xff}.${(v >> 8) & 0xff}.${v & 0xff} (size=${info.connTabSize})\n${formatTitle(f)}`;
}

/** list_service: the title and one row, no version header. */
export function formatServiceListing(r: Row, f: ListFormat, name: AddrPortNamer): string {
  return formatTitle(f) + formatRow(r, f, name);
}
