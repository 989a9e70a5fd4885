#!/usr/bin/env bash
# record.sh - run a set of .lvs scenarios on one or more real kernels (one VM
# boot per kernel, one fresh lab per scenario) and store each output as
# NAME.<upstream-version>.out beside the scenario (or in -d DIR).
#
#   record.sh [-d OUTDIR] [-k KERNEL]... [-j] SCENARIO.lvs|DIR ...
#
#   -k KERNEL  upstream version (6.12.117, 6.1.170, ...) or Debian package name
#              (linux-image-6.1.0-47-amd64); repeatable; default: the four
#              kernels of the conformance suite (6.1.170 6.1.192 6.12.100 6.12.117).
#   -d OUTDIR  write outputs there instead of beside the scenarios.
#   -r         raw: keep NAME.out/.err/.rc of the VM run in OUTDIR/raw-VERSION too.
#
# Scenarios whose output depends on randomness (scheduler twos) are recorded
# like any other; the conformance runner compares them statistically.
# A scenario whose guest run exits non-zero (2 = parse error, 3 = not executed
# faithfully) is reported and its output is NOT stored.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUTDIR=; RAW=0; KERNELS=()
while getopts d:k:rh o; do
  case $o in
    d) OUTDIR=$OPTARG ;; k) KERNELS+=("$OPTARG") ;; r) RAW=1 ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "record.sh: no scenarios given" >&2; exit 2; }
[ ${#KERNELS[@]} -gt 0 ] || KERNELS=(6.1.170 6.1.192 6.12.100 6.12.117)

# Collect scenario files (absolute paths).
FILES=()
for a in "$@"; do
  if [ -d "$a" ]; then for f in "$a"/*.lvs; do [ -f "$f" ] && FILES+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
  elif [ -f "$a" ]; then FILES+=("$(cd "$(dirname "$a")" && pwd)/$(basename "$a")")
  else echo "record.sh: not found: $a" >&2; exit 2; fi
done
[ ${#FILES[@]} -gt 0 ] || { echo "record.sh: no .lvs files" >&2; exit 2; }

# Stage the scenarios under unique basenames in one directory for --file.
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/lvs-record.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/in"
NAMES=()
for f in "${FILES[@]}"; do
  n=$(basename "$f" .lvs)
  [ -e "$STAGE/in/$n.lvs" ] && { echo "record.sh: two scenarios named $n" >&2; exit 2; }
  cp "$f" "$STAGE/in/$n.lvs"; NAMES+=("$n")
done

rc=0
for k in "${KERNELS[@]}"; do
  pkg=$("$HERE/kernel-pkg.sh" "$k") || { echo "record.sh: unknown kernel $k" >&2; rc=2; continue; }
  ver=$("$HERE/kernel-pkg.sh" --version "$pkg")
  share="$STAGE/out-$ver"; mkdir -p "$share"
  args=(); for n in "${NAMES[@]}"; do args+=("in/$n.lvs"); done
  echo "record.sh: $ver ($pkg): ${#NAMES[@]} scenarios" >&2
  t0=$(date +%s)
  set +e
  "$HERE/run-ipvs-vm.sh" --kernel-pkg "$pkg" --mem 256 --timeout "${RECORD_TIMEOUT:-3600}" \
    --file "$STAGE/in" --share "$share" "$HERE/run-scenario.sh" -o /mnt/share "${args[@]}"
  vrc=$?
  set -e
  echo "record.sh: $ver: VM exit $vrc after $(( $(date +%s) - t0 ))s" >&2
  for i in "${!NAMES[@]}"; do
    n=${NAMES[$i]}; src=${FILES[$i]}
    dst=${OUTDIR:-$(dirname "$src")}; mkdir -p "$dst"
    if [ -f "$share/$n.rc" ] && [ "$(cat "$share/$n.rc")" = 0 ]; then
      cp "$share/$n.out" "$dst/$n.$ver.out"
    else
      echo "record.sh: $ver: $n: rc=$(cat "$share/$n.rc" 2>/dev/null || echo none), not stored; stderr:" >&2
      [ -f "$share/$n.err" ] && sed "s/^/  | /" "$share/$n.err" >&2
      rc=1
    fi
  done
  if [ "$RAW" = 1 ]; then mkdir -p "${OUTDIR:-.}/raw-$ver"; cp "$share"/* "${OUTDIR:-.}/raw-$ver/"; fi
  [ "$vrc" = 0 ] || [ "$vrc" = 3 ] || rc=1
done
exit $rc
