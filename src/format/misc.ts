// The --timeout and --daemon views.
import type { Daemon, Timeouts } from '../model/types.js';

/** list_timeout. */
export function formatTimeouts(t: Timeouts): string {
  return `Timeout (tcp tcpfin udp): ${t.tcp} ${t.tcpFin} ${t.udp}\n`;
}

/** list_daemon: one line per running daemon, master first. */
export function formatDaemons(ds: Daemon[]): string {
  const order = [...ds.filter((d) => d.state === 'master'), ...ds.filter((d) => d.state === 'backup')];
  return order.map((d) => {
    let s = `${d.state} sync daemon (mcast=${d.mcastIfn}, syncid=${d.syncId}`;
    if (d.syncMaxlen) s += `, maxlen=${d.syncMaxlen}`;
    if (d.mcastGroup) s += `, group=${d.mcastGroup.addr}`;
    if (d.mcastPort) s += `, port=${d.mcastPort}`;
    if (d.mcastTtl) s += `, ttl=${d.mcastTtl}`;
    return `${s})\n`;
  }).join('');
}
