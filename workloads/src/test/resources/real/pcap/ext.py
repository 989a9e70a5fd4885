#!/usr/bin/env python3
"""Real kernel traffic over veth e2veth0 -> namespace e2ns (10.200.0.2, fd00:e2::2), with
IPv6 extension headers and fragments. Server side: conntrack/server.py in the namespace.
Ground truth: TCP 2 (v6 with a hop-by-hop header; v4 plain), UDP 4 (v6 hop-by-hop,
v6 fragmented 3000 B, v4 fragmented 3000 B, v4 plain)."""
import socket, time
IPV6_HOPOPTS = 54
HBH = bytes([0, 0, 1, 4, 0, 0, 0, 0])   # next header/len filled by the kernel; PadN of 4 bytes
c = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
c.setsockopt(socket.IPPROTO_IPV6, IPV6_HOPOPTS, HBH)
c.connect(('fd00:e2::2', 19000)); c.sendall(b'hbh'); c.recv(1000); c.close(); time.sleep(0.1)
c = socket.create_connection(('10.200.0.2', 19000)); c.sendall(b'v4'); c.recv(1000); c.close(); time.sleep(0.1)
u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u.setsockopt(socket.IPPROTO_IPV6, IPV6_HOPOPTS, HBH)
u.connect(('fd00:e2::2', 19001)); u.send(b'hbh-udp'); u.recv(100); u.close(); time.sleep(0.1)
u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u.connect(('fd00:e2::2', 19001))
u.send(b'F' * 3000); u.settimeout(1)
try: u.recv(10000)
except OSError: pass
u.close(); time.sleep(0.1)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.setsockopt(socket.IPPROTO_IP, 10, 0)  # IP_MTU_DISCOVER = IP_PMTUDISC_DONT: let the kernel fragment
#)
u.connect(('10.200.0.2', 19001)); u.send(b'G' * 3000); u.settimeout(1)
try: u.recv(10000)
except OSError: pass
u.close(); time.sleep(0.1)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.connect(('10.200.0.2', 19001)); u.send(b'plain'); u.recv(100); u.close()
