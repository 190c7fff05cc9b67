// IPVS model <-> generic netlink attributes: encode* builds request nests, decode* reads replies.
//
//  IPVS_CMD_ATTR_SERVICE (nest)          IPVS_CMD_ATTR_DEST (nest)
//   ├ AF u16                              ├ ADDR_FAMILY u16, ADDR 16 B, PORT be16
//   ├ FWMARK u32 | PROTOCOL u16,          ├ FWD_METHOD u32, WEIGHT u32
//   │   ADDR 16 B, PORT be16              ├ TUN_TYPE u8, TUN_PORT be16, TUN_FLAGS u16
//   └ SCHED_NAME, PE_NAME, FLAGS{flags,   └ U_THRESH u32, L_THRESH u32
//     mask}, TIMEOUT u32, NETMASK u32       (replies add conns and STATS/STATS64 nests)
import { addrBytes, addrText, bytesToU32, u32ToBytes } from '../model/addr.js';
import { PROTOCOL_NUMBER } from '../model/key.js';
import {
  type Daemon, type DaemonKey, type Dest, type DestEntry, type DestKey, type Family, type Forward, type Info,
  type Protocol, type Service, type ServiceEntry, type ServiceKey, type Stats, type Timeouts, type TunnelCsum, type TunnelType,
  zeroStats,
} from '../model/types.js';
import { attrStr, decodeAttrs, forEachAttr, type Attrs, type NlWriter } from './attr.js';
import { decodeStats, decodeStatsAt } from './stats.js';
import * as U from './uapi.js';

export { decodeStats };

const FAMILY_AF: Record<Family, number> = { 4: U.AF_INET, 6: U.AF_INET6 };
const FWD_NUMBER: Record<Forward, number> = { masq: U.IP_VS_CONN_F_MASQ, local: U.IP_VS_CONN_F_LOCALNODE, ipip: U.IP_VS_CONN_F_TUNNEL, gate: U.IP_VS_CONN_F_DROUTE };
const FWD_NAME: Forward[] = ['masq', 'local', 'ipip', 'gate'];
const TUN_TYPES: TunnelType[] = ['ipip', 'gue', 'gre'];
const TUN_CSUM_NUMBER: Record<TunnelCsum, number> = { nocsum: 0, csum: 1, remcsum: 2 };

/** Thrown when a kernel reply lacks an attribute the protocol requires. */
export class DecodeError extends Error {
  constructor(what: string) {
    super(`malformed IPVS reply: ${what}`);
    this.name = 'DecodeError';
  }
}

function need(a: Attrs, type: number, what: string): Buffer {
  const b = a[type];
  if (!b) throw new DecodeError(`missing ${what}`);
  return b;
}

function familyOf(af: number): Family {
  if (af === U.AF_INET) return 4;
  if (af === U.AF_INET6) return 6;
  throw new DecodeError(`address family ${af}`);
}

function addr16(af: Family, text: string): Uint8Array {
  const out = new Uint8Array(16);
  out.set(addrBytes(af, text));
  return out;
}

function protocolOf(n: number): Protocol {
  if (n === U.IPPROTO_TCP) return 'tcp';
  if (n === U.IPPROTO_UDP) return 'udp';
  if (n === U.IPPROTO_SCTP) return 'sctp';
  throw new DecodeError(`protocol ${n}`);
}

/** Writes the identifying part of a service nest (AF plus FWMARK, or PROTOCOL, ADDR, PORT). */
function putKey(w: NlWriter, k: ServiceKey): void {
  w.u16(U.IPVS_SVC_ATTR_AF, FAMILY_AF[k.af]);
  if (k.kind === 'fwmark') {
    w.u32(U.IPVS_SVC_ATTR_FWMARK, k.fwmark);
  } else {
    w.u16(U.IPVS_SVC_ATTR_PROTOCOL, PROTOCOL_NUMBER[k.protocol]);
    w.bytes(U.IPVS_SVC_ATTR_ADDR, addr16(k.af, k.addr));
    w.be16(U.IPVS_SVC_ATTR_PORT, k.port);
  }
}

/** IPVS_CMD_ATTR_SERVICE with only the key (DEL, ZERO, GET, and the service of a dest command). */
export function encodeServiceKey(w: NlWriter, k: ServiceKey): void {
  const n = w.nestStart(U.IPVS_CMD_ATTR_SERVICE);
  putKey(w, k);
  w.nestEnd(n);
}

/** The service flag bits of a Service. */
export function serviceFlags(s: Service): number {
  return (s.persistent ? U.IP_VS_SVC_F_PERSISTENT : 0) | (s.onePacket ? U.IP_VS_SVC_F_ONEPACKET : 0) | ((s.schedFlags & 7) * U.IP_VS_SVC_F_SCHED1);
}

/** IPVS_CMD_ATTR_SERVICE, full entry (NEW_SERVICE, SET_SERVICE). */
export function encodeService(w: NlWriter, s: Service): void {
  const n = w.nestStart(U.IPVS_CMD_ATTR_SERVICE);
  putKey(w, s.key);
  w.str(U.IPVS_SVC_ATTR_SCHED_NAME, s.scheduler);
  if (s.pe) w.str(U.IPVS_SVC_ATTR_PE_NAME, s.pe);
  const flags = Buffer.alloc(8);
  flags.writeUInt32LE(serviceFlags(s), 0);
  flags.writeUInt32LE(0xffffffff, 4);
  w.bytes(U.IPVS_SVC_ATTR_FLAGS, flags);
  w.u32(U.IPVS_SVC_ATTR_TIMEOUT, s.timeout);
  if (s.key.af === 4) w.be32(U.IPVS_SVC_ATTR_NETMASK, s.netmask);
  else w.u32(U.IPVS_SVC_ATTR_NETMASK, s.netmask);
  w.nestEnd(n);
}

/** IPVS_CMD_ATTR_DEST, full entry (every field, as libipvs sends it). */
export function encodeDest(w: NlWriter, d: Dest): void {
  const n = w.nestStart(U.IPVS_CMD_ATTR_DEST);
  w.u16(U.IPVS_DEST_ATTR_ADDR_FAMILY, FAMILY_AF[d.af]);
  w.bytes(U.IPVS_DEST_ATTR_ADDR, addr16(d.af, d.addr));
  w.be16(U.IPVS_DEST_ATTR_PORT, d.port);
  w.u32(U.IPVS_DEST_ATTR_FWD_METHOD, FWD_NUMBER[d.fwd]);
  w.u32(U.IPVS_DEST_ATTR_WEIGHT, d.weight);
  w.u8(U.IPVS_DEST_ATTR_TUN_TYPE, TUN_TYPES.indexOf(d.tunnel.type));
  w.be16(U.IPVS_DEST_ATTR_TUN_PORT, d.tunnel.port);
  w.u16(U.IPVS_DEST_ATTR_TUN_FLAGS, TUN_CSUM_NUMBER[d.tunnel.csum]);
  w.u32(U.IPVS_DEST_ATTR_U_THRESH, d.upperThreshold);
  w.u32(U.IPVS_DEST_ATTR_L_THRESH, d.lowerThreshold);
  w.nestEnd(n);
}

/** IPVS_CMD_ATTR_DEST with the key fields only (DEL_DEST); the kernel still wants a complete nest, so defaults fill it. */
export function encodeDestKey(w: NlWriter, d: DestKey): void {
  encodeDest(w, { ...d, fwd: 'gate', weight: 0, upperThreshold: 0, lowerThreshold: 0, tunnel: { type: 'ipip', port: 0, csum: 'nocsum' } });
}

/** Offsets and lengths of one nest's attributes by type (-1: absent), reused: listings decode thousands of dests. */
const at = new Int32Array(32);
const atLen = new Int32Array(32);

function scanNest(b: Buffer): void {
  at.fill(-1);
  forEachAttr(b, 0, b.length, (type, off, len) => {
    if (type < at.length) { at[type] = off; atLen[type] = len; }
  });
}

function at32(b: Buffer, type: number, what: string): number {
  if (at[type]! < 0) throw new DecodeError(`missing ${what}`);
  return b.readUInt32LE(at[type]!);
}

/** The stats of the scanned nest: STATS64 if present, else the 32-bit STATS. */
function statsIn(b: Buffer, t64: number, t32: number): Stats {
  const o64 = at[t64]!;
  const o32 = at[t32]!;
  if (o64 >= 0) return decodeStatsAt(b, o64, o64 + atLen[t64]!, true);
  return o32 >= 0 ? decodeStatsAt(b, o32, o32 + atLen[t32]!, false) : zeroStats();
}

/** A NUL-terminated string attribute of the scanned nest. */
function strIn(b: Buffer, type: number): string {
  const from = at[type]!;
  const end = from + atLen[type]!;
  const z = b.indexOf(0, from);
  return b.toString('utf8', from, z < 0 || z > end ? end : z);
}

function has(type: number, what: string): number {
  if (at[type]! < 0) throw new DecodeError(`missing ${what}`);
  return at[type]!;
}

/** Decodes the attributes inside an IPVS_CMD_ATTR_SERVICE reply nest, in place (listings decode thousands). */
export function decodeService(nest: Buffer): ServiceEntry {
  scanNest(nest);
  const af = familyOf(nest.readUInt16LE(has(U.IPVS_SVC_ATTR_AF, 'service AF')));
  const fw = at[U.IPVS_SVC_ATTR_FWMARK]!;
  const fwmark = fw >= 0 ? nest.readUInt32LE(fw) : 0;
  let key: ServiceKey;
  if (fwmark) {
    key = { kind: 'fwmark', af, fwmark };
  } else {
    const addr = has(U.IPVS_SVC_ATTR_ADDR, 'service ADDR');
    key = {
      kind: 'addr', af,
      protocol: protocolOf(nest.readUInt16LE(has(U.IPVS_SVC_ATTR_PROTOCOL, 'service PROTOCOL'))),
      addr: addrText(af, nest.subarray(addr, addr + (af === 4 ? 4 : 16))),
      port: nest.readUInt16BE(has(U.IPVS_SVC_ATTR_PORT, 'service PORT')),
    };
  }
  const fl = has(U.IPVS_SVC_ATTR_FLAGS, 'service FLAGS');
  const flags = nest.readUInt32LE(fl) & nest.readUInt32LE(fl + 4);
  const nm = has(U.IPVS_SVC_ATTR_NETMASK, 'service NETMASK');
  has(U.IPVS_SVC_ATTR_SCHED_NAME, 'service SCHED_NAME');
  return {
    key,
    scheduler: strIn(nest, U.IPVS_SVC_ATTR_SCHED_NAME),
    pe: at[U.IPVS_SVC_ATTR_PE_NAME]! >= 0 ? strIn(nest, U.IPVS_SVC_ATTR_PE_NAME) : '',
    persistent: (flags & U.IP_VS_SVC_F_PERSISTENT) !== 0,
    timeout: nest.readUInt32LE(has(U.IPVS_SVC_ATTR_TIMEOUT, 'service TIMEOUT')),
    netmask: af === 4 ? nest.readUInt32BE(nm) : nest.readUInt32LE(nm),
    onePacket: (flags & U.IP_VS_SVC_F_ONEPACKET) !== 0,
    schedFlags: (flags / U.IP_VS_SVC_F_SCHED1) & 7,
    stats: statsIn(nest, U.IPVS_SVC_ATTR_STATS64, U.IPVS_SVC_ATTR_STATS),
  };
}

/** Decodes the attributes inside an IPVS_CMD_ATTR_DEST reply nest; svcAf is used when ADDR_FAMILY is absent. */
export function decodeDest(nest: Buffer, svcAf: Family): DestEntry {
  scanNest(nest);
  const af = at[U.IPVS_DEST_ATTR_ADDR_FAMILY]! >= 0 ? familyOf(nest.readUInt16LE(at[U.IPVS_DEST_ATTR_ADDR_FAMILY]!)) : svcAf;
  if (at[U.IPVS_DEST_ATTR_ADDR]! < 0) throw new DecodeError('missing dest ADDR');
  if (at[U.IPVS_DEST_ATTR_PORT]! < 0) throw new DecodeError('missing dest PORT');
  const addrAt = at[U.IPVS_DEST_ATTR_ADDR]!;
  const tt = at[U.IPVS_DEST_ATTR_TUN_TYPE]!;
  const tp = at[U.IPVS_DEST_ATTR_TUN_PORT]!;
  const tf = at[U.IPVS_DEST_ATTR_TUN_FLAGS]!;
  const csum = tf >= 0 ? nest.readUInt16LE(tf) : 0;
  return {
    af,
    addr: addrText(af, nest.subarray(addrAt, addrAt + (af === 4 ? 4 : 16))),
    port: nest.readUInt16BE(at[U.IPVS_DEST_ATTR_PORT]!),
    fwd: FWD_NAME[at32(nest, U.IPVS_DEST_ATTR_FWD_METHOD, 'dest FWD_METHOD') & U.IP_VS_CONN_F_FWD_MASK] ?? 'gate',
    weight: at32(nest, U.IPVS_DEST_ATTR_WEIGHT, 'dest WEIGHT'),
    upperThreshold: at32(nest, U.IPVS_DEST_ATTR_U_THRESH, 'dest U_THRESH'),
    lowerThreshold: at32(nest, U.IPVS_DEST_ATTR_L_THRESH, 'dest L_THRESH'),
    tunnel: {
      type: TUN_TYPES[tt >= 0 ? nest.readUInt8(tt) : 0] ?? 'ipip',
      port: tp >= 0 ? nest.readUInt16BE(tp) : 0,
      csum: csum & 2 ? 'remcsum' : csum & 1 ? 'csum' : 'nocsum',
    },
    activeConns: at32(nest, U.IPVS_DEST_ATTR_ACTIVE_CONNS, 'dest ACTIVE_CONNS'),
    inactConns: at32(nest, U.IPVS_DEST_ATTR_INACT_CONNS, 'dest INACT_CONNS'),
    persistConns: at32(nest, U.IPVS_DEST_ATTR_PERSIST_CONNS, 'dest PERSIST_CONNS'),
    stats: statsIn(nest, U.IPVS_DEST_ATTR_STATS64, U.IPVS_DEST_ATTR_STATS),
  };
}

/** Decodes GET_INFO's top-level attributes. */
export function decodeInfo(a: Attrs): Info {
  return {
    version: need(a, U.IPVS_INFO_ATTR_VERSION, 'INFO_ATTR_VERSION').readUInt32LE(0),
    connTabSize: need(a, U.IPVS_INFO_ATTR_CONN_TAB_SIZE, 'INFO_ATTR_CONN_TAB_SIZE').readUInt32LE(0),
  };
}

/** Decodes GET_CONFIG's top-level attributes. */
export function decodeTimeouts(a: Attrs): Timeouts {
  const get = (t: number): number => a[t]?.readUInt32LE(0) ?? 0;
  return { tcp: get(U.IPVS_CMD_ATTR_TIMEOUT_TCP), tcpFin: get(U.IPVS_CMD_ATTR_TIMEOUT_TCP_FIN), udp: get(U.IPVS_CMD_ATTR_TIMEOUT_UDP) };
}

/** SET_CONFIG's top-level attributes. */
export function encodeTimeouts(w: NlWriter, t: Timeouts): void {
  w.u32(U.IPVS_CMD_ATTR_TIMEOUT_TCP, t.tcp).u32(U.IPVS_CMD_ATTR_TIMEOUT_TCP_FIN, t.tcpFin).u32(U.IPVS_CMD_ATTR_TIMEOUT_UDP, t.udp);
}

const STATE_NUMBER = { master: U.IP_VS_STATE_MASTER, backup: U.IP_VS_STATE_BACKUP };

/** IPVS_CMD_ATTR_DAEMON for NEW_DAEMON (optional fields only when set, as libipvs does). */
export function encodeDaemon(w: NlWriter, d: Daemon): void {
  const n = w.nestStart(U.IPVS_CMD_ATTR_DAEMON);
  w.u32(U.IPVS_DAEMON_ATTR_STATE, STATE_NUMBER[d.state]).str(U.IPVS_DAEMON_ATTR_MCAST_IFN, d.mcastIfn).u32(U.IPVS_DAEMON_ATTR_SYNC_ID, d.syncId);
  if (d.syncMaxlen) w.u16(U.IPVS_DAEMON_ATTR_SYNC_MAXLEN, d.syncMaxlen);
  if (d.mcastPort) w.u16(U.IPVS_DAEMON_ATTR_MCAST_PORT, d.mcastPort);
  if (d.mcastTtl) w.u8(U.IPVS_DAEMON_ATTR_MCAST_TTL, d.mcastTtl);
  if (d.mcastGroup?.af === 6) w.bytes(U.IPVS_DAEMON_ATTR_MCAST_GROUP6, addrBytes(6, d.mcastGroup.addr));
  else if (d.mcastGroup) w.bytes(U.IPVS_DAEMON_ATTR_MCAST_GROUP, addrBytes(4, d.mcastGroup.addr));
  w.nestEnd(n);
}

/** IPVS_CMD_ATTR_DAEMON for DEL_DAEMON. */
export function encodeDaemonKey(w: NlWriter, d: DaemonKey): void {
  const n = w.nestStart(U.IPVS_CMD_ATTR_DAEMON);
  w.u32(U.IPVS_DAEMON_ATTR_STATE, STATE_NUMBER[d.state]).str(U.IPVS_DAEMON_ATTR_MCAST_IFN, d.mcastIfn).u32(U.IPVS_DAEMON_ATTR_SYNC_ID, d.syncId);
  w.nestEnd(n);
}

/** Decodes an IPVS_CMD_ATTR_DAEMON reply nest; undefined for a stopped slot. */
export function decodeDaemon(nest: Buffer): Daemon | undefined {
  const a = decodeAttrs(nest);
  const st = need(a, U.IPVS_DAEMON_ATTR_STATE, 'daemon STATE').readUInt32LE(0);
  const state = st & U.IP_VS_STATE_MASTER ? 'master' : st & U.IP_VS_STATE_BACKUP ? 'backup' : undefined;
  if (!state) return undefined;
  const d: Daemon = {
    state,
    mcastIfn: attrStr(need(a, U.IPVS_DAEMON_ATTR_MCAST_IFN, 'daemon MCAST_IFN')),
    syncId: need(a, U.IPVS_DAEMON_ATTR_SYNC_ID, 'daemon SYNC_ID').readUInt32LE(0),
  };
  const ml = a[U.IPVS_DAEMON_ATTR_SYNC_MAXLEN];
  if (ml) d.syncMaxlen = ml.readUInt16LE(0);
  const g6 = a[U.IPVS_DAEMON_ATTR_MCAST_GROUP6];
  const g4 = a[U.IPVS_DAEMON_ATTR_MCAST_GROUP];
  if (g6) d.mcastGroup = { af: 6, addr: addrText(6, g6) };
  else if (g4) d.mcastGroup = { af: 4, addr: addrText(4, u32ToBytes(bytesToU32(g4))) };
  const port = a[U.IPVS_DAEMON_ATTR_MCAST_PORT];
  if (port) d.mcastPort = port.readUInt16LE(0);
  const ttl = a[U.IPVS_DAEMON_ATTR_MCAST_TTL];
  if (ttl) d.mcastTtl = ttl.readUInt8(0);
  return d;
}
