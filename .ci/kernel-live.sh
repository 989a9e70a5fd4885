#!/bin/sh
# CI: boot ONE real kernel in QEMU, run a small subset of the conformance suite on it and
# compare the live output with the recordings in conformance/ (a few minutes at most under TCG).
#
#   .ci/kernel-live.sh            # kernel $LVSLAB_LIVE_KERNEL (default 6.1.170: a CLASSIC kernel)
#
# Exit 0 when the live kernel agrees with the recordings, or (with a "SKIP" message) when the
# lab cannot run here: QEMU cannot be installed, the kernel cannot be downloaded, the VM does
# not boot. A real mismatch exits 1, so CI is red only for real differences.
set -u
cd "$(dirname "$0")/.."
KERNEL=${LVSLAB_LIVE_KERNEL:-6.1.170}
# Scenarios without sleeps that exercise CLASSIC/NEW differences, hashing, persistence, UDP,
# IPv6 and ipvsadm's messages (about 1-2 s each in the VM).
SUBSET="wlc-overhead-weights thr-lower-u thr-raise-u rr-order-edits wrr-incremental-and-edit
sh-flags-ipv6 mh-quiesce-fallback persist-netmask udp-schedulers ipvsadm-errors lblc-lblcr-dh"

skip() { echo "kernel-live: SKIP: $*"; exit 0; }

LVSLAB=./lvslab
[ -x "$LVSLAB" ] || skip "no ./lvslab launcher"

# 1. Tools, kernel package and guest image (apt-get as root where something is missing).
if ! timeout 900 "$LVSLAB" kernel prepare --kernel "$KERNEL"; then
  skip "the kernel lab cannot be prepared on this machine (QEMU or the kernel package unavailable)"
fi

# 2. Boot and compare. Exit 4 = the lab could not run (VM did not boot, timed out).
ONLY=
for s in $SUBSET; do ONLY="$ONLY --only $s"; done
start=$(date +%s)
# shellcheck disable=SC2086
timeout 1200 "$LVSLAB" conformance conformance --live --kernel "$KERNEL" $ONLY
rc=$?
echo "kernel-live: $KERNEL, $(echo $SUBSET | wc -w) scenarios, $(( $(date +%s) - start )) s, exit $rc"
case $rc in
  0) exit 0 ;;
  4|124) skip "the VM could not run (exit $rc)" ;;
  *) echo "kernel-live: FAIL: the live kernel differs from the recordings (see above)"; exit 1 ;;
esac
