#!/bin/sh
# Boots the user-mode-linux guest (ip_vs loaded, documentation addresses on lo, dummy0) and runs one shell
# command line in this repository inside it; prints its output. No root needed on the host.
# Usage: test/kernel/uml-run.sh 'bin/ipvsadm.js -A -t 192.0.2.1:80 && bin/ipvsadm.js -Ln'
set -e
REPO=$(cd "$(dirname "$0")/../.." && pwd)
command -v linux.uml >/dev/null || { echo "linux.uml not found: apt-get install -y user-mode-linux kmod ipvsadm" >&2; exit 1; }
OUT=$(mktemp -d)
printf '%s\n' "$1" > "$OUT/cmd.sh"
cat > "$OUT/init.sh" <<INIT
#!/bin/sh
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc; mount -t sysfs sys /sys
mount -t tmpfs tmp /lib/modules; mkdir -p /lib/modules/6.1.176
mount --bind /usr/lib/uml/modules/6.1.176 /lib/modules/6.1.176
depmod 6.1.176 >/dev/null 2>&1; echo 1 > /proc/sys/kernel/printk
modprobe ip_vs; ip link set lo up
ip addr add 192.0.2.254/24 dev lo; ip addr add 2001:db8::fe/64 dev lo
modprobe dummy 2>/dev/null; ip link add dummy0 type dummy 2>/dev/null; ip link set dummy0 up 2>/dev/null
cd "$REPO"; sh "$OUT/cmd.sh" > "$OUT/out.txt" 2>&1; echo "[exit \$?]" >> "$OUT/out.txt"
halt -f
INIT
chmod +x "$OUT/init.sh"
linux.uml mem=1G root=/dev/root rootfstype=hostfs rootflags=/ rw init="$OUT/init.sh" con=null con0=fd:0,fd:1 </dev/null >"$OUT/console.txt" 2>&1 || true
cat "$OUT/out.txt"
rm -rf "$OUT"
