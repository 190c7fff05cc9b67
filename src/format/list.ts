// The -L views (default, --stats, --rate, --thresholds, --persistent-conn, --tun-info), as ipvsadm 1.31 prints them.
import type { ListFormat } from '../cli/command.js';
import type { DestEntry, DestSummary, Info, Protocol, ServiceEntry } from '../model/types.js';
import { dottedMask, FWD_NAME, largenum, left, PROTO_NAME, right, schedFlagNames, type AddrPortNamer } from './text.js';

/** A service with its real servers, in the order to print them; summaries suffice for the default view. */
export interface Row<D extends DestSummary = DestEntry> {
  svc: ServiceEntry;
  dests: D[];
}

/** The plain view: none of --stats, --rate, --thresholds, --persistent-conn, --tun-info. */
export function isDefaultView(f: ListFormat): boolean {
  return !(f.stats || f.rate || f.thresholds || f.persistentConn || f.tunInfo);
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
  const head = destHead(d, proto, name);
  if (f.stats) return `${head}${statColumns(d.stats, f)}\n`;
  if (f.rate) {
    const st = d.stats;
    return `${head} ${right(st.cps, 8)} ${right(st.inpps, 8)} ${right(st.outpps, 8)}${largenum(st.inbps, f.exact)}${largenum(st.outbps, f.exact)}\n`;
  }
  if (f.thresholds) return `${head} ${[d.upperThreshold, d.lowerThreshold, d.activeConns, d.inactConns].map((n) => left(n, 10)).join(' ')}\n`;
  if (f.persistentConn) return `${head} ${left(d.weight, 9)} ${left(d.persistConns, 11)} ${left(d.activeConns, 10)} ${left(d.inactConns, 10)}\n`;
  if (f.tunInfo) return `${head} ${left(FWD_NAME[d.fwd], 7)} ${left(tunnelInfo(d), 13)} ${left(d.weight | 0, 6)} ${left(d.activeConns, 10)} ${left(d.inactConns, 10)}\n`;
  return defaultDestLine(d, proto, name);
}

function destHead(d: DestSummary, proto: Protocol | undefined, name: AddrPortNamer): string {
  const dn = name(d.af, d.addr, d.port, proto);
  return `  -> ${left(d.af !== 6 ? dn.slice(0, 28) : dn, 28)}`;
}

function defaultDestLine(d: DestSummary, proto: Protocol | undefined, name: AddrPortNamer): string {
  return `${destHead(d, proto, name)} ${left(FWD_NAME[d.fwd], 7)} ${left(d.weight | 0, 6)} ${left(d.activeConns, 10)} ${left(d.inactConns, 10)}\n`;
}

/** print_service_entry in the default view, which needs no more of a real server than /proc/net/ip_vs shows. */
export function formatSummaryRow(r: Row<DestSummary>, name: AddrPortNamer): string {
  const proto = serviceProtocol(r.svc);
  return [`${listName(r.svc, name)}${serviceDetails(r.svc)}\n`, ...r.dests.map((d) => defaultDestLine(d, proto, name))].join('');
}

/**
 * print_service_entry in list mode: the service line and one line per real server. Rows are joined into one
 * flat string: a large listing keeps every row until it is written, and a chain of `+=` would keep each
 * line's pieces as well (about six times the text, measured on 10,000 x 10).
 */
export function formatRow(r: Row, f: ListFormat, name: AddrPortNamer): string {
  if (isDefaultView(f)) return formatSummaryRow(r, name);
  const sn = listName(r.svc, name);
  const head = f.stats || f.rate ? `${left(sn, 33)}${statColumns(r.svc.stats, f)}\n` : `${sn}${serviceDetails(r.svc)}\n`;
  const proto = serviceProtocol(r.svc);
  return [head, ...r.dests.map((d) => destLine(d, proto, f, name))].join('');
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
