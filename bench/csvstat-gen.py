#!/usr/bin/env python3
# csvstat-gen.py MB SEED [low]: a mixed CSV of about MB megabytes on stdout: ints, floats, dates,
# datetimes, booleans, categories, quoted text with commas, quotes and newlines, nulls. With
# "low", the id, ratio and stamp columns repeat (1000, 1000 and 8760 distinct values) instead of
# being nearly all distinct.
import random, sys
mb, seed = float(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1
low = len(sys.argv) > 3 and sys.argv[3] == 'low'
rng = random.Random(seed)
out = sys.stdout
out.write('id,qty,price,ratio,day,stamp,ok,city,note,score\n')
words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta']
cities = ['Paris', 'Lyon', 'Nice', 'Lille', 'Nantes', 'Brest', 'Metz', 'Caen', 'Dijon', 'Tours']
notes = ['"%s, %s"' % (a, b) for a in words for b in words] + ['"said ""%s"""' % w for w in words] + \
        ['"two\nlines %s"' % w for w in words] + words
target = int(mb * 1e6)
size = 0
i = 0
chunk = []
while size < target:
    i += 1
    r = rng.random
    line = '%d,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' % (
        i % 1000 if low else i,
        rng.randint(0, 500) if r() > 0.05 else '',
        '%.2f' % (r() * 1000),
        ('%.3f' if low else '%.6f') % r() if r() > 0.02 else 'NA',
        '20%02d-%02d-%02d' % (rng.randint(10, 24), rng.randint(1, 12), rng.randint(1, 28)),
        '2024-%02d-%02dT%02d:00:00' % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23)) if low else
        '2024-%02d-%02dT%02d:%02d:%02d' % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)),
        'true' if r() < 0.5 else 'false',
        rng.choice(cities),
        rng.choice(notes),
        '%de%d' % (rng.randint(-999, 999), rng.randint(-3, 3)))
    chunk.append(line)
    size += len(line)
    if len(chunk) == 10000:
        out.write(''.join(chunk))
        chunk = []
out.write(''.join(chunk))
