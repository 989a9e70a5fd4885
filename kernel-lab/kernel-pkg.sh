#!/usr/bin/env bash
# kernel-pkg.sh - map an upstream kernel version to the Debian bookworm package
# that carries it (and back).
#
#   kernel-pkg.sh VERSION|PACKAGE        -> package name (e.g. linux-image-6.1.0-47-amd64)
#   kernel-pkg.sh --version PACKAGE      -> upstream version (e.g. 6.1.170)
#
# 6.12 packages are named after their upstream version (linux-image-6.12.N+deb12-amd64).
# 6.1 packages carry a Debian ABI number (linux-image-6.1.0-N-amd64) that says
# nothing about the upstream version, so the table below (from apt-cache policy,
# see docs/conformance.md) maps them; unknown ones are resolved with apt-cache.
set -euo pipefail
# upstream version -> package (6.1 series, checked with apt-cache policy); 6.1.192 has
# three uploads (-55 = 6.1.192-1, -56 = -2, -57 = -3): -56 is the one the lab was verified on.
TABLE="6.1.170 linux-image-6.1.0-47-amd64
6.1.172 linux-image-6.1.0-48-amd64
6.1.174 linux-image-6.1.0-49-amd64
6.1.176 linux-image-6.1.0-50-amd64
6.1.177 linux-image-6.1.0-51-amd64
6.1.180 linux-image-6.1.0-52-amd64
6.1.187 linux-image-6.1.0-53-amd64
6.1.190 linux-image-6.1.0-54-amd64
6.1.192 linux-image-6.1.0-56-amd64"

pkg_version() {   # upstream version of a package: from the table, else apt-cache
  local p=$1 v
  case $p in linux-image-6.12.*+deb12-amd64) v=${p#linux-image-}; echo "${v%%+*}"; return ;; esac
  v=$(awk -v p="$p" '$2==p {print $1}' <<<"$TABLE")
  case $p in linux-image-6.1.0-55-amd64|linux-image-6.1.0-57-amd64) v=6.1.192 ;; esac
  if [ -z "$v" ]; then
    v=$(apt-cache policy "$p" 2>/dev/null | awk '$1=="Candidate:" {print $2}')
    v=${v%%-*}
  fi
  [ -n "$v" ] && [ "$v" != "(none)" ] || return 1
  echo "$v"
}

if [ "${1:-}" = --version ]; then pkg_version "$2"; exit; fi
k=${1:?usage: kernel-pkg.sh VERSION|PACKAGE}
case $k in
  linux-image-*) echo "$k" ;;
  6.12.*) echo "linux-image-$k+deb12-amd64" ;;
  6.1.*) p=$(awk -v v="$k" '$1==v {print $2}' <<<"$TABLE"); [ -n "$p" ] || exit 1; echo "$p" ;;
  *) exit 1 ;;
esac
