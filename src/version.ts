// ipvsadm-ts's own version (kept equal to package.json's by a unit test) and the 1.31 version it emulates.

/** This package's version. */
export const VERSION = '0.2.0';

/** The C ipvsadm we match: the start of its version line, which scripts sniff. */
export const C_VERSION = 'ipvsadm v1.31 2019/12/24';

/** The C tool's whole -v line; `-v` keeps it first. */
export const C_VERSION_LINE = `${C_VERSION} (compiled with popt and IPVS v1.2.1)\n`;
