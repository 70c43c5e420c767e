#!/usr/bin/env python3
"""findrobots-members: standard input to standard output as gzip members of SIZE input bytes
each (default 65536) at LEVEL (default 1), as nginx's access_log gzip=1 buffer=64k writes:
one member per buffer flush, cut wherever the buffer filled, mid-line included."""
import sys
import zlib

size = int(sys.argv[1]) if len(sys.argv) > 1 else 65536
level = int(sys.argv[2]) if len(sys.argv) > 2 else 1
inp, out = sys.stdin.buffer, sys.stdout.buffer
while True:
    chunk = inp.read(size)
    if not chunk:
        break
    c = zlib.compressobj(level, zlib.DEFLATED, 31)
    out.write(c.compress(chunk) + c.flush())
