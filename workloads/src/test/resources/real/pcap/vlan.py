#!/usr/bin/env python3
"""802.1Q and 802.1ad (QinQ) tagged frames written with an AF_PACKET socket onto e2veth0 (this
kernel has no VLAN module, so the frames are composed here; tcpdump captures them as sent).
Ground truth: TCP 2 (one tagged VLAN 100, one QinQ 200/100, each SYN, SYN-ACK, ACK, data,
FIN both ways, last ACK), UDP 1 (tagged VLAN 100, request and reply)."""
import socket, struct, time
def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b)); s = (s >> 16) + (s & 0xffff); s += s >> 16
    return (~s) & 0xffff
def ip4(src, dst, proto, payload):
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 1, 0x4000, 64, proto, 0, socket.inet_aton(src), socket.inet_aton(dst))
    return h[:10] + struct.pack('!H', csum(h)) + h[12:] + payload
def tcp(src, dst, sp, dp, seq, ack, flags, data=b''):
    h = struct.pack('!HHIIBBHHH', sp, dp, seq, ack, 5 << 4, flags, 65535, 0, 0) + data
    ph = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack('!BBH', 0, 6, len(h))
    c = csum(ph + h)
    return ip4(src, dst, 6, h[:16] + struct.pack('!H', c) + h[18:])
def udp(src, dst, sp, dp, data):
    h = struct.pack('!HHHH', sp, dp, 8 + len(data), 0) + data
    return ip4(src, dst, 17, h)
MAC_A = bytes.fromhex('02e2000000aa'); MAC_B = bytes.fromhex('02e2000000bb')
def eth(frm, to, tags, payload):
    hdr = to + frm
    for tpid, vid in tags:
        hdr += struct.pack('!HH', tpid, vid)
    return hdr + struct.pack('!H', 0x0800) + payload
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW); s.bind(('e2veth0', 0))
C, V = '10.100.0.1', '10.100.0.2'
def conversation(tags, sport):
    cs, ss = 1000, 5000
    frames = [(MAC_A, MAC_B, tcp(C, V, sport, 80, cs, 0, 0x02)),
              (MAC_B, MAC_A, tcp(V, C, 80, sport, ss, cs + 1, 0x12)),
              (MAC_A, MAC_B, tcp(C, V, sport, 80, cs + 1, ss + 1, 0x10)),
              (MAC_A, MAC_B, tcp(C, V, sport, 80, cs + 1, ss + 1, 0x18, b'GET / HTTP/1.0\r\n\r\n')),
              (MAC_B, MAC_A, tcp(V, C, 80, sport, ss + 1, cs + 19, 0x18, b'HTTP/1.0 200 OK\r\n\r\nhello')),
              (MAC_B, MAC_A, tcp(V, C, 80, sport, ss + 25, cs + 19, 0x11)),
              (MAC_A, MAC_B, tcp(C, V, sport, 80, cs + 19, ss + 26, 0x11)),
              (MAC_B, MAC_A, tcp(V, C, 80, sport, ss + 26, cs + 20, 0x10))]
    for frm, to, p in frames:
        s.send(eth(frm, to, tags, p)); time.sleep(0.01)
conversation([(0x8100, 100)], 40000)
conversation([(0x88a8, 200), (0x8100, 100)], 40001)
s.send(eth(MAC_A, MAC_B, [(0x8100, 100)], udp(C, V, 40002, 53, b'question'))); time.sleep(0.01)
s.send(eth(MAC_B, MAC_A, [(0x8100, 100)], udp(V, C, 53, 40002, b'answer!!')))
