// The system's name service for parsing and listing: /etc/services, and the resolver (getaddrinfo/getnameinfo).
import { readFileSync } from 'node:fs';
import { pton4 } from '../model/addr.js';
import type { Family, Protocol } from '../model/types.js';
import type { Names } from '../format/names.js';
import type { Lookup } from './values.js';

interface ServiceEntryLine {
  names: string[];
  port: number;
  proto: string;
}

/** Parses /etc/services text: `name port/proto [aliases...] [# comment]`. */
export function parseServices(text: string): ServiceEntryLine[] {
  const out: ServiceEntryLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [name, pp, ...aliases] = line.split(/\s+/);
    const m = /^(\d+)\/(\w+)$/.exec(pp ?? '');
    if (!name || !m) continue;
    out.push({ names: [name, ...aliases], port: Number(m[1]), proto: m[2]! });
  }
  return out;
}

/** getservbyname / getservbyport over a services table. */
export class ServiceTable {
  constructor(private readonly entries: ServiceEntryLine[]) {}

  port(name: string, proto: Protocol | undefined): number | undefined {
    if (!proto) return undefined;
    return this.entries.find((e) => e.proto === proto && e.names.includes(name))?.port;
  }

  name(port: number, proto: Protocol): string | undefined {
    return this.entries.find((e) => e.proto === proto && e.port === port)?.names[0];
  }
}

let services: ServiceTable | undefined;
function serviceTable(): ServiceTable {
  if (!services) {
    let text = '';
    try { text = readFileSync('/etc/services', 'utf8'); } catch { /* no services file: numbers only */ }
    services = new ServiceTable(parseServices(text));
  }
  return services;
}

/** node:dns, loaded on the first name lookup only (numeric commands never pay for it). */
const dns = async () => (await import('node:dns')).promises;

/** The system's lookups: what ipvsadm gets from libc. */
export const systemLookup: Lookup & Names = {
  async hostToAddr(name) {
    try {
      const r = await (await dns()).lookup(name, { family: 4 });
      return pton4(r.address);
    } catch {
      return undefined;
    }
  },
  serviceToPort: (name, proto) => serviceTable().port(name, proto),
  async hostName(_af: Family, addr: string) {
    try {
      return (await (await dns()).lookupService(addr, 0)).hostname;
    } catch {
      return undefined;
    }
  },
  serviceName: (port, proto) => serviceTable().name(port, proto),
};
