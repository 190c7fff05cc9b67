// IPVS_*_ATTR_STATS / STATS64 nests: decoded in place, as listings decode one per service and real server.
import { zeroStats, type Stats } from '../model/types.js';
import { forEachAttr } from './attr.js';
import * as U from './uapi.js';

/** Stats field by IPVS_STATS_ATTR_* type, and whether the 32-bit STATS nest carries it as u64. */
const STAT_FIELDS: ([keyof Stats, boolean] | undefined)[] = [];
STAT_FIELDS[U.IPVS_STATS_ATTR_CONNS] = ['conns', false];
STAT_FIELDS[U.IPVS_STATS_ATTR_INPKTS] = ['inpkts', false];
STAT_FIELDS[U.IPVS_STATS_ATTR_OUTPKTS] = ['outpkts', false];
STAT_FIELDS[U.IPVS_STATS_ATTR_INBYTES] = ['inbytes', true];
STAT_FIELDS[U.IPVS_STATS_ATTR_OUTBYTES] = ['outbytes', true];
STAT_FIELDS[U.IPVS_STATS_ATTR_CPS] = ['cps', false];
STAT_FIELDS[U.IPVS_STATS_ATTR_INPPS] = ['inpps', false];
STAT_FIELDS[U.IPVS_STATS_ATTR_OUTPPS] = ['outpps', false];
STAT_FIELDS[U.IPVS_STATS_ATTR_INBPS] = ['inbps', false];
STAT_FIELDS[U.IPVS_STATS_ATTR_OUTBPS] = ['outbps', false];

/** Decodes a STATS64 nest (all u64) or, failing that, a STATS nest (u32 except bytes). */
export function decodeStats(stats64: Buffer | undefined, stats: Buffer | undefined): Stats {
  const src = stats64 ?? stats;
  return src ? decodeStatsAt(src, 0, src.length, stats64 !== undefined) : zeroStats();
}

/**
 * Decodes the stats nest payload at src[from, to): all u64 when `all64` (STATS64), else u32 except bytes.
 * Walks it in place (no attribute views, no BigInt for zeros): listings decode one per service and real server.
 */
export function decodeStatsAt(src: Buffer, from: number, to: number, all64: boolean): Stats {
  const out = zeroStats();
  forEachAttr(src, from, to, (type, at, len) => {
    const field = STAT_FIELDS[type];
    if (!field || len < 4) return;
    const wide = (all64 || field[1]) && len >= 8;
    const lo = src.readUInt32LE(at);
    const hi = wide ? src.readUInt32LE(at + 4) : 0;
    if (lo !== 0 || hi !== 0) out[field[0]] = wide ? src.readBigUInt64LE(at) : BigInt(lo);
  });
  return out;
}
