#!/bin/bash
# Runs scenario.py under five concurrent captures on lo (and any), stops the captures, then the script.
cd "$(dirname "$0")"
F='port 19000 or port 19001 or port 19099'
tcpdump -i lo -w lo-us.pcap "$F" 2>/dev/null & P1=$!
tcpdump -i lo --time-stamp-precision=nano -w lo-ns.pcap "$F" 2>/dev/null & P2=$!
tcpdump -i lo -s 64 -w lo-snap64.pcap "$F" 2>/dev/null & P3=$!
tshark -i lo -w lo.pcapng -f "$F" 2>/dev/null & P4=$!
tshark -i lo -i any -w lo+any.pcapng -f "$F" 2>/dev/null & P5=$!
sleep 4
mkfifo ctl.fifo
./scenario.py < ctl.fifo > scen.out & S=$!
exec 3>ctl.fifo
until grep -q ready scen.out; do sleep 0.2; done
sleep 1
kill $P1 $P2 $P3 $P4 $P5; wait $P1 $P2 $P3 $P4 $P5
echo q >&3; exec 3>&-; wait $S; rm -f ctl.fifo scen.out
