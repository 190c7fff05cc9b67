// The IPVS table as plain data: services, real servers, counters, timeouts, sync daemons.

/** Address family of a service, real server or multicast group. */
export type Family = 4 | 6;

/** Transport protocol of an address-based virtual service. */
export type Protocol = 'tcp' | 'udp' | 'sctp';

/**
 * What identifies a virtual service: protocol, address and port, or a firewall mark.
 * Addresses are kept in their canonical text form (as inet_ntop prints them).
 */
export type ServiceKey =
  | { kind: 'addr'; af: Family; protocol: Protocol; addr: string; port: number }
  | { kind: 'fwmark'; af: Family; fwmark: number };

/** A virtual service as configured (what NEW_SERVICE / SET_SERVICE carry). */
export interface Service {
  key: ServiceKey;
  /** Scheduler name, e.g. `wlc`. */
  scheduler: string;
  /** Persistence engine name, or '' for none. */
  pe: string;
  /** IP_VS_SVC_F_PERSISTENT. */
  persistent: boolean;
  /** Persistence timeout in seconds (meaningful when persistent). */
  timeout: number;
  /** IPv4: the mask as a 32-bit number (255.255.255.0 is 0xffffff00); IPv6: the prefix length. */
  netmask: number;
  /** IP_VS_SVC_F_ONEPACKET. */
  onePacket: boolean;
  /** Scheduler flag bits: 1 = IP_VS_SVC_F_SCHED1, 2 = SCHED2, 4 = SCHED3. */
  schedFlags: number;
}

/** Packet and byte counters plus the kernel's rate estimates. */
export interface Stats {
  conns: bigint;
  inpkts: bigint;
  outpkts: bigint;
  inbytes: bigint;
  outbytes: bigint;
  cps: bigint;
  inpps: bigint;
  outpps: bigint;
  inbps: bigint;
  outbps: bigint;
}

/** A service as the kernel reports it. */
export interface ServiceEntry extends Service {
  stats: Stats;
}

/** Forwarding method of a real server; `local` is reported by old kernels only and saved as `-g`. */
export type Forward = 'masq' | 'gate' | 'ipip' | 'local';

/** Tunnel encapsulation of an `ipip` real server. */
export type TunnelType = 'ipip' | 'gue' | 'gre';

/** Tunnel checksum mode. */
export type TunnelCsum = 'nocsum' | 'csum' | 'remcsum';

/** Tunnel parameters of a real server. */
export interface Tunnel {
  type: TunnelType;
  /** GUE destination port, 0 when unused. */
  port: number;
  csum: TunnelCsum;
}

/** What identifies a real server within its service. */
export interface DestKey {
  af: Family;
  addr: string;
  port: number;
}

/** A real server as configured (what NEW_DEST / SET_DEST carry). */
export interface Dest extends DestKey {
  fwd: Forward;
  weight: number;
  upperThreshold: number;
  lowerThreshold: number;
  tunnel: Tunnel;
}

/** A real server as the kernel reports it. */
export interface DestEntry extends Dest {
  activeConns: number;
  inactConns: number;
  persistConns: number;
  stats: Stats;
}

/** What the default listing view prints of a real server (all that /proc/net/ip_vs shows of one). */
export type DestSummary = Pick<DestEntry, 'af' | 'addr' | 'port' | 'fwd' | 'weight' | 'activeConns' | 'inactConns'>;

/** Connection timeouts in seconds (0 in a SET means: keep the current value). */
export interface Timeouts {
  tcp: number;
  tcpFin: number;
  udp: number;
}

/** GET_INFO: IPVS version (0x010201 is 1.2.1) and connection table size. */
export interface Info {
  version: number;
  connTabSize: number;
}

/** Sync daemon role. */
export type DaemonState = 'master' | 'backup';

/** A connection synchronisation daemon. Optional fields are omitted when unset. */
export interface Daemon {
  state: DaemonState;
  mcastIfn: string;
  syncId: number;
  syncMaxlen?: number;
  mcastGroup?: { af: Family; addr: string };
  mcastPort?: number;
  mcastTtl?: number;
}

/** Identifies the daemon to stop. */
export interface DaemonKey {
  state: DaemonState;
  mcastIfn: string;
  syncId: number;
}

/** One connection row. */
export interface ConnEntry {
  /** The protocol word as the kernel wrote it (TCP, UDP, SCTP, ...). */
  protocol: string;
  proto: Protocol | undefined;
  client: { af: Family; addr: string; port: number };
  virtual: { af: Family; addr: string; port: number };
  dest: { af: Family; addr: string; port: number };
  state: string;
  expires: number;
  /** Present when the row carries persistence-engine data (sscanf matched all 11 fields). */
  pe?: { name: string; data: string };
}

/** All-zero counters. */
export function zeroStats(): Stats {
  return { conns: 0n, inpkts: 0n, outpkts: 0n, inbytes: 0n, outbytes: 0n, cps: 0n, inpps: 0n, outpps: 0n, inbps: 0n, outbps: 0n };
}
