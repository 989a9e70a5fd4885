#!/bin/bash
cd "$(dirname "$0")"
ip netns exec e2ns python3 ../conntrack/server.py & SRV=$!
sleep 0.5
tcpdump -i e2veth0 -w veth-ipv6-ext-frag.pcap 'ip or ip6' 2>/dev/null & T1=$!
sleep 2; python3 ext.py; sleep 1; kill $T1; wait $T1
tcpdump -i e2veth0 -w vlan-qinq.pcap 2>/dev/null & T2=$!
sleep 2; python3 vlan.py; sleep 1; kill $T2; wait $T2
kill $SRV
