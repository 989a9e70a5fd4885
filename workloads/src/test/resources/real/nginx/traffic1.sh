#!/bin/bash
# Phase 1 traffic against nginx on 127.0.0.1:18080 / [::1]:18080. Ground truth: 71 TCP connections to 18080, 4 to 18082.
set -e
U=http://127.0.0.1:18080
# I: slow 300 kB download (3 s at 100 kB/s), logged after the requests that start later
curl -s -o /dev/null --limit-rate 100k $U/big.bin &
BIG=$!
sleep 0.2
# A: 5 keep-alive connections, 3 requests each
for i in 1 2 3 4 5; do curl -s -o /dev/null -o /dev/null -o /dev/null $U/f1.txt $U/f2.txt $U/f$i.txt; done
# B: 2 IPv6 connections, 2 requests each
for i in 1 2; do curl -s -g -o /dev/null -o /dev/null 'http://[::1]:18080/f1.txt' 'http://[::1]:18080/index.html'; done
# C: a user agent with quotes, spaces and a backslash
curl -s -o /dev/null -A 'Mozilla/5.0 "quoted" agent with spaces \ backslash' $U/index.html
# D: 2 connections through the proxy, 2 requests each (4 upstream connections to 18082)
for i in 1 2; do curl -s -o /dev/null -o /dev/null $U/proxy/f1.txt $U/proxy/f2.txt; done
# E: garbage request line and an escaped header
printf 'GARBAGE\x01 "x y" \\ junk\r\n\r\n' | nc -q 2 127.0.0.1 18080 >/dev/null || true
printf 'GET /index.html?q="a b" HTTP/1.0\r\nUser-Agent: a"b\\c\r\n\r\n' | nc -q 2 127.0.0.1 18080 >/dev/null || true
# F: 50 connections without keep-alive
ab -q -n 50 -c 5 $U/f2.txt >/dev/null
# G: 3 keep-alive connections, 60 requests
ab -q -k -n 60 -c 3 $U/f3.txt >/dev/null
# H: 4 keep-alive connections for 1 s
wrk -t1 -c4 -d1s -s /tmp/e2real/nginx/slow.lua $U/index.html >/dev/null
# J: one request, then idle until nginx's keepalive_timeout (5 s) closes the connection
(printf 'GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n'; sleep 7) | nc 127.0.0.1 18080 >/dev/null || true
wait $BIG
