#!/usr/bin/env bash
# run-ipvs-vm.sh - run a shell script inside a throwaway QEMU VM that boots a
# real (stock Debian) Linux kernel with IPVS and all its schedulers loaded.
#
#   run-ipvs-vm.sh [options] GUEST_SCRIPT [ARG...]
#
# The guest script runs as root under bash (also the guest's /bin/sh), in the
# root network namespace of the VM, cwd /guest, stdin /dev/null.  Its stdout and
# stderr are streamed to ours and we exit with its exit status.  Guest tools:
# busybox applets, bash, ipvsadm, iproute2 `ip` (with `ip netns`), `ss`, `genl`,
# perl (perl-base modules only: Socket, IO::Socket, IO::Select, POSIX, ...),
# /sbin/modprobe for the bundled modules.  Env: IPVS_VM_KVER, IPVS_VM_SCHEDULERS.
#
# How it works (all state lives in $IPVS_VM_CACHE, default /tmp/ipvs-vm-cache):
#   1. apt-get installs missing host tools (qemu-system-x86, busybox-static, cpio,
#      kmod, ipvsadm, iproute2, xz-utils, zstd).   Needs root only when installing.
#   2. `apt-get download`s a Debian kernel package (NOT installed on the host) and
#      unpacks it with dpkg -x.  Default: whatever linux-image-6.12-amd64 points
#      to (6.12 has all 14 schedulers incl. `twos`), else linux-image-amd64 (6.1:
#      13, no `twos`).  Override with --kernel-pkg / $IPVS_VM_KERNEL_PKG.
#   3. builds a cached initramfs (~20 MB): busybox-static + the needed modules
#      (ip_vs, every ip_vs_<scheduler>, nf_conntrack & deps, veth, dummy, 9p,
#      overlay), decompressed, + host binaries (bash, ipvsadm, ip, ss, genl, perl)
#      with the shared libraries ldd reports.
#   4. per run, appends a tiny second cpio holding the guest script and its args,
#      boots `qemu -kernel vmlinuz -initrd ...` (KVM when usable, else TCG) and
#      waits.  Serial ports: ttyS0 = kernel console (saved, shown on failure or
#      with -v), ttyS1 = script stdout, ttyS2 = script stderr, ttyS3 = exit code.
#
# Options:
#   --kernel-pkg PKG   Debian binary package to boot, e.g. linux-image-6.1.0-56-amd64
#   --accel auto|kvm|tcg   default auto: KVM only if /dev/kvm is usable AND backed by
#                      hardware virtualisation (kvm_intel/kvm_amd); otherwise TCG.
#   --mem MB           guest RAM (default 512; 128 is enough without a JVM)
#   --smp N            vCPUs (default 1: keeps the kernel's event order simple)
#   --timeout SEC      kill the VM after SEC seconds (default 600) -> exit 124
#   --boot-timeout SEC kill the VM if the guest script has not started after SEC
#                      seconds (default 180; 0 = no limit) -> exit 125 with a message
#   --host-root        show the host's / at /host in the guest: read-only 9p
#                      export + tmpfs overlay, so it looks writable but writes stay
#                      in guest RAM.  The guest script can `chroot /host <cmd>` to
#                      run host binaries (e.g. a JDK) on the VM's kernel (see
#                      examples/in-host-root.sh).  /proc /sys /dev /run inside
#                      /host are the guest's own.
#   --share DIR        mount host DIR read-write at /mnt/share (9p); with
#                      --host-root it is also bind-mounted at /host/DIR.
#   --file PATH        copy a host file (or directory) into the guest as
#                      /guest/files/BASENAME; repeatable.  Read-only input such as
#                      scenario files, without a 9p mount (see run-scenario.sh).
#   --append STR       extra kernel command line
#   -v, --verbose      also stream the kernel console to stderr
#   --keep             keep the per-run directory (console.log etc.)
#   --build-only       only prepare cache (packages, kernel, initramfs) and exit
#   --refresh          re-resolve the default kernel package via apt-cache (the
#                      resolved name is otherwise remembered in the cache)
#   -h, --help
# Environment: IPVS_VM_CACHE, IPVS_VM_KERNEL_PKG, IPVS_VM_ACCEL, IPVS_VM_MEM,
#   IPVS_VM_SMP, IPVS_VM_TIMEOUT (defaults for the options above) and
#   IPVS_VM_TB_SIZE (TCG translation cache in MB, default 256; bounds QEMU's RSS).
#
# Exit status: the guest script's status; 124 on timeout; 125 if the VM died
# without reporting one (kernel panic, QEMU error); 2 on usage errors.
set -euo pipefail

SELF_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF="$SELF_DIR/$(basename "${BASH_SOURCE[0]}")"
CACHE=${IPVS_VM_CACHE:-${TMPDIR:-/tmp}/ipvs-vm-cache}
KERNEL_PKG=${IPVS_VM_KERNEL_PKG:-}
ACCEL=${IPVS_VM_ACCEL:-auto}
MEM=${IPVS_VM_MEM:-512}
SMP=${IPVS_VM_SMP:-1}
TIMEOUT=${IPVS_VM_TIMEOUT:-600}
BOOT_TIMEOUT=${IPVS_VM_BOOT_TIMEOUT:-180}
HOST_ROOT=0
SHARE=
FILES=()
APPEND=
VERBOSE=0
KEEP=0
BUILD_ONLY=0
REFRESH=0

log() { echo "run-ipvs-vm: $*" >&2; }
die() { log "error: $*"; exit 2; }
usage() { sed -n '2,/^set -euo/p' "$SELF" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
  case $1 in
    --kernel-pkg) KERNEL_PKG=$2; shift 2 ;;
    --accel) ACCEL=$2; shift 2 ;;
    --mem) MEM=$2; shift 2 ;;
    --smp) SMP=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --boot-timeout) BOOT_TIMEOUT=$2; shift 2 ;;
    --host-root) HOST_ROOT=1; shift ;;
    --share) SHARE=$(cd "$2" && pwd) || die "--share: no such dir $2"; shift 2 ;;
    --file) [ -e "$2" ] || die "--file: not found: $2"; FILES+=("$2"); shift 2 ;;
    --append) APPEND=$2; shift 2 ;;
    -v|--verbose) VERBOSE=1; shift ;;
    --keep) KEEP=1; shift ;;
    --build-only) BUILD_ONLY=1; shift ;;
    --refresh) REFRESH=1; shift ;;
    -h|--help) usage 0 ;;
    --) shift; break ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) break ;;
  esac
done
if [ "$BUILD_ONLY" = 0 ]; then
  [ $# -ge 1 ] || usage 2
  GUEST_SCRIPT=$1; shift
  [ -f "$GUEST_SCRIPT" ] || die "guest script not found: $GUEST_SCRIPT"
fi
case $SHARE in *,*) die "--share path must not contain a comma (QEMU option syntax)";; esac

export PATH="$PATH:/usr/sbin:/sbin"
mkdir -p "$CACHE"
# Serialise cache building between concurrent invocations.
exec 9>"$CACHE/.lock"
flock 9

# ---------------------------------------------------------------- 1. host tools
static_busybox() { [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1; }
ensure_packages() {
  local pkgs=()
  command -v qemu-system-x86_64 >/dev/null || pkgs+=(qemu-system-x86)
  static_busybox || pkgs+=(busybox-static)
  command -v cpio >/dev/null || pkgs+=(cpio)
  command -v depmod >/dev/null && command -v modprobe >/dev/null || pkgs+=(kmod)
  command -v ipvsadm >/dev/null || pkgs+=(ipvsadm)
  command -v ip >/dev/null && command -v ss >/dev/null || pkgs+=(iproute2)
  command -v xz >/dev/null || pkgs+=(xz-utils)
  command -v zstd >/dev/null || pkgs+=(zstd)
  command -v perl >/dev/null || pkgs+=(perl-base)
  if [ ${#pkgs[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing packages (${pkgs[*]}); run once as root or apt-get install them"
    log "installing ${pkgs[*]}"
    # Wait for a concurrent apt/dpkg (another user of this host) instead of failing.
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${pkgs[@]}" >&2
  fi
}
ensure_packages

# ---------------------------------------------------------- 2. kernel package
resolve_kernel_pkg() {
  [ -n "$KERNEL_PKG" ] && return
  # The default is resolved once and remembered (apt-cache costs ~2 s, and tests
  # should not silently switch kernels); --refresh re-resolves it.
  local f="$CACHE/default-kernel-pkg" try meta dep
  if [ "$REFRESH" = 0 ] && [ -s "$f" ] && [ -f "$CACHE/kernels/$(cat "$f")/.ok" ]; then
    KERNEL_PKG=$(cat "$f"); return
  fi
  for try in 1 2; do
    for meta in linux-image-6.12-amd64 linux-image-amd64; do
      dep=$(apt-cache depends "$meta" 2>/dev/null | awk '$1=="Depends:" && $2 ~ /^linux-image-/ {print $2; exit}')
      if [ -n "$dep" ]; then KERNEL_PKG=$dep; echo "$dep" > "$f"; return; fi
    done
    [ "$try" = 1 ] && [ "$(id -u)" = 0 ] || break
    log "apt-get update"; apt-get update -qq
  done
  # Offline fallback: reuse the newest kernel already in the cache.
  KERNEL_PKG=$(ls -t "$CACHE/kernels" 2>/dev/null | head -1 || true)
  [ -n "$KERNEL_PKG" ] || die "cannot resolve a Debian kernel package (apt-get update needed?)"
}
resolve_kernel_pkg
KROOT="$CACHE/kernels/$KERNEL_PKG"
if [ ! -f "$KROOT/.ok" ]; then
  log "fetching $KERNEL_PKG"
  mkdir -p "$CACHE/debs"; rm -rf "$KROOT"
  # apt-get download writes into the cwd; _apt may not be able to write there,
  # in which case apt falls back to downloading as root (harmless warning).
  (cd "$CACHE/debs" && apt-get download -q "$KERNEL_PKG" >&2)
  deb=$(ls -t "$CACHE/debs/${KERNEL_PKG}_"*.deb | head -1)
  mkdir -p "$KROOT"; dpkg -x "$deb" "$KROOT"
  # kmod on bookworm looks in <root>/lib/modules; newer packages use usr/lib.
  [ -d "$KROOT/lib/modules" ] || ln -s usr/lib "$KROOT/lib"
  touch "$KROOT/.ok"
fi
KVER=$(ls "$KROOT/lib/modules" | head -1)
VMLINUZ="$KROOT/boot/vmlinuz-$KVER"
[ -f "$VMLINUZ" ] || die "no kernel image in $KERNEL_PKG"

# -------------------------------------------------------- 3. base initramfs
# Rebuilt whenever this script changes (its hash is part of the cache key).
SELF_HASH=$(sha256sum "$SELF" | cut -c1-12)
IMG="$CACHE/images/$KERNEL_PKG-$SELF_HASH"

copy_bin() {  # copy a host binary + the shared libraries it needs into $ST
  local bin lib
  bin=$(command -v "$1") || die "host binary $1 not found"
  install -D -m 0755 "$(readlink -f "$bin")" "$ST$2"
  ldd "$bin" 2>/dev/null | awk '$2=="=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' |
    while read -r lib; do
      [ -e "$ST$lib" ] || install -D -m 0755 "$(readlink -f "$lib")" "$ST$lib"
    done
}

build_image() {
  log "building initramfs for $KVER (one-off, cached in $IMG)"
  rm -rf "$CACHE/images/$KERNEL_PKG-"*          # images made by older versions of this script
  local TMPB; TMPB=$(mktemp -d "$CACHE/build.XXXXXX")
  ST="$TMPB/root"
  mkdir -p "$ST"/{bin,sbin,usr/bin,usr/sbin,etc/ipvs-vm,proc,sys,dev,tmp,run,root,guest,mnt,host}
  mkdir -p "$ST/var"; ln -s ../run "$ST/var/run"; ln -s ../tmp "$ST/var/tmp"
  # busybox-static + all applet links (real binaries in /usr/{s,}bin win via PATH)
  cp /bin/busybox "$ST/bin/busybox"
  for a in $(/bin/busybox --list); do [ -e "$ST/bin/$a" ] || ln -s busybox "$ST/bin/$a"; done
  ln -sf ../bin/busybox "$ST/sbin/modprobe"   # kernel's request_module() helper
  # Debian's busybox-static prefers its own applets over $PATH inside its ash
  # (so `ip` would be busybox's crippled ip, not iproute2's).  Guest scripts
  # therefore run under bash, which is also /bin/sh in the guest.
  copy_bin bash /bin/bash
  ln -sf bash "$ST/bin/sh"
  copy_bin ipvsadm /usr/sbin/ipvsadm
  copy_bin ip /usr/sbin/ip
  copy_bin ss /usr/sbin/ss
  copy_bin genl /usr/sbin/genl       # `genl ctrl get name IPVS` shows the IPVS family
  copy_bin perl /usr/bin/perl
  # perl-base's module dir (Socket, IO::Socket, IO::Select, POSIX, ...)
  local pdir; pdir=$(dirname "$(perl -MSocket -e 'print $INC{"Socket.pm"}')")
  mkdir -p "$ST$pdir"; cp -a "$pdir/." "$ST$pdir/"
  printf 'root:x:0:0:root:/root:/bin/sh\n' > "$ST/etc/passwd"
  printf 'root:x:0:\n' > "$ST/etc/group"
  printf '127.0.0.1 localhost\n' > "$ST/etc/hosts"

  # Kernel modules: IPVS core + every scheduler the kernel ships, veth/dummy for
  # test topologies, 9p for host file sharing.  Dependencies (nf_conntrack,
  # nf_defrag_ipv4/6, libcrc32c, ...) are resolved by kmod's --show-depends.
  [ -f "$KROOT/lib/modules/$KVER/modules.dep" ] || depmod -b "$KROOT" "$KVER"
  local want=(ip_vs) m f rel
  for f in "$KROOT/lib/modules/$KVER/kernel/net/netfilter/ipvs"/ip_vs_*.ko*; do
    m=$(basename "$f"); m=${m%%.ko*}
    case $m in ip_vs_ftp|ip_vs_pe_sip) ;; *) want+=("$m") ;; esac   # only schedulers
  done
  want+=(veth dummy virtio_pci 9pnet_virtio 9p overlay)
  local mdir="$ST/lib/modules/$KVER"; mkdir -p "$mdir"
  : > "$ST/etc/ipvs-vm/modules.list"
  for m in "${want[@]}"; do
    modprobe -d "$KROOT" -S "$KVER" -C /dev/null --show-depends "$m" 2>/dev/null |
      while read -r kind f params; do
        [ "$kind" = insmod ] || continue                 # "builtin xyz" lines
        rel=${f#"$KROOT/lib/modules/$KVER/"}; rel=${rel%.xz}; rel=${rel%.zst}; rel=${rel%.gz}
        awk -v r="$rel" '$1==r {f=1} END {exit !f}' "$ST/etc/ipvs-vm/modules.list" && continue
        mkdir -p "$(dirname "$mdir/$rel")"
        case $f in
          *.xz) xz -dc "$f" > "$mdir/$rel" ;;
          *.zst) zstd -qdc "$f" > "$mdir/$rel" ;;
          *.gz) gzip -dc "$f" > "$mdir/$rel" ;;
          *) cp "$f" "$mdir/$rel" ;;
        esac
        [ "$m" = dummy ] && params="numdummies=0"
        echo "$rel $params" >> "$ST/etc/ipvs-vm/modules.list"
      done
  done
  cp "$KROOT/lib/modules/$KVER"/modules.{builtin,order} "$mdir/" 2>/dev/null || true
  depmod -b "$ST" "$KVER" 2>/dev/null || true   # lets busybox modprobe work in the guest
  grep -o 'ip_vs_[a-z0-9]*\.ko' "$ST/etc/ipvs-vm/modules.list" | sed 's/^ip_vs_//; s/\.ko$//' |
    tr '\n' ' ' > "$ST/etc/ipvs-vm/schedulers"
  echo "$KVER" > "$ST/etc/ipvs-vm/kver"

  cat > "$ST/init" <<'INIT'
#!/bin/busybox sh
# PID 1 of the throwaway IPVS VM (generated by run-ipvs-vm.sh).
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs -o mode=1777 tmpfs /dev/shm
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -t tmpfs -o mode=0755 tmpfs /run
# ttyS1/2/3 carry stdout/stderr/exit code: no echo, no \n -> \r\n translation.
for t in /dev/ttyS1 /dev/ttyS2 /dev/ttyS3; do stty -F $t raw -echo -opost 2>/dev/null; done
ulimit -n 65536
hostname ipvs-vm
ip link set lo up
KVER=$(cat /etc/ipvs-vm/kver)
while read -r mod params; do
  insmod "/lib/modules/$KVER/$mod" $params || echo "ipvs-vm: insmod $mod failed"
done < /etc/ipvs-vm/modules.list
. /etc/ipvs-vm/run.conf
P9=trans=virtio,version=9p2000.L,msize=512000
if [ "$HOST_ROOT" = 1 ]; then
  # Host / (read-only 9p) + tmpfs upper layer = a writable, throw-away view of
  # the host filesystem at /host; writes stay in guest RAM.
  mkdir -p /mnt/.hostro /mnt/.hostrw
  mount -t 9p -o $P9,ro,cache=loose hostroot /mnt/.hostro || echo "ipvs-vm: 9p host root mount failed"
  mount -t tmpfs tmpfs /mnt/.hostrw && mkdir -p /mnt/.hostrw/upper /mnt/.hostrw/work
  if ! mount -t overlay overlay -o lowerdir=/mnt/.hostro,upperdir=/mnt/.hostrw/upper,workdir=/mnt/.hostrw/work /host; then
    echo "ipvs-vm: overlay failed; /host is read-only with a tmpfs on /host/tmp"
    mount -o bind /mnt/.hostro /host && mount -t tmpfs -o mode=1777 tmpfs /host/tmp
  fi
  for d in proc sys dev dev/pts run; do mount -o bind /$d /host/$d; done
fi
if [ -n "$SHARE" ]; then
  mkdir -p /mnt/share
  mount -t 9p -o $P9 share /mnt/share || echo "ipvs-vm: 9p share mount failed"
  [ "$HOST_ROOT" = 1 ] && mount -o bind /mnt/share "/host$SHARE"
fi
export IPVS_VM_KVER=$KVER IPVS_VM_SCHEDULERS="$(cat /etc/ipvs-vm/schedulers)"
echo "ipvs-vm: kernel $KVER ready at uptime $(cut -d' ' -f1 /proc/uptime)s, schedulers: $IPVS_VM_SCHEDULERS"
set --
while IFS= read -r a; do set -- "$@" "$a"; done < /guest/args
cd /guest
/bin/bash /guest/script "$@" </dev/null >/dev/ttyS1 2>/dev/ttyS2
rc=$?
echo "ipvs-vm: guest script exited with $rc at uptime $(cut -d' ' -f1 /proc/uptime)s"
echo "$rc" > /dev/ttyS3
# Setting tty attributes uses TCSADRAIN: waits until every queued byte has left.
for t in /dev/ttyS1 /dev/ttyS2 /dev/ttyS3; do stty -F $t -opost 2>/dev/null; done
sync
poweroff -f
INIT
  chmod 0755 "$ST/init"
  mkdir -p "$IMG"
  # Left uncompressed (~20 MB): under TCG, gunzip in the guest costs ~1.5 s per boot.
  (cd "$ST" && find . -print0 | cpio --null -o -H newc -R 0:0 --quiet) > "$IMG/base.cpio.tmp"
  mv "$IMG/base.cpio.tmp" "$IMG/base.cpio"
  cp "$ST/etc/ipvs-vm/schedulers" "$IMG/schedulers"
  rm -rf "$TMPB"
}
[ -f "$IMG/base.cpio" ] || build_image
flock -u 9
if [ "$BUILD_ONLY" = 1 ]; then
  log "ready: kernel $KVER ($KERNEL_PKG), schedulers: $(cat "$IMG/schedulers")"
  exit 0
fi

# ---------------------------------------------------------------- 4. one run
RUN=$(mktemp -d "${TMPDIR:-/tmp}/ipvs-vm-run.XXXXXX")
QPID=
cleanup() {
  [ -n "$QPID" ] && kill "$QPID" 2>/dev/null || true
  if [ "$KEEP" = 1 ]; then log "run directory kept: $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RUN/extra/guest" "$RUN/extra/etc/ipvs-vm"
cp "$GUEST_SCRIPT" "$RUN/extra/guest/script"
if [ ${#FILES[@]} -gt 0 ]; then
  mkdir -p "$RUN/extra/guest/files"
  for f in "${FILES[@]}"; do cp -rL "$f" "$RUN/extra/guest/files/"; done
fi
: > "$RUN/extra/guest/args"
for a in "$@"; do printf '%s\n' "$a" >> "$RUN/extra/guest/args"; done
printf 'HOST_ROOT=%s\nSHARE=%q\n' "$HOST_ROOT" "$SHARE" > "$RUN/extra/etc/ipvs-vm/run.conf"
(cd "$RUN/extra" && find . -print0 | cpio --null -o -H newc -R 0:0 --quiet) > "$RUN/extra.cpio"
# The kernel unpacks concatenated cpio archives in order; later files win.
cat "$IMG/base.cpio" "$RUN/extra.cpio" > "$RUN/initrd"

if [ "$ACCEL" = auto ]; then
  ACCEL=tcg
  # /dev/kvm alone is not enough: e.g. kvm_pvm (software nested virt) exposes
  # /dev/kvm but cannot run a stock kernel (emulation failures / very slow).
  if [ -r /dev/kvm ] && [ -w /dev/kvm ] && { [ -d /sys/module/kvm_intel ] || [ -d /sys/module/kvm_amd ]; }; then
    ACCEL=kvm
  fi
fi
case $ACCEL in
  kvm) ACCEL_OPTS=(-accel kvm -cpu host) ;;
  tcg) ACCEL_OPTS=(-accel "tcg,tb-size=${IPVS_VM_TB_SIZE:-256}" -cpu max) ;;
  *) die "--accel must be auto, kvm or tcg" ;;
esac

QEMU_OPTS=(-nodefaults -no-user-config -display none -no-reboot -machine pc
  "${ACCEL_OPTS[@]}" -m "$MEM" -smp "$SMP"
  -kernel "$VMLINUZ" -initrd "$RUN/initrd"
  -append "console=ttyS0 quiet panic=-1 $APPEND"
  -serial "file:$RUN/console.log" -serial "file:$RUN/stdout.log"
  -serial "file:$RUN/stderr.log" -serial "file:$RUN/exit.log")
[ "$HOST_ROOT" = 1 ] && QEMU_OPTS+=(-virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap")
[ -n "$SHARE" ] && QEMU_OPTS+=(-virtfs "local,path=$SHARE,mount_tag=share,security_model=none,multidevs=remap")

touch "$RUN"/{console,stdout,stderr,exit}.log
log "booting $KVER with $ACCEL (mem ${MEM}M, smp $SMP)"
T0=$(date +%s.%N)
timeout -k 5 "$TIMEOUT" qemu-system-x86_64 "${QEMU_OPTS[@]}" </dev/null >"$RUN/qemu.log" 2>&1 &
QPID=$!
if [ "$ACCEL" = kvm ]; then   # QEMU pauses (never exits) after a KVM emulation failure
  ( while kill -0 "$QPID" 2>/dev/null; do
      grep -q 'KVM internal error' "$RUN/qemu.log" && { kill "$QPID"; break; }
      sleep 1
    done ) &
fi
if [ "$BOOT_TIMEOUT" -gt 0 ]; then   # a VM that never boots must not hang its caller
  ( end=$((SECONDS + BOOT_TIMEOUT))
    while kill -0 "$QPID" 2>/dev/null; do
      grep -aq 'ready at uptime' "$RUN/console.log" && exit 0
      if [ "$SECONDS" -ge "$end" ]; then : > "$RUN/boot-timeout"; kill "$QPID"; exit 0; fi
      sleep 1
    done ) &
fi
tail -n +1 -s 0.2 -f --pid="$QPID" "$RUN/stdout.log" &
T1=$!
tail -n +1 -s 0.2 -f --pid="$QPID" "$RUN/stderr.log" >&2 &
T2=$!
T3=
[ "$VERBOSE" = 1 ] && { tail -n +1 -s 0.2 -f --pid="$QPID" "$RUN/console.log" >&2 & T3=$!; }
set +e
wait "$QPID"; QRC=$?
QPID=
wait $T1 $T2 $T3
set -e
T1S=$(date +%s.%N)
RC=$(tr -dc '0-9' < "$RUN/exit.log")
READY=$(grep -a -o 'ready at uptime [0-9.]*' "$RUN/console.log" | awk '{print $NF}' || true)
log "VM finished in $(awk -v a="$T0" -v b="$T1S" 'BEGIN{printf "%.1f", b-a}')s; script started at guest uptime ${READY:-?}s (qemu rc=$QRC, guest rc=${RC:-none})"
if [ -z "$RC" ]; then
  [ "$QRC" = 124 ] && RC=124 || RC=125
  [ -f "$RUN/boot-timeout" ] && { RC=125; log "error: the VM did not boot within ${BOOT_TIMEOUT}s (accel $ACCEL)"; }
  log "guest did not report an exit status; last kernel console lines:"
  tail -n 30 "$RUN/console.log" | sed 's/^/  | /' >&2
  [ -s "$RUN/qemu.log" ] && sed 's/^/  qemu| /' "$RUN/qemu.log" >&2
fi
exit "$RC"
