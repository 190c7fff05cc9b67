// The rows of a full listing: services with their real servers, from GET_DEST dumps or /proc/net/ip_vs.
import type { Ipvs } from '../ipvs.js';
import { compareDests, compareServices, sortedBy } from '../model/key.js';
import type { DestEntry, DestSummary, ServiceEntry } from '../model/types.js';
import type { Row } from '../format/list.js';
import { parseTable, procKey } from '../kernel/table-proc.js';

/** How many GET_DEST dumps a listing keeps going at once (the kernel backend spreads them over sockets). */
const DEST_FETCHERS = 16;

/** Real servers of one service, in the order to print them. */
type DestSource<D> = (svc: ServiceEntry) => D[] | Promise<D[]>;

/** One GET_DEST dump, sorted as ipvsadm sorts unless nosort. */
export async function fetchDests(ipvs: Ipvs, svc: ServiceEntry, nosort: boolean): Promise<DestEntry[]> {
  const dests = await ipvs.dests(svc.key);
  return nosort ? dests : sortedBy(dests, (d) => d, compareDests);
}

async function sortedServices(ipvs: Ipvs, nosort: boolean): Promise<ServiceEntry[]> {
  const services = await ipvs.services();
  return nosort ? services : sortedBy(services, (s) => s.key, compareServices);
}

/**
 * Hands every service with its real servers to `each`, in listing order, as soon as it and all before it
 * are in; rows are not kept, so numeric listings of large tables stay small in memory.
 */
async function eachRowOf<D extends DestSummary>(services: ServiceEntry[], dests: DestSource<D>, each: (r: Row<D>) => void): Promise<void> {
  const done = new Map<number, Row<D>>();
  let next = 0;
  let emitted = 0;
  const fetcher = async () => {
    for (let i = next++; i < services.length; i = next++) {
      const got = dests(services[i]!);
      done.set(i, { svc: services[i]!, dests: Array.isArray(got) ? got : await got });
      for (let r = done.get(emitted); r; r = done.get(emitted)) {
        done.delete(emitted++);
        each(r);
      }
    }
  };
  await Promise.all(Array.from({ length: DEST_FETCHERS }, fetcher));
}

/** Every service with its full real-server entries (any view), one GET_DEST dump each. */
export async function eachRow(ipvs: Ipvs, nosort: boolean, each: (r: Row) => void): Promise<void> {
  await eachRowOf(await sortedServices(ipvs, nosort), (svc) => fetchDests(ipvs, svc, nosort), each);
}

/**
 * Every service with what the default view prints of its real servers. /proc/net/ip_vs holds all of them in
 * one read, instead of one GET_DEST dump per service (ipvsadm's cost); each service's block is parsed when its
 * row is due, so large tables stay small in memory. A service the file does not show exactly once (changed
 * during the read, or an IPv4 and an IPv6 fwmark service with the same mark) is dumped, as is everything when
 * the file cannot be read or parsed.
 */
export async function eachSummaryRow(
  ipvs: Ipvs, nosort: boolean, readTable: (() => Promise<Buffer>) | undefined, each: (r: Row<DestSummary>) => void,
): Promise<void> {
  const services = await sortedServices(ipvs, nosort);
  const file = services.length && readTable ? await readTable().catch(() => undefined) : undefined;
  const table = file === undefined ? undefined : parseTable(file);
  await eachRowOf<DestSummary>(services, (svc) => {
    const dests = table?.dests(procKey(svc.key));
    if (!dests) return fetchDests(ipvs, svc, nosort);
    return nosort ? dests : sortedBy(dests, (d) => d, compareDests);
  }, each);
}

/** Collects rows (for listings that resolve names first). */
export async function collect<D extends DestSummary>(walk: (each: (r: Row<D>) => void) => Promise<void>): Promise<Row<D>[]> {
  const rows: Row<D>[] = [];
  await walk((r) => rows.push(r));
  return rows;
}

/** The addresses a listing names: address services' keys and real servers. */
export function addrsOf(rows: Row<DestSummary>[]) {
  return rows.flatMap((r) => [...(r.svc.key.kind === 'addr' ? [r.svc.key] : []), ...r.dests]);
}
