#!/bin/bash
# Guest script for run-ipvs-vm.sh: runs ipvsadm command sequences (*.seq) on the VM's real kernel,
# each sequence in a fresh network namespace, and writes every command's stdout, stderr and exit
# status to OUTDIR/NAME/NNN.{out,err,rc}.
#   usage: guest-record.sh OUTDIR SEQDIR
# A .seq line is "ipvsadm ARGS" with shell quoting ('' for an empty word) and an optional
# " <<< 'TEXT'" suffix whose TEXT (printf %b escapes) is the command's stdin; '#' lines and blank
# lines are skipped. Globbing is off.
set -f
out=$1 seqdir=$2
F=/guest/files
cp $F/services /etc/services
printf '127.0.0.1\tlocalhost\n' > /etc/hosts
printf 'hosts: files\nservices: files\nnetworks: files\nprotocols: files\n' > /etc/nsswitch.conf
for m in nf_conntrack_sip ip_vs_pe_sip; do insmod $F/mods/$m.ko || echo "insmod $m failed" >&2; done
ipvsadm -v >&2
n=0
set +f; seqs=($seqdir/*.seq); set -f
for f in "${seqs[@]}"; do
  name=$(basename "$f" .seq); n=$((n+1)); ns=rec$n
  ip netns add $ns
  ip -n $ns link set lo up
  ip -n $ns link add eth0 type dummy
  ip -n $ns link set eth0 up
  ip -n $ns addr add 192.168.100.1/24 dev eth0
  d=$out/$name; mkdir -p "$d"; i=0
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in ''|'#'*) continue ;; esac
    i=$((i+1)); k=$(printf %03d $i)
    in=/dev/null
    if [[ $line == *' <<< '* ]]; then
      txt=${line#*' <<< '}; line=${line%%' <<< '*}
      eval "txt=$txt"; printf '%b' "$txt" > "$d/$k.in"; in=$d/$k.in
    fi
    eval "args=($line)"
    ip netns exec $ns "${args[@]}" < "$in" > "$d/$k.out" 2> "$d/$k.err"
    echo $? > "$d/$k.rc"
  done < "$f"
  ip netns del $ns
  echo "done $name ($i commands)" >&2
done
