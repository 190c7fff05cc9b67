// ipvsadm-ts's own version (kept equal to package.json's by a unit test) and the 1.31 version it emulates.

/** This package's version. */
export const VERSION = '0.2.0';

/** The version line of the C ipvsadm we match; scripts sniff it, so `-v` keeps it first. */
export const C_VERSION_LINE = 'ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n';
