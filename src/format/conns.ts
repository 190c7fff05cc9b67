// The -c view: ipvsadm's list_conn / print_conn layouts (the --persistent-conn header is wider than its rows, as in 1.31).
import type { ConnEntry } from '../model/types.js';
import { left, type AddrPortNamer } from './text.js';

/** list_conn's header and one line per connection. */
export function formatConns(conns: ConnEntry[], persistent: boolean, name: AddrPortNamer): string {
  let out = 'IPVS connection entries\n';
  out += persistent
    ? `pro expire ${left('state', 11)} ${left('source', 18)} ${left('virtual', 18)} ${left('destination', 18)} ${left('pe name', 16)} pe_data\n`
    : `pro expire ${left('state', 11)} ${left('source', 18)} ${left('virtual', 18)} destination\n`;
  for (const c of conns) {
    const exp = `${String(Math.floor(c.expires / 60)).padStart(2, '0')}:${String(c.expires % 60).padStart(2, '0')}`;
    const src = name(c.client.af, c.client.addr, c.client.port, c.proto);
    const vip = name(c.virtual.af, c.virtual.addr, c.virtual.port, c.proto);
    const dst = name(c.dest.af, c.dest.addr, c.dest.port, c.proto);
    const head = `${left(c.protocol, 3)} ${left(exp, 6)} ${left(c.state, 11)} ${left(src, 18)} ${left(vip, 18)}`;
    out += persistent && c.pe ? `${head} ${left(dst, 16)} ${left(c.pe.name, 18)} ${c.pe.data}\n` : `${head} ${dst}\n`;
  }
  return out;
}
