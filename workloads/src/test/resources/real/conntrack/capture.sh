#!/bin/bash
# conntrack -E listeners in namespace e2ns while client.py (host) talks to server.py (namespace).
# Namespace setup and sysctls: see README. Waits 75 s after the traffic so that the conntrack
# garbage collector (which scans lazily, up to every 60 s) reports the DESTROY events.
cd "$(dirname "$0")"
N="ip netns exec e2ns"
$N python3 server.py & SRV=$!
sleep 0.5
$N conntrack -E -o timestamp > ct-timestamp.txt 2>/dev/null & C1=$!
$N conntrack -E -o timestamp,extended > ct-timestamp-extended.txt 2>/dev/null & C2=$!
$N conntrack -E -o timestamp,id > ct-timestamp-id.txt 2>/dev/null & C3=$!
$N conntrack -E -o extended > ct-no-timestamp.txt 2>/dev/null & C4=$!
$N conntrack -E -o timestamp,ktimestamp > ct-ktimestamp.txt 2>/dev/null & C5=$!
sleep 1
mkfifo ctl; python3 client.py < ctl > cl.out & CL=$!; exec 3>ctl
until grep -q ready cl.out; do sleep 0.2; done
ping -c 1 10.200.0.2 >/dev/null; ping -c 1 fd00:e2::2 > /dev/null
$N python3 -c "
import socket; c=socket.create_connection(('127.0.0.1',19000)); c.sendall(b'lo'); c.recv(100); c.close()"
sleep 75
kill -INT $C1 $C2 $C3 $C4 $C5; wait $C1 $C2 $C3 $C4 $C5
echo q >&3; exec 3>&-; wait $CL; rm -f ctl cl.out; kill $SRV
