#!/usr/bin/env python3
"""Traffic into namespace e2ns (10.200.0.2 / fd00:e2::2). Ground truth: TCP 11 (1 still open at the
end), UDP 4, ICMP 2 (the pings are sent by the caller)."""
import socket, subprocess, sys, time
def tcp(fam, host, port):
    c = socket.socket(fam, socket.SOCK_STREAM); c.connect((host, port)); c.sendall(b'hello' * 10); c.recv(1000); return c
held = tcp(socket.AF_INET, '10.200.0.2', 19000)          # stays open to the end
for i in range(4):
    c = tcp(socket.AF_INET, '10.200.0.2', 19000); time.sleep(0.05); c.close(); time.sleep(0.05)
for i in range(2):                                        # DNAT 8080 -> 19000
    c = tcp(socket.AF_INET, '10.200.0.2', 8080); c.close(); time.sleep(0.05)
for i in range(2):
    c = tcp(socket.AF_INET6, 'fd00:e2::2', 19000); c.close(); time.sleep(0.05)
try:
    tcp(socket.AF_INET, '10.200.0.2', 19099)
except ConnectionRefusedError:
    pass
for i in range(3):
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.connect(('10.200.0.2', 19001))
    for k in range(3): u.send(b'q%d' % k); u.recv(100)
    u.close()
u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u.connect(('fd00:e2::2', 19001)); u.send(b'v6'); u.recv(100); u.close()
print('ready', flush=True)
sys.stdin.readline()
