// Host and service names for non-numeric listings, resolved before formatting (ipvsadm addrport_to_anyname).
import type { Family, Protocol } from '../model/types.js';
import { cut59, numericNamer, type AddrPortNamer } from './text.js';

/** Reverse lookups the listing needs. */
export interface Names {
  /** gethostbyaddr: the host's name, or undefined. */
  hostName(af: Family, addr: string): Promise<string | undefined>;
  /** getservbyport: the service's name for this protocol, or undefined. */
  serviceName(port: number, proto: Protocol): string | undefined;
}

/** Resolves every address once, then returns a synchronous namer for the formatters. */
export async function resolveNamer(names: Names, addrs: Iterable<{ af: Family; addr: string }>, numeric: boolean): Promise<AddrPortNamer> {
  if (numeric) return numericNamer;
  const hosts = new Map<string, string>();
  const unique = new Map<string, { af: Family; addr: string }>();
  for (const a of addrs) unique.set(`${a.af}/${a.addr}`, a);
  await Promise.all([...unique.entries()].map(async ([id, a]) => {
    const h = await names.hostName(a.af, a.addr);
    hosts.set(id, h ?? a.addr);
  }));
  return (af, addr, port, proto) => {
    const host = hosts.get(`${af}/${addr}`) ?? addr;
    const svc = (proto && names.serviceName(port, proto)) ?? String(port);
    return cut59(af === 4 ? `${host}:${svc}` : `[${host}]:${svc}`);
  };
}
