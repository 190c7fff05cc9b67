// Runs inside the user-mode-linux guest: times C ipvsadm and ipvsadm-ts side by side, in rounds, and writes JSON.
// Usage: node bench/guest-bench.mjs OUT.json ROUNDS
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { NlWriter } from '../dist/netlink/attr.js';
import { encodeDest, encodeService, encodeServiceKey } from '../dist/netlink/codec.js';
import * as U from '../dist/netlink/uapi.js';
import { openKernelIpvs } from '../dist/kernel/open.js';

const [out, roundsArg = '3'] = process.argv.slice(2);
const ROUNDS = Number(roundsArg);
const TMP = '/tmp/ipvsadm-ts-bench';
const BIN = new URL('../bin/ipvsadm.js', import.meta.url).pathname;

/** The reference's generator: NSVC TCP services on 192.0.2.1-250 x ports 1000.., NDEST masq real servers each. */
function gen(nsvc, ndest) {
  const lines = [];
  for (let i = 0; i < nsvc; i++) {
    const vip = `192.0.2.${1 + (i % 250)}:${1000 + Math.floor(i / 250)}`;
    lines.push(`-A -t ${vip} -s rr`);
    for (let d = 1; d <= ndest; d++) lines.push(`-a -t ${vip} -r 198.51.100.${d}:8080 -m -w 1`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same table as netlink messages, encoded once before timing, for the raw floor. */
async function encodeFloor(nsvc, ndest) {
  const k = await openKernelIpvs(() => false);
  const family = k.conn.family;
  await k.close();
  const w = new NlWriter();
  let seq = 1;
  for (let i = 0; i < nsvc; i++) {
    const key = { kind: 'addr', af: 4, protocol: 'tcp', addr: `192.0.2.${1 + (i % 250)}`, port: 1000 + Math.floor(i / 250) };
    w.msgStart(family, 1, seq++); w.genlHdr(U.IPVS_CMD_NEW_SERVICE, 1);
    encodeService(w, { key, scheduler: 'rr', pe: '', persistent: false, timeout: 0, netmask: 0xffffffff, onePacket: false, schedFlags: 0 });
    w.msgEnd();
    for (let d = 1; d <= ndest; d++) {
      w.msgStart(family, 1, seq++); w.genlHdr(U.IPVS_CMD_NEW_DEST, 1);
      encodeServiceKey(w, key);
      encodeDest(w, { af: 4, addr: `198.51.100.${d}`, port: 8080, fwd: 'masq', weight: 1, upperThreshold: 0, lowerThreshold: 0, tunnel: { type: 'ipip', port: 0, csum: 'nocsum' } });
      w.msgEnd();
    }
  }
  return Buffer.from(w.finish());
}

/** Wall time of one command in ms, with its output. */
function timed(cmd, args, input) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: status ${r.status}\n${String(r.stderr).slice(0, 2000)}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}
const C = (args, input) => timed('ipvsadm', args, input);
const TS = (args, input) => timed(process.execPath, [BIN, ...args], input);
const flush = () => execFileSync('ipvsadm', ['-C']);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const result = { started: new Date().toISOString(), rounds: ROUNDS, rows: {}, checks: [] };
const add = (name, v) => { (result.rows[name] ??= []).push(v); };
const check = (ok, what) => { result.checks.push({ ok, what }); };

const input = gen(10000, 2);
writeFileSync(`${TMP}-floor.bin`, await encodeFloor(10000, 2));
for (let r = 0; r < ROUNDS; r++) {
  flush();
  add('restore 10k x 2: C', C(['-R'], input).ms);
  const cList = C(['-Ln']);
  const cSave = C(['-Sn']);
  add('-Ln 10k x 2: C', cList.ms);
  add('-Sn 10k x 2: C', cSave.ms);
  const tList = TS(['-Ln']);
  const tSave = TS(['-Sn']);
  add('-Ln 10k x 2: ts', tList.ms);
  add('-Sn 10k x 2: ts', tSave.ms);
  check(tList.stdout === cList.stdout && tSave.stdout === cSave.stdout, `round ${r}: our -Ln/-Sn equal C's`);
  flush();
  add('restore 10k x 2: ts', TS(['-R'], input).ms);
  check(C(['-Sn']).stdout === cSave.stdout, `round ${r}: table after our -R equals C's`);
  flush();
  const f = timed(process.execPath, [new URL('./floor.mjs', import.meta.url).pathname, `${TMP}-floor.bin`]);
  add('restore 10k x 2: floor', f.ms);
  check(C(['-Sn']).stdout === cSave.stdout && JSON.parse(f.stdout).errors === 0, `round ${r}: floor built the same table`);
  flush();
  for (let i = 0; i < 5; i++) {
    add('empty -Ln: node -e 0', timed(process.execPath, ['-e', '0']).ms);
    add('empty -Ln: C', C(['-Ln']).ms);
    add('empty -Ln: ts', TS(['-Ln']).ms);
  }
}

// Memory: -Ln on 10,000 services x 10 real servers (restored by ours; C lists it too, for the equality check).
flush();
TS(['-R'], gen(10000, 10));
const rss = timed(process.execPath, [new URL('./rss.mjs', import.meta.url).pathname, '-Ln']);
const cBig = C(['-Ln']);
result.rssMiB = Number(rss.stderr.trim()) / 1024;
check(rss.stdout === cBig.stdout, '-Ln of 10k x 10: same output as C\'s');
flush();

result.medians = Object.fromEntries(Object.entries(result.rows).map(([k, v]) => [k, median(v)]));
result.finished = new Date().toISOString();
writeFileSync(out, JSON.stringify(result, null, 1));
