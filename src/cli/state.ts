// The mutable entry one invocation fills while its options are read (ipvsadm's struct ipvs_command_entry).
import type { Family, Forward, Protocol, TunnelType } from '../model/types.js';
import type { ListFormat } from './command.js';
import type { CommandName, OptionName } from './options.js';

/** A usage failure: ipvsadm's fail(code, message), which exits. */
export class UsageError extends Error {
  readonly code: number;
  constructor(message: string, code = 2) {
    super(message);
    this.name = 'UsageError';
    this.code = code;
  }
}

/** Everything parse_options sets, with process_options' defaults. */
export interface Entry {
  cmd: CommandName;
  options: Set<OptionName>;
  format: ListFormat;
  svc: {
    /** 0 until an address or -f sets it. */
    af: Family | 0;
    protocol: Protocol | undefined;
    addr: Uint8Array;
    port: number;
    fwmark: number;
    sched: string;
    pe: string;
    persistent: boolean;
    onePacket: boolean;
    timeout: number;
    netmask: number;
    schedFlagsArg: string;
    schedFlags: number;
  };
  dest: {
    af: Family | 0;
    addr: Uint8Array;
    port: number;
    fwd: Forward;
    weight: number;
    upper: number;
    lower: number;
    tunType: TunnelType;
    tunPort: number;
    tunFlags: number;
  };
  daemon: {
    state: 'master' | 'backup';
    mcastIfn: string;
    syncId: number;
    syncMaxlen: number;
    mcastGroup: { af: Family; addr: Uint8Array } | undefined;
    mcastPort: number;
    mcastTtl: number;
  };
  timeouts: { tcp: number; tcpFin: number; udp: number };
}

/** A fresh entry for command `cmd`, with process_options' defaults (weight 1, -g, /32). */
export function newEntry(cmd: CommandName): Entry {
  return {
    cmd,
    options: new Set(),
    format: { numeric: false, stats: false, rate: false, thresholds: false, persistentConn: false, nosort: false, exact: false, tunInfo: false },
    svc: {
      af: 0, protocol: undefined, addr: new Uint8Array(16), port: 0, fwmark: 0, sched: '', pe: '',
      persistent: false, onePacket: false, timeout: 0, netmask: 0xffffffff, schedFlagsArg: '', schedFlags: 0,
    },
    dest: { af: 0, addr: new Uint8Array(16), port: 0, fwd: 'gate', weight: 1, upper: 0, lower: 0, tunType: 'ipip', tunPort: 0, tunFlags: 0 },
    daemon: { state: 'master', mcastIfn: '', syncId: 0, syncMaxlen: 0, mcastGroup: undefined, mcastPort: 0, mcastTtl: 0 },
    timeouts: { tcp: 0, tcpFin: 0, udp: 0 },
  };
}

/** set_option: each option at most once. */
export function setOption(e: Entry, name: OptionName): void {
  if (e.options.has(name)) throw new UsageError(`multiple '${name}' options specified`);
  e.options.add(name);
}
