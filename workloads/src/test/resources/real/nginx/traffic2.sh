#!/bin/bash
# Phase 2 (after rotation): 20 connections without keep-alive, 2 keep-alive connections with 3 requests
set -e
U=http://127.0.0.1:18080
ab -q -n 20 -c 2 $U/f1.txt >/dev/null
for i in 1 2; do curl -s -o /dev/null -o /dev/null -o /dev/null $U/f1.txt $U/f4.txt $U/f5.txt; done
