#!/bin/bash
# Traffic against Apache on 127.0.0.1:18081 / [::1]:18081 (the nginx phase 1 shape without the proxy part).
set -e
U=http://127.0.0.1:18081
# I: slow 300 kB download (3 s at 100 kB/s), logged after the requests that start later
curl -s -o /dev/null --limit-rate 100k $U/big.bin &
BIG=$!
sleep 0.2
# A: 5 keep-alive connections, 3 requests each
for i in 1 2 3 4 5; do curl -s -o /dev/null -o /dev/null -o /dev/null $U/f1.txt $U/f2.txt $U/f$i.txt; done
# B: 2 IPv6 connections, 2 requests each
for i in 1 2; do curl -s -g -o /dev/null -o /dev/null 'http://[::1]:18081/f1.txt' 'http://[::1]:18081/index.html'; done
# C: a user agent with quotes, spaces and a backslash
curl -s -o /dev/null -A 'Mozilla/5.0 "quoted" agent with spaces \ backslash' $U/index.html
# E: garbage request line and an escaped header
printf 'GARBAGE\x01 "x y" \\ junk\r\n\r\n' | nc -q 2 127.0.0.1 18081 >/dev/null || true
printf 'GET /index.html?q="a b" HTTP/1.0\r\nUser-Agent: a"b\\c\r\n\r\n' | nc -q 2 127.0.0.1 18081 >/dev/null || true
# E2: a connection that sends nothing (mod_reqtimeout header=2 ends it)
sleep 3 </dev/null | nc 127.0.0.1 18081 >/dev/null || true
# F: 50 connections without keep-alive
ab -q -n 50 -c 5 $U/f2.txt >/dev/null
# G: 3 keep-alive connections, 60 requests
ab -q -k -n 60 -c 3 $U/f3.txt >/dev/null
# H: 4 keep-alive connections for 1 s
wrk -t1 -c4 -d1s -s /tmp/e2real/nginx/slow.lua $U/index.html >/dev/null
# J: one request, then idle until Apache's KeepAliveTimeout (5 s) closes the connection
(printf 'GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n'; sleep 7) | nc 127.0.0.1 18081 >/dev/null || true
wait $BIG
