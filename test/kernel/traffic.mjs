// Traffic-dependent views with real connections in the guest: a client and a server over lo through NAT services.
// Counters that stop moving compare byte for byte; rates and expiry timers move between the two tools' runs,
// so those rows compare field by field, with the moving fields checked for shape and range.
import assert from 'node:assert/strict';
import net from 'node:net';

const VIP = '192.0.2.100';
const RS = '192.0.2.254';
const SETUP = [
  `-A -t ${VIP}:80 -s rr`, `-a -t ${VIP}:80 -r ${RS}:8080 -m -w 2`,
  `-A -t ${VIP}:443 -s wlc -p 120`, `-a -t ${VIP}:443 -r ${RS}:8443 -m`,
];

function serve(port) {
  const srv = net.createServer((s) => s.on('data', () => s.end('x'.repeat(1500))));
  return new Promise((ok) => srv.listen(port, RS, () => ok(srv)));
}

/** One request through the virtual service; resolves with the byte count of the answer. */
function request(port) {
  return new Promise((ok, fail) => {
    const c = net.connect({ host: VIP, port, localAddress: RS }, () => c.write('GET / HTTP/1.0\r\n\r\n'));
    let n = 0;
    const timer = setTimeout(() => { c.destroy(); fail(new Error(`request to ${VIP}:${port} timed out`)); }, 5000);
    c.on('data', (d) => { n += d.length; });
    c.on('end', () => { clearTimeout(timer); ok(n); });
    c.on('error', (e) => { clearTimeout(timer); fail(e); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rows = (text) => text.split('\n').map((l) => l.split(/ +/).filter(Boolean));

/** Same lines and fields; fields at `moving(row, col)` may differ but must both pass `shape`. */
function sameFields(c, ts, moving, shape, what) {
  const a = rows(c);
  const b = rows(ts);
  assert.equal(b.length, a.length, `${what}: line count\nC:\n${c}\nours:\n${ts}`);
  let moved = 0;
  a.forEach((ra, i) => {
    const rb = b[i];
    assert.equal(rb.length, ra.length, `${what}: fields on line ${i}\nC:\n${c}\nours:\n${ts}`);
    ra.forEach((f, j) => {
      if (moving(ra, j)) {
        assert.match(rb[j], shape, `${what}: line ${i} field ${j}`);
        if (rb[j] !== f) moved++;
      } else assert.equal(rb[j], f, `${what}: line ${i} field ${j}\nC:\n${c}\nours:\n${ts}`);
    });
  });
  return moved;
}

const isRow = (r) => r[0] === 'TCP' || r[0] === '->';
const RATE = /^\d+[KMGT]?$/;
const EXPIRE = /^\d\d:\d\d$/;
const secs = (mmss) => Number(mmss.slice(0, 2)) * 60 + Number(mmss.slice(3));

export const TRAFFIC_CHECK = {
  name: 'traffic: --stats, --rate, -c and --persistent-conn with real connections match C ipvsadm',
  async run({ runC, runTs }) {
    for (const l of SETUP) assert.equal(runC(l.split(' ')).code, 0, l);
    const servers = [await serve(8080), await serve(8443)];
    try {
      let bytes = 0;
      for (let i = 0; i < 30; i++) bytes += await request(80);
      for (let i = 0; i < 10; i++) bytes += await request(443);
      assert.equal(bytes, 40 * 1500);
      // The kernel folds its per-CPU counters every 2 s; after that they stay put until new traffic.
      await sleep(4500);
      const both = async (args) => ({ c: runC(args), ts: await runTs(args) });
      const checked = [];

      for (const args of [['-Ln', '--stats'], ['-Ln', '--stats', '--exact'], ['-L', '--stats'], ['-Ln', '--persistent-conn'], ['-Ln'],
        ['-Ln', '--stats', '-t', `${VIP}:80`]]) {
        const { c, ts } = await both(args);
        assert.deepEqual(ts, c, args.join(' '));
        checked.push(args.join(' '));
      }
      const stats = runC(['-Ln', '--stats', '--exact']).stdout;
      const vip80 = rows(stats).find((r) => r[1] === `${VIP}:80`);
      assert.ok(vip80 && Number(vip80[2]) === 30 && Number(vip80[3]) > 0 && Number(vip80[5]) > 0, `counters did not move:\n${stats}`);
      const pc = rows(runC(['-Ln', '--persistent-conn']).stdout).find((r) => r[0] === '->' && r[1] === `${RS}:8443`);
      assert.ok(pc && Number(pc[3]) >= 1, 'a persistence template is counted');

      // Rates: the estimator updates every 2 s, so the five rate columns may move between the two runs.
      let moved = 0;
      for (const args of [['-Ln', '--rate'], ['-Ln', '--rate', '--exact']]) {
        const { c, ts } = await both(args);
        assert.equal(ts.code, c.code);
        assert.equal(ts.stderr, c.stderr);
        moved += sameFields(c.stdout, ts.stdout, (r, j) => isRow(r) && j >= 2, RATE, args.join(' '));
        checked.push(args.join(' '));
      }
      const rate = runC(['-Ln', '--rate', '--exact']).stdout;
      assert.ok(rows(rate).some((r) => r[1] === `${VIP}:80` && Number(r[3]) > 0), `rates did not move:\n${rate}`);

      // Connections: same entries in the same order; only the expiry timer counts down.
      for (const args of [['-Lnc'], ['-Lnc', '--persistent-conn'], ['-Lc'], ['-Lc', '--persistent-conn']]) {
        const { c, ts } = await both(args);
        assert.equal(ts.code, c.code);
        assert.equal(ts.stderr, c.stderr);
        const a = rows(c.stdout);
        const b = rows(ts.stdout);
        moved += sameFields(c.stdout, ts.stdout, (r, j) => r[0] === 'TCP' && j === 1, EXPIRE, args.join(' '));
        a.forEach((r, i) => { if (r[0] === 'TCP') assert.ok(Math.abs(secs(r[1]) - secs(b[i][1])) <= 3, `expiry ${r[1]} vs ${b[i][1]}`); });
        assert.ok(a.filter((r) => r[0] === 'TCP').length >= 40, `${args.join(' ')}: too few connections\n${c.stdout}`);
        checked.push(args.join(' '));
      }
      // -Z zeroes what traffic counted.
      const z = await both(['-Z']);
      assert.deepEqual(z.ts, z.c);
      const { c, ts } = await both(['-Ln', '--stats']);
      assert.deepEqual(ts, c);
      assert.ok(rows(c.stdout).filter(isRow).every((r) => r.slice(2).every((f) => f === '0')), `not zeroed:\n${c.stdout}`);
      return `${checked.length + 2} views compared after ${40} requests (${bytes} bytes); ${moved} moving fields differed within bounds`;
    } finally {
      for (const s of servers) s.close();
    }
  },
};
