#!/bin/sh
# Guest init for the kernel suite: $1 = repository root, $2 = result file. Runs inside user-mode-linux.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
REPO="$1"; OUT="$2"; WHAT="$3"
mount -t proc proc /proc; mount -t sysfs sys /sys
mount -t tmpfs tmp /lib/modules; mkdir -p /lib/modules/6.1.176
mount --bind /usr/lib/uml/modules/6.1.176 /lib/modules/6.1.176
depmod 6.1.176 >/dev/null 2>&1
echo 1 > /proc/sys/kernel/printk
# ip_vs is not loaded here: the process scenarios start without it (guest-run.mjs loads it after them).
ip link set lo up
ip addr add 192.0.2.254/24 dev lo
ip addr add 2001:db8::fe/64 dev lo
modprobe dummy 2>/dev/null; ip link add dummy0 type dummy 2>/dev/null; ip link set dummy0 up 2>/dev/null
mount --bind "$REPO/test/kernel/guest-hosts" /etc/hosts
mount --bind "$REPO/test/kernel/guest-resolv.conf" /etc/resolv.conf
cd "$REPO"
node test/kernel/guest-run.mjs "$OUT" "$WHAT" > "$OUT.log" 2>&1
echo "exit $?" >> "$OUT.log"
halt -f
