#!/usr/bin/env python3
# TCP server on :19000 (v4+v6) and UDP echo on :19001 (v4+v6), run inside the namespace.
import socket, threading, time
def tcp(fam, a):
    s = socket.socket(fam, socket.SOCK_STREAM); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if fam == socket.AF_INET6: s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    s.bind((a, 19000)); s.listen(64)
    def h(c):
        try:
            c.recv(100); c.sendall(b'y' * 700)
            while c.recv(1000): pass
        except OSError: pass
        c.close()
    while True:
        c, _ = s.accept(); threading.Thread(target=h, args=(c,), daemon=True).start()
def udp(fam, a):
    s = socket.socket(fam, socket.SOCK_DGRAM)
    if fam == socket.AF_INET6: s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    s.bind((a, 19001))
    while True:
        d, p = s.recvfrom(2000); s.sendto(d * 2, p)
for f, a in ((socket.AF_INET, '0.0.0.0'), (socket.AF_INET6, '::')):
    threading.Thread(target=tcp, args=(f, a), daemon=True).start()
    threading.Thread(target=udp, args=(f, a), daemon=True).start()
while True: time.sleep(60)
