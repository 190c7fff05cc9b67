// The -S rules view (FMT_RULE): one -A line per service, one -a line per real server; D1 and D3 applied.
import type { DestEntry } from '../model/types.js';
import type { Row } from './list.js';
import { serviceProtocol } from './list.js';
import { dottedMask, FWD_SWITCH, PROTO_OPTION, schedFlagNames, type AddrPortNamer } from './text.js';

function ruleName(r: Row, name: AddrPortNamer): string {
  const k = r.svc.key;
  if (k.kind === 'fwmark') return k.af === 6 ? `-f ${k.fwmark} -6` : `-f ${k.fwmark}`;
  return `${PROTO_OPTION[k.protocol]} ${name(k.af, k.addr, k.port, k.protocol)}`;
}

function tunnelRule(d: DestEntry): string {
  if (d.fwd !== 'ipip') return '';
  const t = d.tunnel;
  const csum = ` --tun-${t.csum}`;
  if (t.type === 'gre') return ` --tun-type gre${csum}`;
  if (t.type === 'gue') return ` --tun-type gue --tun-port ${t.port}${csum}`;
  return ' --tun-type ipip';
}

/** D3: thresholds are saved when non-zero, so that -S | -R loses nothing. */
function thresholdRule(d: DestEntry): string {
  return d.upperThreshold || d.lowerThreshold ? ` -x ${d.upperThreshold} -y ${d.lowerThreshold}` : '';
}

/** print_service_entry in rule mode for one service and its real servers. */
export function formatRules(r: Row, name: AddrPortNamer): string {
  const s = r.svc;
  const sn = ruleName(r, name);
  let out = `-A ${sn} -s ${s.scheduler}`;
  if (s.persistent) {
    out += ` -p ${s.timeout}`;
    if (s.key.af === 4 && s.netmask !== 0xffffffff) out += ` -M ${dottedMask(s.netmask)}`;
    if (s.key.af === 6 && s.netmask !== 128) out += ` -M ${s.netmask | 0}`;
  }
  if (s.pe) out += ` --pe ${s.pe}`;
  if (s.onePacket) out += ' -o';
  if (s.schedFlags & 7) out += ` -b ${schedFlagNames(s)}`;
  const proto = serviceProtocol(s);
  // joined flat, as listing rows are (format/list.ts)
  return [`${out}\n`, ...r.dests.map((d) =>
    `-a ${sn} -r ${name(d.af, d.addr, d.port, proto)} ${FWD_SWITCH[d.fwd]} -w ${d.weight | 0}${tunnelRule(d)}${thresholdRule(d)}\n`)].join('');
}
