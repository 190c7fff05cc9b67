// What one ipvsadm invocation asks for, after parsing and checking: a discriminated union.
import type { Daemon, DaemonKey, Dest, DestKey, Service, ServiceKey, Timeouts } from '../model/types.js';

/** Listing flags (FMT_*). */
export interface ListFormat {
  numeric: boolean;
  stats: boolean;
  rate: boolean;
  thresholds: boolean;
  persistentConn: boolean;
  nosort: boolean;
  exact: boolean;
  tunInfo: boolean;
}

/** What -L shows. */
export type ListTarget =
  | { kind: 'all' }
  | { kind: 'service'; key: ServiceKey }
  | { kind: 'connections' }
  | { kind: 'timeout' }
  | { kind: 'daemon' };

/** A parsed, checked command. */
export type Command =
  | { kind: 'add-service'; service: Service }
  | { kind: 'edit-service'; service: Service }
  | { kind: 'delete-service'; key: ServiceKey }
  | { kind: 'flush' }
  | { kind: 'list'; target: ListTarget; format: ListFormat }
  | { kind: 'save'; numeric: boolean }
  | { kind: 'add-dest'; key: ServiceKey; dest: Dest }
  | { kind: 'edit-dest'; key: ServiceKey; dest: Dest }
  | { kind: 'delete-dest'; key: ServiceKey; dest: DestKey }
  | { kind: 'zero'; key: ServiceKey | undefined }
  | { kind: 'set-timeouts'; timeouts: Timeouts }
  | { kind: 'start-daemon'; daemon: Daemon }
  | { kind: 'stop-daemon'; daemon: DaemonKey }
  | { kind: 'restore' };

/** The result of parsing one invocation (argv, or one -R line). */
export type Parsed =
  | { kind: 'run'; command: Command }
  /** ipvsadm exits here (fail(), usage, version, tryhelp): in -R this ends the restore. */
  | { kind: 'exit'; code: number; stdout: string; stderr: string }
  /** ipvsadm returns -1 here (a popt error after the command): in -R the restore goes on. */
  | { kind: 'return'; code: number; stderr: string };
