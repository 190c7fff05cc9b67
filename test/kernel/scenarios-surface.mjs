// More differential scenarios, one behaviour each: names, the command x option matrix per command, option
// repetition, address grammar, list views per service, -E/-e/-d/-D/-Z forms, timeouts, daemons and -R edge cases.
// Hosts come from test/kernel/guest-hosts (bind-mounted as the guest's /etc/hosts); ports from /etc/services.

const s = (name, ...steps) => ({ name, steps });
const R = (stdin, deviation) => ({ args: ['-R'], stdin, deviation });
const V = '192.0.2.1:80';
const ONE = [`-A -t ${V} -s rr`, `-a -t ${V} -r 198.51.100.1:8080 -m`, `-a -t ${V} -r 198.51.100.2 -g`];
/** Runs `cmd` with each of `opts` appended, one command line per option. */
const each = (cmd, opts) => opts.map((o) => `${cmd} ${o}`);

const NAMES = [
  s('names: host and service names in -t and -r', '-A -t vip.example:http -s rr', '-a -t vip.example:http -r web-a.example:8080 -m',
    '-a -t vip.example:www -r web-a.example:https -m', '-L', '-Ln', '-S', '-Sn'),
  s('names: ports by protocol from /etc/services', '-A -u 192.0.2.2:domain', '-A -t 192.0.2.2:ssh', '-A -u 192.0.2.3:ntp',
    '-A --sctp-service 192.0.2.4:5060', '-A -t 192.0.2.5:8080', '-A -u 192.0.2.6:http', '-A -t 192.0.2.7:domain', '-L', '-S'),
  s('names: 33- and 28-column truncation in every view', '-A -t vip-with-a-long-name-for-truncation-test.example:http -s rr',
    '-a -t 203.0.113.30:80 -r a-very-long-real-server-hostname.example:8080 -m', '-S', '-e -t 203.0.113.30:80 -r 198.51.100.20:8080 -m -x 5',
    '-L', '-L --stats', '-L --rate', '-L --thresholds', '-L --persistent-conn', '-L --tun-info', '-L --stats --exact'),
  s('names: IPv6 and fwmark services', '-A -t [2001:db8::1]:80', '-a -t [2001:db8::1]:80 -r [2001:db8::10]:8080 -m',
    '-a -t [2001:db8::1]:80 -r v6-rs.example -m', '-A -f 5 -s rr', '-a -f 5 -r web-a.example -g', '-A -f 6 -6', '-L', '-S'),
  s('names: unresolvable and IPv6-only host names are rejected', '-A -t nosuchhost.invalid:80', '-A -t v6-rs.example:80', ...ONE,
    `-a -t ${V} -r nosuchhost.invalid`, `-a -t ${V} -r v6-rs.example`, `-a -t ${V} -r web-a.example:nosuchservice`, '-L'),
  s('names: one service by name, and missing ones', '-A -t web-a.example:80 -s rr', '-a -t web-a.example:80 -r 198.51.100.20 -m',
    '-L -t web-a.example:http', '-L -t 192.0.2.10:www', '-Ln -t web-a.example:80', '-L -u web-a.example:80', '-L -t vip.example:80'),
];

const MATRIX = [
  s('matrix: options -A does not take', ...each('-A -t 192.0.2.60:80', ['-r 198.51.100.1', '-w 2', '-x 1', '-y 1', '-m', '-c', '--timeout',
    '--daemon', '--stats', '--rate', '-n', '--tun-type gre', '--tun-port 1', '--tun-csum', '--mcast-interface dummy0', '--syncid 1',
    '--thresholds', '--persistent-conn', '--tun-info', '--nosort', '-X', '--mcast-group 224.0.0.81', '--mcast-port 1', '--mcast-ttl 1', '--sync-maxlen 100'])),
  s('matrix: options -E does not take', ...ONE, ...each(`-E -t ${V}`, ['-r 198.51.100.1', '-w 2', '-g', '-c', '-n', '--tun-remcsum', '--syncid 3', '--exact']), '-Ln'),
  s('matrix: options -D does not take', ...ONE, ...each(`-D -t ${V}`, ['-p', '-M 255.255.255.0', '-o', '--pe sip', '-b flag-1', '-n', '-w 1', '-r 198.51.100.1', '-c']), '-Ln'),
  s('matrix: options -C does not take', ...ONE, '-C -n', '-C -s rr', '-C -p', '-C -r 198.51.100.1', '-C --stats', '-C --syncid 1', '-C -f 1', '-Ln'),
  s('matrix: options -L does not take', ...ONE, ...each('-L', ['-s rr', '-p', '-M 255.255.255.0', '-o', '--pe sip', '-r 198.51.100.1', '-w 1',
    '-x 1', '-y 1', '-m', '-g', '-i', '--tun-type gre', '--tun-port 1', '--tun-nocsum', '--mcast-group 224.0.0.81', '--sync-maxlen 100',
    '--mcast-interface dummy0', '--mcast-port 1', '--mcast-ttl 1'])),
  s('matrix: options -L takes', ...ONE, '-L --syncid 5', '-Ln --sort', '-Ln --exact --nosort --tun-info', '-Ln -X --thresholds --nosort',
    '-Ln --syncid 2 --stats', '-L -n --persistent-conn --nosort', '-Lc --persistent-conn -n', '-L --timeout --syncid 1', '-L --daemon -n'),
  s('matrix: options -a/-e/-d do not take', ...ONE, ...each(`-a -t ${V} -r 198.51.100.3`, ['-s rr', '-p', '-M 255.0.0.0', '-o', '--pe sip',
    '-b flag-1', '-n', '-c', '--syncid 1', '--stats', '--mcast-interface dummy0']), ...each(`-e -t ${V} -r 198.51.100.2`, ['-s rr', '-n', '-c']),
  ...each(`-d -t ${V} -r 198.51.100.2`, ['-w 1', '-x 1', '-y 1', '-g', '-i', '--tun-type gre', '-s rr', '--tun-port 5']), '-Ln'),
  s('matrix: compulsory options', '-a', `-a -r 198.51.100.1`, `-e -t ${V}`, '-e -r 198.51.100.1', '-d', `-d -t ${V}`, '-d -r 198.51.100.1',
    '-D', '-E', '-E -s rr', '-E -p 5'),
  s('matrix: options --set, --start-daemon, --stop-daemon, -R, -S, -Z do not take', `--set 1 2 3 -t ${V}`, '--set 1 2 3 -s rr',
    '--set 1 2 3 --syncid 1', '--set 1 2 3 --stats', '--start-daemon master -n', `--start-daemon master -t ${V}`, '--start-daemon master -s rr',
    '--start-daemon master --stats', '--stop-daemon master --mcast-interface dummy0', '--stop-daemon master --mcast-group 224.0.0.81',
    '--stop-daemon master --mcast-port 5', '--stop-daemon master --sync-maxlen 100', '--stop-daemon master -n', `-R -t ${V}`, '-R -s rr',
    '-R --stats', '-S --stats', '-S -s rr', '-S --timeout', '-S --daemon', '-S -X', '-Z -s rr', '-Z -r 198.51.100.1', '-Z -c', '-Z --stats', '-Z -p'),
  s('matrix: list format conflicts', '-L -c --rate', '-L -c --thresholds', '-L --daemon --stats', '-L --daemon --persistent-conn',
    '-L -c --timeout', '-L -c --daemon', `-L -t ${V} --timeout`, `-L -t ${V} --daemon`, '-L --timeout --rate', '-L --timeout --thresholds',
    '-L --daemon --rate', '-L -c --tun-info', '-L --timeout --tun-info', '-L --daemon --nosort', '-L --timeout --exact'),
];

const REPEATS = s('every option at most once', '-L -n -n', '-Ln -c -n', '-A -t 192.0.2.1:80 -s rr -s wrr', '-A -t 192.0.2.1:80 -p -p',
  '-A -t 192.0.2.1:80 -p 5 -M 255.0.0.0 -M 255.0.0.0', '-A -u 192.0.2.1:80 --pe sip --pe sip', '-A -t 192.0.2.1:80 -b flag-1 -b flag-2',
  '-A -f 1 -t 192.0.2.1:80', '-A --sctp-service 192.0.2.1:80 -f 2', ...ONE, `-a -t ${V} -r 198.51.100.3 -w 1 -w 2`,
  `-a -t ${V} -r 198.51.100.3 -x 1 -x 2`, `-a -t ${V} -r 198.51.100.3 -y 1 -y 2`, `-a -t ${V} -r 198.51.100.3 -r 198.51.100.4`,
  `-a -t ${V} -r 198.51.100.3 -i --tun-type gue --tun-type gre`, `-a -t ${V} -r 198.51.100.3 -i --tun-type gue --tun-port 1 --tun-port 2`,
  `-a -t ${V} -r 198.51.100.3 -i --tun-type gue --tun-port 1 --tun-csum --tun-csum`, '--start-daemon master --syncid 1 --syncid 2',
  '--start-daemon master --mcast-ttl 1 --mcast-ttl 2', '-L --timeout --timeout', '-L --stats --stats', '-L --nosort --nosort', '-L -X --exact', '-Ln');

const ADDRESSES = [
  s('real server address grammar', ...ONE, ...each(`-a -t ${V} -r`, ['198.51.100.300', '198.51.100.1:99999', '198.51.100.5:http -m', ':80',
    '198.51.100.6: -m', '198.51.100.7:0 -m', '[198.51.100.8]:81 -m', '3326239753 -m', '198.51.100.10:08080 -m', '[2001:db8::5]', '2001:db8::5:80 -i',
    '"198.51.100.11"', '198.51.100.12:80:80']), '-Ln', '-Sn'),
  s('quoted and odd service words', '-A -t "192.0.2.1:80"', "-A -t '192.0.2.1:80'", '-A -t 192.0.2.1:80,', '-A -t 192.0.2.1:80.',
    '-A -t 192.0.2.1/24:80', '-A -t 192.0.2:80', '-A -t 192.0.2.1.1:80', '-A -t 0x7g.0.0.1:80', '-Sn'),
  s('SCTP services end to end', '-A --sctp-service 192.0.2.3:5060 -s rr', '-a --sctp-service 192.0.2.3:5060 -r 198.51.100.6 -m',
    '-a --sctp-service 192.0.2.3:5060 -r 198.51.100.7:5061 -m -w 4', '-A --sctp-service [2001:db8::3]:5060', '-Ln', '-L', '-Sn',
    '-Ln --sctp-service 192.0.2.3:5060', '-d --sctp-service 192.0.2.3:5060 -r 198.51.100.6', '-D --sctp-service 192.0.2.3:5060', '-Sn'),
  s('one-packet scheduling on fwmark, SCTP and edits', '-A -f 3 -o', '-A --sctp-service 192.0.2.3:5060 -o', '-A -u 192.0.2.3:5060',
    '-E -u 192.0.2.3:5060 -o -s rr', '-E -t 192.0.2.3:5060 -o', '-Ln', '-Sn'),
  s('IPv6 netmask range', '-A -t [2001:db8::1]:80 -p -M 128', '-A -t [2001:db8::2]:80 -p -M 0', '-A -t [2001:db8::3]:80 -p -M 1',
    '-A -t [2001:db8::4]:80 -p -M -1', '-A -t [2001:db8::5]:80 -p -M abc', '-A -t [2001:db8::6]:80 -M 64', '-Ln', '-Sn'),
  s('-6 placement', '-A -t 192.0.2.1:80 -6', '-A -f 1 -6 -M 64 -p', '-L -f 1 -6', '-Ln -f 1', '-D -f 1', '-D -f 1 -6', '-A -6', '-Ln'),
  s('IPv4 persistence masks', '-A -t 192.0.2.1:80 -p -M 255.255.255.255', '-A -t 192.0.2.2:80 -p -M 0.0.0.0', '-A -t 192.0.2.3:80 -p -M 255.0.255.0',
    '-A -t 192.0.2.4:80 -p -M web-a.example', '-A -t 192.0.2.5:80 -p -M 0xffffff00', '-A -t 192.0.2.6:80 -M 255.255.255.0', '-Ln', '-Sn'),
];

const VIEWS = [
  s('single-service views', ...ONE, `-a -t ${V} -r 198.51.100.3 -m -x 9 -y 3`, `-Ln --rate -t ${V}`, `-Ln --thresholds -t ${V}`,
    `-Ln --persistent-conn -t ${V}`, `-Ln --tun-info -t ${V}`, `-L --nosort -t ${V}`, `-Ln --stats --exact -t ${V}`),
  s('tunnel info for IPv6 and mixed families', '-A -t [2001:db8::1]:80', '-a -t [2001:db8::1]:80 -r [2001:db8::20] -i --tun-type gue --tun-port 7000',
    '-a -t [2001:db8::1]:80 -r 198.51.100.30 -i --tun-type gre --tun-csum', '-a -t [2001:db8::1]:80 -r [2001:db8::21] -i', '-Ln --tun-info', '-Sn'),
  s('sort order: protocols, ports, fwmarks, many real servers', '-A -u 192.0.2.1:80', '-A -t 192.0.2.1:81', '-A -t 192.0.2.1:80', '-A -f 3',
    '-A -f 1', '-A --sctp-service 192.0.2.1:80', '-A -t 192.0.2.0:65535', '-A -t [2001:db8::1]:80', '-A -u [2001:db8::1]:53',
    ...[9, 3, 12, 1, 7, 5, 11, 2].map((n) => `-a -t 192.0.2.1:80 -r 198.51.100.${n}:${8000 + (n % 3)} -m`), '-Ln', '-Sn', '-Ln --nosort'),
  s('weights and thresholds at their limits', ...ONE, `-a -t ${V} -r 198.51.100.3 -w 0 -m`, `-a -t ${V} -r 198.51.100.4 -x 2147483647 -y 2147483647 -m`,
    `-a -t ${V} -r 198.51.100.5 -x 2147483648 -m`, `-a -t ${V} -r 198.51.100.6 -x 0 -y 0 -m`, `-a -t ${V} -r 198.51.100.7 -x 65536 -y 1 -m`,
    '-Ln', '-Ln --thresholds'),
  s('scheduler flags shown by -L and -S', '-A -t 192.0.2.1:80 -s mh -b mh-fallback', '-A -t 192.0.2.2:80 -s sh -b sh-port',
    '-A -t 192.0.2.3:80 -s rr -b flag-1,flag-2', '-A -t 192.0.2.4:80 -s mh -b flag-1,mh-port', '-A -t 192.0.2.5:80 -s sh -b flag-2,flag-3',
    '-A -t 192.0.2.6:80 -s mh -b mh-fallback,mh-port,flag-3', '-Ln', '-Sn'),
  s('persistence, engine and one-packet flags in listings', '-A -u 192.0.2.1:5060 -p 30 --pe sip -o', '-A -u 192.0.2.2:5060 -p --pe sip -M 255.255.0.0',
    '-A -f 9 -p 100 -o', '-A -t 192.0.2.3:80 -p 2678400', '-Ln', '-Sn', '-L'),
  s('empty table in every view', '-Ln --stats', '-Ln --rate', '-Ln --thresholds', '-Ln --persistent-conn', '-Ln --tun-info', '-Ln --nosort',
    '-Sn', '-S', '-L --daemon', '-Lnc', '-L --timeout', '-Z'),
  s('missing single services list with status 1', ...ONE, '-L -u 192.0.2.1:80', '-Ln -f 99', '-Ln --sctp-service 192.0.2.1:80',
    '-Ln -t [2001:db8::1]:80', '-Ln -f 1 -6', '-Ln --stats -t 192.0.2.1:81'),
];

const EDITS = [
  s('-E forms', '-A -t 192.0.2.1:80 -s sh -b sh-port', '-E -t 192.0.2.1:80 -s sh -b sh-fallback', '-Ln', '-A -f 7 -p', '-E -f 7 -s rr',
    '-E -f 7 -6', '-A -u 192.0.2.2:53 -o', '-E -u 192.0.2.2:53 -p 30', '-A -t [2001:db8::1]:80 -p -M 64', '-E -t [2001:db8::1]:80 -p 10', '-Sn'),
  s('-e forms: method, weight 0, tunnels', ...ONE, `-e -t ${V} -r 198.51.100.1:8080 -m -w 0`, `-e -t ${V} -r 198.51.100.2 -i`,
    `-e -t ${V} -r 198.51.100.2 -i --tun-type gue --tun-port 6080 --tun-csum`, '-Ln --tun-info', `-e -t ${V} -r 198.51.100.2 -m`,
    `-e -t ${V} -r 198.51.100.2:80 -i --tun-type gre`, '-Sn'),
  s('-d and -D forms', ...ONE, '-A -f 4', '-a -f 4 -r 198.51.100.3:81 -m', '-A -t [2001:db8::1]:80', '-a -t [2001:db8::1]:80 -r [2001:db8::10]:80 -m',
    `-d -t ${V} -r 198.51.100.2:80`, '-d -f 4 -r 198.51.100.3:81', '-d -f 4 -r 198.51.100.3', '-d -t [2001:db8::1]:80 -r 2001:db8::10',
    '-D -u 192.0.2.1:80', '-D -f 4 -6', '-D -f 4', '-D -f 4', `--delete-service -t ${V}`, '-Sn'),
  s('-Z forms', '-A -u 192.0.2.2:53', '-A --sctp-service 192.0.2.3:5060', '-A -f 1', '-Z -u 192.0.2.2:53', '-Z --sctp-service 192.0.2.3:5060',
    '-Z -f 1', '-Z -f 1 -6', '-Z -t 192.0.2.2:53', '--zero -u 192.0.2.2:domain', '-Z -f 2', '-Ln --stats'),
];

const CONFIG = [
  s('--set limits', '--set 0 0 0', '-L --timeout', '--set 2678400 2678400 2678400', '-L --timeout', '--set -1 0 0', '--set 1.5 2 3',
    '--set', '--set 10', '--set 1 2 x', '--set 0x10 010 1e2', '-L --timeout', '--set 5 6 7 8 9'),
  s('daemon option limits', '--start-daemon master --syncid -1', '--start-daemon master --mcast-port 65536', '--start-daemon master --mcast-ttl 0',
    '--start-daemon master --sync-maxlen 0', '--start-daemon master --mcast-group abc', '--start-daemon master --mcast-group 239.0.0.1:80',
    '--start-daemon master --mcast-group ff02::1:2:3:4:5:6:7:8', '--start-daemon backup --mcast-interface abcdefghijklmnopq',
    '--start-daemon sideways', '--start-daemon', '--stop-daemon', '-L --daemon'),
  s('daemons at their limits, both states', '--start-daemon master --mcast-interface dummy0 --syncid 0 --mcast-port 65535 --mcast-ttl 255 --sync-maxlen 1',
    '--start-daemon backup --mcast-interface dummy0 --syncid 255 --sync-maxlen 65507 --mcast-group 224.0.0.81', '-L --daemon',
    '-L --daemon --syncid 4', '--stop-daemon master', '-L --daemon', '--stop-daemon backup --syncid 1', '-L --daemon'),
  s('daemon with an IPv6 group, then restart', '--start-daemon master --mcast-interface dummy0 --mcast-group ff02::81 --mcast-port 7000',
    '-L --daemon', '--stop-daemon master', '--start-daemon master --mcast-interface dummy0', '-L --daemon'),
];

// No -R input here stops a master daemon it started: C ipvsadm itself can hang on that kernel race (D7).
const RESTORE = [
  s('restore: each kind of usage error ends it', R(`-A -t ${V}\n-A -t 192.0.2.300:80\n-A -t 192.0.2.3:80\n`), '-Sn',
    R('-A -t 192.0.2.4:80\n-A -t 192.0.2.5:80 -r 198.51.100.1\n-A -t 192.0.2.6:80\n'), '-Sn', R('-A -t 192.0.2.7:80\n-L foo\n-A -t 192.0.2.8:80\n'), '-Sn'),
  s('restore: status of the last line', R(`-A -t ${V}\n-A -t ${V}\n`), R(`-A -t 192.0.2.2:80\n-D -t 192.0.2.9:80\n-A -t 192.0.2.3:80\n`),
    R(''), R('\n\n'), R('ipvsadm\n'), R('-Sn\n'), '-Sn'),
  s('restore: --set, daemons, -Z, -E, -e inside', R(`--set 100 20 30\n--start-daemon master --mcast-interface dummy0\n${ONE.join('\n')}\n-Z\n` +
    `-E -t ${V} -s wrr\n-e -t ${V} -r 198.51.100.2 -w 5\n-L --timeout\n-L --daemon\n`), '-Sn', '-L --timeout'),
  s('restore: names inside', R('-A -t vip.example:http -s rr\n-a -t vip.example:http -r web-a.example:https -m\n-S\n'), '-Sn'),
  s('restore: -v inside', { ...R(`-A -t ${V}\n-v\n-A -t 192.0.2.2:80\n`), deviation: 'version' }, '-Sn'),
  s('restore: -S and single-service listings inside', R(`${ONE.join('\n')}\n-S -n\n-L -n -t ${V}\n-Lnc\n`)),
];

const many = (n, dests) => Array.from({ length: n }, (_, i) => {
  const vip = `-t 192.0.2.${1 + (i % 250)}:${1000 + Math.floor(i / 250)}`;
  return [`-A ${vip} -s rr`, ...Array.from({ length: dests }, (_, d) => `-a ${vip} -r 198.51.100.${1 + d}:8080 -m -w ${1 + ((i + d) % 5)}`)];
}).flat();
const LONG = many(400, 3);
const withErrors = LONG.flatMap((l, i) => (i % 97 === 5 ? [l, l] : i % 131 === 7 ? [l, '-a -t 192.0.2.251:9 -r 198.51.100.1'] : [l]));

const POPT = [
  s('popt: missing arguments', '-A -t', '-A -t 192.0.2.1:80 -s', '-a -t 192.0.2.1:80 -r', '--set', '--start-daemon master --syncid',
    '-L --tcp-service', '-A -f', '-A -t 192.0.2.1:80 -M', '-A -t 192.0.2.1:80 --pe', '-a -t 192.0.2.1:80 -r 198.51.100.1 -w'),
  s('popt: --opt=value and -o=value', '-A --tcp-service=192.0.2.1:80 --scheduler=rr', '-A -t 192.0.2.2:80 -s=wrr', '-A -t 192.0.2.3:80 --persistent=',
    '-A -t 192.0.2.4:80 -p=5', '-L --stats=1', '-A --tcp-service= -s rr', '-a -t 192.0.2.1:80 --real-server=198.51.100.1 --weight=3 --masquerading',
    '-a -t 192.0.2.1:80 -r=198.51.100.2 -w=4', '-Sn'),
  s('popt: bundles', '-Lnt192.0.2.1:80', '-Atx', '-AZ', '-L6', '-Ats', '-At192.0.2.1:80 -srr', '-Au192.0.2.2:53p', '-lnc', '-Sn', '-ZL'),
  s('popt: -- and leftovers', '-A -t 192.0.2.1:80 -- -s rr', '-L -- foo', '-Ln --', '-A -t 192.0.2.2:80 -s rr --', '-- -L', '-L -n - -', '-Sn'),
  s('long command names', '--add-service --tcp-service 192.0.2.1:80', '--edit-service --tcp-service 192.0.2.1:80 --scheduler rr',
    '--add-server --tcp-service 192.0.2.1:80 --real-server 198.51.100.1 --masquerading', '--edit-server --tcp-service 192.0.2.1:80 --real-server 198.51.100.1 --masquerading --weight 3',
    '--list --numeric', '--zero', '--save --numeric', '--delete-server --tcp-service 192.0.2.1:80 --real-server 198.51.100.1',
    '--delete-service --tcp-service 192.0.2.1:80', '--clear', '--list'),
  s('long option names', '--add-service --udp-service 192.0.2.1:53 --persistent 30 --netmask 255.255.255.0 --ops --pe sip',
    '--add-service --fwmark-service 3 --ipv6 --sched-flags flag-1 --scheduler rr', '--add-server --fwmark-service 3 --ipv6 --real-server [2001:db8::5]:80 --ipip',
    '--add-server --fwmark-service 3 --ipv6 --real-server [2001:db8::6]:80 --gatewaying', '--save',
    '--edit-server --fwmark-service 3 --ipv6 --real-server [2001:db8::5]:80 --ipip --u-threshold 9 --l-threshold 2',
    '--list --numeric --thresholds', '--list --connection --numeric'),
  s('-l is -L', '-A -t 192.0.2.1:80', '-l', '-ln', '-l -n -t 192.0.2.1:80', '-l --timeout', '-l --daemon'),
  s('ports at their limits', '-A -t 192.0.2.1:1', '-A -t 192.0.2.1:65535', '-A -t 192.0.2.1:65536', '-a -t 192.0.2.1:65535 -r 198.51.100.1:65535 -m',
    '-a -t 192.0.2.1:1 -r 198.51.100.1:1 -m', '-a -t 192.0.2.1:1 -r 198.51.100.2:65536 -m', '-Ln', '-Sn', '-L'),
  s('IPv6 address forms', '-A -t [2001:db8:0:0::1]:80', '-A -t [2001:DB8::A]:80', '-A -t [2001:db8:0:0:0:0:0:2]:80', '-A -t [::ffff:192.0.2.1]:80',
    '-A -u [2001:db8::]:53', '-a -u [2001:db8::]:53 -r [2001:db8:1::1]:53 -m', '-Ln', '-Sn'),
  s('kernel errors: -E/-e/-d on missing things', '-E -f 9', '-e -t 192.0.2.1:80 -r 198.51.100.1', '-A -f 9', '-e -f 9 -r 198.51.100.1',
    '-d -f 9 -r 198.51.100.1', '-E -u 192.0.2.1:80', '-a -f 9 -r 198.51.100.1', '-a -f 9 -r 198.51.100.1', '-Ln'),
  s('kernel errors: thresholds and addresses', ...ONE, `-a -t ${V} -r 198.51.100.3 -y 10 -m`, `-a -t ${V} -r 198.51.100.3 -x 5 -y 6 -m`,
    `-e -t ${V} -r 198.51.100.1:8080 -m -x 5 -y 6`, `-a -t ${V} -r 0.0.0.0 -m`, `-a -t ${V} -r 255.255.255.255 -m`, `-a -t ${V} -r 239.1.1.1 -m`,
    '-Ln'),
  s('every scheduler through -E', '-A -t 192.0.2.1:80', ...['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'dh', 'sh', 'sed', 'nq', 'fo', 'ovf', 'mh'].flatMap((x) => [`-E -t 192.0.2.1:80 -s ${x}`, '-Ln'])),
];

const BULK = [
  s('400 services x 3 real servers: listings and save', R(LONG.join('\n') + '\n'), '-Ln', '-Sn', '-Ln --nosort', '-Ln --stats', '-Ln --thresholds', '-S'),
  s('restore: kernel errors in a long input keep their order', R(withErrors.join('\n') + '\n'), '-Sn'),
  s('restore: a listing mid-input shows the state so far', R([...LONG.slice(0, 300), '-Ln', ...LONG.slice(300, 600), '-Sn', ...LONG.slice(600)].join('\n') + '\n'), '-Ln'),
  s('restore: a usage error after many lines', R([...LONG.slice(0, 500), '-A -t 192.0.2.300:80', ...LONG.slice(500)].join('\n') + '\n'), '-Sn'),
  s('restore: -C mid-input', R([...LONG.slice(0, 400), '-C', ...LONG.slice(400, 800)].join('\n') + '\n'), '-Sn'),
  s('restore: last line fails after many', R([...LONG.slice(0, 400), LONG[0]].join('\n') + '\n'), '-Ln --nosort'),
];

const MORE = [
  s('restore: every kernel error kind in one batch', R([`-A -t ${V} -s rr`, `-A -t ${V}`, '-A -t 192.0.2.2:80 -s nosuchsched', '-E -t 192.0.2.9:80',
    '-D -t 192.0.2.9:80', '-Z -t 192.0.2.9:80', `-a -t ${V} -r 198.51.100.1 -m`, `-a -t ${V} -r 198.51.100.1 -m`, '-a -t 192.0.2.9:80 -r 198.51.100.1',
    `-e -t ${V} -r 198.51.100.9 -m`, `-d -t ${V} -r 198.51.100.9`, `-a -t ${V} -r 198.51.100.3 -m -y 5`, `-a -t ${V} -r 192.0.2.255 -m`,
    '--stop-daemon backup', '--start-daemon master --mcast-interface nosuchdev0', `-d -t ${V} -r 198.51.100.1`].join('\n') + '\n'), '-Sn'),
  s('restore: writes on both sides of each read', R(`-A -t ${V}\n-a -t ${V} -r 198.51.100.1 -m\n-Ln\n-a -t ${V} -r 198.51.100.1 -m\n-Sn\n` +
    `-d -t ${V} -r 198.51.100.1\n-L --timeout\n--set 10 20 30\n-L --timeout\n-L -t ${V}\n-D -t ${V}\n-Ln\n`), '--set 900 120 300'),
  s('fwmark IPv6 services with real servers', '-A -f 20 -6 -s rr -p 60 -M 96', '-a -f 20 -6 -r [2001:db8::20]:80 -m -w 3',
    '-a -f 20 -6 -r [2001:db8::21] -g', '-a -f 20 -6 -r 198.51.100.1 -i', '-A -f 21 -s sh -b sh-port', '-a -f 21 -r 198.51.100.2:443 -m',
    '-Ln', '-L', '-Sn', '-Ln -f 20 -6', '-Ln --stats -f 21', '-d -f 20 -6 -r [2001:db8::21]:0', '-d -f 20 -6 -r [2001:db8::21]', '-Sn'),
  s('gue and gre tunnels edited in place', '-A -t 203.0.113.1:80', '-a -t 203.0.113.1:80 -r 198.51.100.10 -i --tun-type gue --tun-port 6080',
    '-e -t 203.0.113.1:80 -r 198.51.100.10 -i --tun-type gue --tun-port 6081 --tun-remcsum', '-Ln --tun-info',
    '-e -t 203.0.113.1:80 -r 198.51.100.10 -i --tun-type gre --tun-csum', '-Ln --tun-info', '-e -t 203.0.113.1:80 -r 198.51.100.10 -i', '-Sn'),
  s('persistent IPv6 services with names', '-A -t [2001:db8::1]:https -p 3600 -M 48', '-a -t [2001:db8::1]:https -r v6-rs.example:8443 -m',
    '-A -u [2001:db8::1]:domain -p', '-L', '-L --persistent-conn', '-S'),
  s('connections view on an idle table with every service kind', '-A -f 1', '-A -u 192.0.2.2:53', '-A --sctp-service 192.0.2.3:5060',
    '-A -t [2001:db8::1]:80', '-Lnc', '-Lc', '-Lnc --persistent-conn', '-L -c --persistent-conn'),
];

export const SURFACE_SCENARIOS = [...MORE, ...NAMES, ...MATRIX, REPEATS, ...ADDRESSES, ...VIEWS, ...EDITS, ...CONFIG, ...RESTORE, ...POPT, ...BULK];
