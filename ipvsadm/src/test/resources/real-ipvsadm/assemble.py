#!/usr/bin/env python3
"""Turns the guest's OUTDIR/NAME/NNN.{out,err,rc} into one recorded file per sequence.

Record format (bytes, ISO-8859-1 safe): for every command of NAME.seq, in order,
  "### N COMMAND-LINE\n" "stdout LEN\n" LEN bytes "\n" "stderr LEN\n" LEN bytes "\n" "exit RC\n"
"""
import os, sys
seqdir, share, dest = sys.argv[1:4]
os.makedirs(dest, exist_ok=True)
total = 0
for fn in sorted(os.listdir(seqdir)):
    if not fn.endswith('.seq'):
        continue
    name = fn[:-4]
    cmds = [l.rstrip('\n') for l in open(os.path.join(seqdir, fn), encoding='latin-1')
            if l.strip() and not l.startswith('#')]
    d = os.path.join(share, name)
    if not os.path.isdir(d):
        print('missing', name); continue
    buf = bytearray()
    for i, c in enumerate(cmds, 1):
        k = '%03d' % i
        o = open(os.path.join(d, k + '.out'), 'rb').read()
        e = open(os.path.join(d, k + '.err'), 'rb').read()
        rc = open(os.path.join(d, k + '.rc')).read().strip()
        buf += b'### %d %s\n' % (i, c.encode('latin-1'))
        buf += b'stdout %d\n' % len(o) + o + b'\n'
        buf += b'stderr %d\n' % len(e) + e + b'\n'
        buf += b'exit %s\n' % rc.encode()
        total += 1
    open(os.path.join(dest, name + '.out'), 'wb').write(bytes(buf))
print('commands', total)
