#!/usr/bin/env bash
# run-live.sh - lvslab push/pull/diff against a REAL kernel's IPVS, in the kernel lab's QEMU VM.
#
#   netlink/src/test/live/run-live.sh [--kernel-pkg PKG] [--jar PATH]
#
# Boots one VM (run-ipvs-vm.sh --host-root), runs the host's JDK 25 and cli/target/lvslab.jar
# inside it (chroot /host), and checks, printing PASS/FAIL per check:
#   1. push of a rules file; `ipvsadm -Sn` equals that of `ipvsadm -R` of the same file in a
#      fresh netns, and per-service `ipvsadm -Ln --nosort` (kernel list order) equals it too
#   2. pull (save format) equals `ipvsadm -Sn` byte for byte
#   3. a second push changes nothing; diff exits 0
#   4. push of a changed file with --exact-order: same checks as 1 against the new file
#   5. pull --format replay, replayed with ipvsadm -R in a fresh netns, rebuilds the list order
#   6. a kernel-only refusal (real server 192.168.77.255, the broadcast address of a local subnet):
#      push exits 1, reports the failing operation and what was applied; with --rollback the
#      table is back to what it was
#   7. as an unprivileged user: push and pull exit 3 with the EPERM/CAP_NET_ADMIN explanation
# Exit status: 0 all checks passed, 1 a check failed, other = the lab could not run.
# Not part of `./mvnw verify` (needs QEMU, minutes under TCG). Run it when no other VM runs.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
lab=${IPVS_LAB:-$repo/kernel-lab/run-ipvs-vm.sh}
jar="$repo/cli/target/lvslab.jar"
java=${LVSLAB_LIVE_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
labopts=()
while [ $# -gt 0 ]; do
  case $1 in
    --kernel-pkg) labopts+=(--kernel-pkg "$2"); shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    *) echo "usage: run-live.sh [--kernel-pkg PKG] [--jar PATH]" >&2; exit 2 ;;
  esac
done
[ -f "$jar" ] || { echo "run-live: no $jar (build it: ./mvnw -o -q -pl cli -am package -DskipTests)" >&2; exit 2; }
[ -x "$java" ] || { echo "run-live: no JDK at $java" >&2; exit 2; }
if pgrep -x qemu-system-x86_64 >/dev/null 2>&1; then
  echo "run-live: note: another QEMU VM is running; this run will be slower" >&2
fi

# a private copy: the 9p export is live, and a rebuild of cli/target during the run must not matter
# (host /tmp is not visible in the guest's chroot, so the copy goes under netlink/target)
copy="$repo/netlink/target/live"
mkdir -p "$copy" && cp "$jar" "$copy/lvslab.jar" && chmod -R a+rX "$copy" || exit 2
jar="$copy/lvslab.jar"
guest=$(mktemp /tmp/lvslab-live.XXXXXX.sh)
trap 'rm -f "$guest"' EXIT
cat > "$guest" <<'GUEST'
#!/bin/bash
# guest side: $1 = java, $2 = jar (host paths, seen under /host)
set -u
JAVA=$1 JAR=$2
W=/host/tmp/live; mkdir -p $W; chmod 755 $W
fails=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; fails=$((fails+1)); }
lvslab() { chroot /host "$JAVA" --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:off \
             -cp "$JAR" org.lvslab.cli.Main "$@"; }
# reference: real ipvsadm -R of a file in a fresh netns; prints -Sn and per-service --nosort listings
reference() { # $1 = rules file (guest path), $2 = output prefix
  ip netns del ref 2>/dev/null; ip netns add ref
  # without lo up a fresh netns has no local routing table, and the kernel then calls every IPv4
  # address "broadcast" and refuses it as a real server (EINVAL)
  ip netns exec ref ip link set lo up
  ip netns exec ref ipvsadm -R < "$1"
  ip netns exec ref ipvsadm -Sn > "$2.Sn"
  orders ref > "$2.order"
}
orders() { # kernel list order of every service, sorted by service: $1 = netns or "" for the root ns
  local ns=()
  [ -n "$1" ] && ns=(ip netns exec "$1")
  "${ns[@]}" ipvsadm -Sn | awk '$1=="-A"{ $1=""; sub(/ -s .*/, ""); print }' | sort | while read -r svc; do
    echo "== $svc"; "${ns[@]}" ipvsadm -Ln --nosort $svc | awk '$1=="->" && $2!="RemoteAddress:Port"{print $2, $3, $4}'
  done
}
same() { # $1 name, $2 expected file, $3 actual file
  if cmp -s "$2" "$3"; then pass "$1"; else fail "$1"; diff "$2" "$3" | sed 's/^/    /'; fi
}

cat > $W/one.rules <<'R'
-A -t 10.0.0.1:80 -s wrr -p 300
-a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
-a -t 10.0.0.1:80 -r 10.1.0.2:80 -m -w 2
-a -t 10.0.0.1:80 -r 10.1.0.3:80 -m -w 3 -x 100 -y 10
-A -u 10.0.0.1:53 -s sh -b sh-port,sh-fallback
-a -u 10.0.0.1:53 -r 10.1.0.5:53 -m -w 1
-A -t [fd00:a::1]:443 -s mh -b mh-port
-a -t [fd00:a::1]:443 -r [fd00:b::1]:443 -m -w 1
-a -t [fd00:a::1]:443 -r 10.1.0.9:443 -i -w 2 --tun-type gue --tun-port 6080 --tun-csum
-A -f 7 -s lc -p 60 -M 255.255.255.0
-a -f 7 -r 10.1.0.7:0 -g -w 4
-A --sctp-service 10.0.0.2:9 -s rr
R
cat > $W/two.rules <<'R'
-A -t 10.0.0.1:80 -s rr
-a -t 10.0.0.1:80 -r 10.1.0.3:80 -m -w 3
-a -t 10.0.0.1:80 -r 10.1.0.4:80 -m -w 1
-a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 5
-A -u 10.0.0.1:53 -s sh -b sh-port,sh-fallback
-a -u 10.0.0.1:53 -r 10.1.0.5:53 -m -w 0
-A -f 7 -s wlc -p 60 -M 255.255.255.0
-a -f 7 -r 10.1.0.7:0 -g -w 4
--set 600 60 30
R
cat > $W/bad.rules <<'R'
-A -t 10.0.0.1:80 -s rr
-a -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 1
-A -t 10.0.0.3:80 -s rr
-a -t 10.0.0.3:80 -r 192.168.77.255:80 -m -w 1
R
# 192.168.77.255 is the broadcast address of a local subnet: only the real kernel knows that
ip link add d0 type dummy && ip addr add 192.168.77.1/24 dev d0 && ip link set d0 up
echo "# kernel $(uname -r), IPVS $(cat /proc/net/ip_vs | head -1)"

# 1. push
t0=$(date +%s)
lvslab push /tmp/live/one.rules > $W/push1.out 2> $W/push1.err; rc=$?
echo "# push 1: exit $rc in $(( $(date +%s) - t0 )) s, $(grep -c '^ipvsadm' $W/push1.out) operation(s)"
[ $rc = 0 ] && pass "push one.rules exits 0" || { fail "push one.rules exits $rc"; cat $W/push1.err; }
reference $W/one.rules $W/ref1
ipvsadm -Sn > $W/k1.Sn; orders "" > $W/k1.order
same "push one.rules: ipvsadm -Sn equals ipvsadm -R's" $W/ref1.Sn $W/k1.Sn
same "push one.rules: real-server list order equals ipvsadm -R's" $W/ref1.order $W/k1.order

# 2. pull
lvslab pull > $W/pull1.out 2> $W/pull1.err; rc=$?
[ $rc = 0 ] || { fail "pull exits $rc"; cat $W/pull1.err; }
same "pull equals ipvsadm -Sn" $W/k1.Sn $W/pull1.out

# 3. idempotence
lvslab push /tmp/live/one.rules > $W/push1b.out 2>&1; rc=$?
n=$(grep -c '^ipvsadm' $W/push1b.out)
[ $rc = 0 ] && [ "$n" = 0 ] && pass "second push changes nothing" || { fail "second push: exit $rc, $n operation(s)"; cat $W/push1b.out; }
lvslab diff /tmp/live/one.rules > $W/diff1.out 2>&1; rc=$?
[ $rc = 0 ] && pass "diff after push exits 0" || { fail "diff exits $rc"; cat $W/diff1.out; }

# 4. changed file, exact order
lvslab diff --exact-order /tmp/live/two.rules > $W/diff2.out 2>&1; rc=$?
[ $rc = 1 ] && pass "diff two.rules exits 1 and lists $(grep -c '^ipvsadm' $W/diff2.out) command(s)" || fail "diff two.rules exits $rc"
sed 's/^/    /' $W/diff2.out
lvslab push --exact-order /tmp/live/two.rules > $W/push2.out 2> $W/push2.err; rc=$?
[ $rc = 0 ] && pass "push --exact-order two.rules exits 0" || { fail "push two.rules exits $rc"; cat $W/push2.err; }
reference $W/two.rules $W/ref2
ipvsadm -Sn > $W/k2.Sn; orders "" > $W/k2.order
same "push two.rules: ipvsadm -Sn equals ipvsadm -R's" $W/ref2.Sn $W/k2.Sn
same "push two.rules: real-server list order equals ipvsadm -R's" $W/ref2.order $W/k2.order
ipvsadm -Ln --timeout > $W/k2.timeout
grep -q '(tcp tcpfin udp): 600 60 30' $W/k2.timeout && pass "timeouts set to 600 60 30" || { fail "timeouts"; cat $W/k2.timeout; }

# 5. replay format keeps the list order
lvslab pull --format replay > $W/replay.rules 2> $W/replay.err || { fail "pull --format replay"; cat $W/replay.err; }
grep -v '^--set' $W/replay.rules > $W/replay-noset.rules
reference $W/replay-noset.rules $W/ref3
same "pull --format replay rebuilds the list order" $W/k2.order $W/ref3.order

# 6. a refusal only the real kernel knows about, then rollback
ipvsadm -Sn > $W/before6.Sn
lvslab push /tmp/live/bad.rules > $W/push3.out 2> $W/push3.err; rc=$?
sed 's/^/    /' $W/push3.err
[ $rc = 1 ] && grep -q 'FAILED: -a -t 10.0.0.3:80 -r 192.168.77.255:80 -m -w 1: EINVAL' $W/push3.err \
  && pass "push bad.rules exits 1 naming the refused operation" || fail "push bad.rules: exit $rc"
ipvsadm -Sn > $W/after6.Sn
if grep -q '^-A -t 10.0.0.3:80' $W/after6.Sn && grep -q 'applied before the failure' $W/push3.err; then
  pass "without rollback the applied operations are in effect, as reported"
else fail "partial push state"; fi
lvslab push --exact-order /tmp/live/two.rules > /dev/null 2>&1
ipvsadm -Sn > $W/before7.Sn
lvslab push --rollback /tmp/live/bad.rules > $W/push4.out 2> $W/push4.err; rc=$?
ipvsadm -Sn > $W/after7.Sn
[ $rc = 1 ] && grep -q 'back to what it was' $W/push4.err && pass "push --rollback exits 1 and says it rolled back" \
  || { fail "push --rollback: exit $rc"; cat $W/push4.err; }
same "after --rollback the table is what it was" $W/before7.Sn $W/after7.Sn

# 7. unprivileged
chroot /host /usr/sbin/chroot --userspec=65534:65534 / "$JAVA" --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 \
  -Xshare:off -cp "$JAR" org.lvslab.cli.Main pull > $W/np.out 2> $W/np.err; rc=$?
sed 's/^/    /' $W/np.err
[ $rc = 3 ] && grep -q 'CAP_NET_ADMIN' $W/np.err && pass "pull as nobody exits 3 explaining EPERM" || fail "pull as nobody: exit $rc"

echo "# $fails check(s) failed"
[ $fails = 0 ]
GUEST
chmod +x "$guest"
start=$(date +%s)
"$lab" --host-root --mem 1536 --timeout 1200 "${labopts[@]}" "$guest" "$java" "$jar"
rc=$?
echo "run-live: exit $rc after $(( $(date +%s) - start )) s"
exit $rc
