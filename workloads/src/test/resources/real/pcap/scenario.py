#!/usr/bin/env python3
"""Loopback traffic with known connections, for the pcap samples (see README).

TCP to 127.0.0.1:19000 / [::1]:19000 (a server in this script), UDP to 19001 (echo).
Ground truth, in order of first packet:
  long-lived TCP v4 (opened first, closed last)            1
  client-closes-first TCP v4                                3
  server-closes-first TCP v4                                2
  client RST (SO_LINGER 0) TCP v4                           2
  SYN to closed port 19099 -> RST                           2
  TCP v6 normal close                                       3
  UDP v4 flows (3 request/response datagrams each)          3
  UDP v6 flow                                               1
  half-open at capture end (still established) TCP v4       2
TCP total 15, UDP total 4. The half-open ones stay open until this script is told to exit
(after the capture has been stopped): write 'q' to its stdin.
"""
import socket, struct, sys, threading, time

def serve_tcp(fam, addr):
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, 19000)); s.listen(64)
    def handle(c):
        try:
            data = c.recv(100)
            if data.startswith(b'CLOSE'):
                c.sendall(b'bye' * 10); c.close(); return
            c.sendall(b'x' * 500)
            while True:
                d = c.recv(1000)
                if not d: break
            c.close()
        except OSError:
            c.close()
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c,), daemon=True).start()

def serve_udp(fam, addr):
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.bind((addr, 19001))
    while True:
        d, a = s.recvfrom(2000); s.sendto(d.upper(), a)

for fam, a in ((socket.AF_INET, '127.0.0.1'), (socket.AF_INET6, '::1')):
    threading.Thread(target=serve_tcp, args=(fam, a), daemon=True).start()
    threading.Thread(target=serve_udp, args=(fam, a), daemon=True).start()
time.sleep(0.5)

def tcp(fam=socket.AF_INET, host='127.0.0.1', port=19000):
    c = socket.socket(fam, socket.SOCK_STREAM); c.connect((host, port)); return c

longlived = tcp(); longlived.sendall(b'hello'); longlived.recv(1000)
time.sleep(0.1)
for i in range(3):                       # client closes first
    c = tcp(); c.sendall(b'GET ' * 20); c.recv(1000); time.sleep(0.05); c.close(); time.sleep(0.05)
for i in range(2):                       # server closes first
    c = tcp(); c.sendall(b'CLOSE'); time.sleep(0.05)
    while c.recv(1000): pass
    c.close(); time.sleep(0.05)
for i in range(2):                       # client aborts with RST
    c = tcp(); c.sendall(b'abort'); c.recv(1000)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0)); c.close(); time.sleep(0.05)
for i in range(2):                       # refused
    try:
        tcp(port=19099)
    except ConnectionRefusedError:
        pass
    time.sleep(0.05)
for i in range(3):                       # IPv6
    c = tcp(socket.AF_INET6, '::1'); c.sendall(b'six'); c.recv(1000); c.close(); time.sleep(0.05)
for i in range(3):                       # UDP v4 flows
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.connect(('127.0.0.1', 19001))
    for k in range(3):
        u.send(b'ping%d' % k); u.recv(100); time.sleep(0.02)
    u.close()
u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u.connect(('::1', 19001))
for k in range(3):
    u.send(b'ping6-%d' % k); u.recv(100)
u.close()
time.sleep(0.1)
longlived.close()
time.sleep(0.1)
half = [tcp(), tcp()]                    # still open when the capture stops
for h in half:
    h.sendall(b'stay'); h.recv(1000)
print('ready', flush=True)
sys.stdin.readline()
