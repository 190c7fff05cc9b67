// IPVS_*_ATTR_STATS / STATS64 nests: decoded in place, as listings decode one per service and real server.
import { zeroStats, type Stats } from '../model/types.js';
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

/**
 * Decodes a STATS64 nest (all u64) or, failing that, a STATS nest (u32 except bytes). Walks the nest in place
 * (no attribute views, no BigInt for zeros): listings decode one per service and real server.
 */
export function decodeStats(stats64: Buffer | undefined, stats: Buffer | undefined): Stats {
  const out = zeroStats();
  const src = stats64 ?? stats;
  if (!src) return out;
  for (let off = 0; off + 4 <= src.length;) {
    const len = src.readUInt16LE(off);
    if (len < 4 || off + len > src.length) break;
    const field = STAT_FIELDS[src.readUInt16LE(off + 2) & U.NLA_TYPE_MASK];
    if (field) {
      const wide = (stats64 !== undefined || field[1]) && len >= 12;
      const lo = src.readUInt32LE(off + 4);
      const hi = wide ? src.readUInt32LE(off + 8) : 0;
      if (lo !== 0 || hi !== 0) out[field[0]] = wide ? src.readBigUInt64LE(off + 4) : BigInt(lo);
    }
    off += (len + 3) & ~3;
  }
  return out;
}
