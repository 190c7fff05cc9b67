# Captures the goldens of table-proc.test.ts from the kernel and C ipvsadm (the test reads the table lines
# below from this file). Regenerate: test/kernel/uml-run.sh 'sh test/unit/golden/proc-ip_vs.sh'
ipvsadm -C
for l in "-A -t 192.0.2.1:80 -s rr" "-a -t 192.0.2.1:80 -r 198.51.100.2 -g -w 2" "-a -t 192.0.2.1:80 -r 198.51.100.1:8080 -m -w 3" \
  "-a -t 192.0.2.1:80 -r 198.51.100.3 -i" "-a -t 192.0.2.1:80 -r 192.0.2.254 -m -w 0" "-A -u 192.0.2.2:53 -p -M 255.255.255.0" \
  "-a -u 192.0.2.2:53 -r 198.51.100.5 -m -w 65535" "-A --sctp-service 192.0.2.3:5060 -s sh -b sh-fallback,sh-port" \
  "-A -u 192.0.2.7:514 -o -s rr" "-A -f 5 -s rr" "-a -f 5 -r 198.51.100.7 -m" "-A -f 5 -6 -s lc" "-a -f 5 -6 -r 2001:db8::10 -m" \
  "-A -t [2001:db8::1]:80 -s wlc -p 300 -M 64" "-a -t [2001:db8::1]:80 -r [2001:db8::10]:8080 -m" \
  "-a -t [2001:db8::1]:80 -r [2001:db8:0:0:1:0:ab:cd]:0 -g" "-A -t 203.0.113.1:80" "-a -t 203.0.113.1:80 -r 2001:db8::fe -i"; do
  ipvsadm $l || echo "FAILED: $l"
done
cat /proc/net/ip_vs > test/unit/golden/proc-ip_vs.txt
ipvsadm -Ln > test/unit/golden/proc-ip_vs.Ln.txt
ipvsadm -C
