#!/usr/bin/env bash
# csvstat against Python (csv, decimal, fractions, statistics) on generated files with fixed
# seeds: every parsing hazard (quoted delimiters, doubled quotes, embedded CR/LF, CRLF/LF/CR
# line ends, BOM, ragged and blank rows, gzip) and every statistic of every type.
# usage: tests/csvstat-python.test.sh BINARY   prints "script csvstat-python: N passed, M failed"
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
name=csvstat-python
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP $name: python3 not found"
	echo "script $name: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/cookbox-csvstat.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 - "$bin" "$work" <<'EOF'
import csv, decimal, fractions, gzip, io, json, random, re, statistics, subprocess, sys, datetime
from decimal import Decimal

binary, work = sys.argv[1], sys.argv[2]
decimal.getcontext().prec = 400
NUM = re.compile(r'^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$')
NULLS = {'', 'na', 'n/a', 'none', 'null', '.'}
passed = failed = 0

def fail(msg):
    global failed
    failed += 1
    print('FAIL', msg)

def is_num(s):
    if not NUM.match(s):
        return False
    ip = s.lstrip('+-').split('.')[0].split('e')[0].split('E')[0]
    return not (len(ip) >= 2 and ip[0] == '0')

def as_date(s):
    if not re.match(r'^\d{4}-\d{2}-\d{2}$', s):
        return None
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        return None

DT = re.compile(r'^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$')
def as_dt(s):
    d = as_date(s)
    if d is not None:
        return (d.toordinal() * 86400, 0)
    m = DT.match(s)
    if not m or as_date(m.group(1)) is None:
        return None
    h, mi, se = int(m.group(2)), int(m.group(3)), int(m.group(4) or 0)
    if h > 23 or mi > 59 or se > 59:
        return None
    off = 0
    if m.group(6) and m.group(6) != 'Z':
        sg = -1 if m.group(6)[0] == '-' else 1
        off = sg * (int(m.group(6)[1:3]) * 3600 + int(m.group(6)[4:6]) * 60)
    frac = (m.group(5) or '').ljust(9, '0')[:9]
    return (as_date(m.group(1)).toordinal() * 86400 + h * 3600 + mi * 60 + se - off, int(frac))

def typed(vals):
    if all(v.lower() in ('true', 'false', 'yes', 'no') for v in vals):
        return 'Boolean', lambda v: v.lower() in ('true', 'yes')
    if all(is_num(v) for v in vals):
        return 'Number', Decimal
    if all(as_date(v) is not None for v in vals):
        return 'Date', as_date
    if all(as_dt(v) is not None for v in vals):
        return 'DateTime', as_dt
    return 'Text', lambda v: v

def sqrt_frac(f):
    with decimal.localcontext() as c:
        c.prec = 120
        return float((Decimal(f.numerator) / Decimal(f.denominator)).sqrt())

def reference(rows, ncol, nfreq):
    cols = []
    for i in range(ncol):
        cells = [r[i] if i < len(r) else '' for r in rows]
        vals = [c for c in cells if c.lower() not in NULLS]
        t, conv = typed(vals)
        d = {'type': t, 'nulls': len(cells) - len(vals), 'nonnulls': len(vals)}
        first, count = {}, {}
        for v in vals:
            k = conv(v)
            first.setdefault(k, v)
            count[k] = count.get(k, 0) + 1
        d['unique'] = len(count)
        order = {k: n for n, k in enumerate(first)}
        top = sorted(count, key=lambda k: (-count[k], order[k]))[:nfreq]
        d['freq'] = [(first[k], count[k]) for k in top]
        d['len'] = max((len(v) for v in vals), default=None)
        d['minlen'] = min((len(v) for v in vals), default=None)
        if t in ('Date', 'DateTime') and vals:
            d['min'], d['max'] = first[min(count)], first[max(count)]
        if t == 'Number' and vals:
            xs = sorted(Decimal(v) for v in vals)
            d['min'], d['max'], d['sum'] = xs[0], xs[-1], sum(xs, Decimal(0))
            fs = [fractions.Fraction(x) for x in xs]
            d['mean'] = float(sum(fs) / len(fs))
            d['median'] = statistics.median(xs)
            q = statistics.quantiles(xs, n=4, method='inclusive') if len(xs) > 1 else [xs[0]] * 3
            d['q1'], d['q3'] = q[0], q[2]
            if len(xs) > 1:
                m = sum(fs) / len(fs)
                d['stdev'] = sqrt_frac(sum((x - m) ** 2 for x in fs) / (len(fs) - 1))
            d['maxprecision'] = max(max(0, -Decimal(v).as_tuple().exponent) for v in vals)
        cols.append(d)
    return cols

def number_text(rng):
    k = rng.random()
    if k < 0.3:
        return str(rng.randint(-1000, 1000))
    if k < 0.55:
        return '%.*f' % (rng.randint(0, 4), rng.uniform(-1e4, 1e4))
    if k < 0.65:
        return str(rng.randint(-10**25, 10**25))
    if k < 0.75:
        return '%de%d' % (rng.randint(-99, 99), rng.randint(-5, 5))
    if k < 0.8:
        return rng.choice(['0.1', '0.2', '0.3', '1.0', '1', '1e0', '+1', '-0', '.5', '5.', '1.50'])
    return '%.*f' % (rng.randint(0, 2), rng.uniform(0, 3))

def text_text(rng):
    pool = ['apple', 'Banana', 'a,b', 'say "hi"', 'two\nlines', 'cr\rin', 'crlf\r\nin', 'é', 'ʤ€',
            '0123', ' spaced ', "'q'", 'NA2', 'x' * rng.randint(1, 30)]
    return rng.choice(pool)

# Many distinct values in every written form, so that columns go over to compact codes (past
# 16384 distinct strings) with strings that have no code among them.
def code_text(rng):
    k = rng.random()
    if k < 0.2:
        return str(rng.randint(-10**6, 10**6))
    if k < 0.35:
        return '%.*f' % (rng.randint(0, 6), rng.uniform(-1e6, 1e6))
    if k < 0.45:
        return rng.choice(['-', '+', '']) + '.' + str(rng.randint(0, 99999)).zfill(rng.randint(1, 6))
    if k < 0.6:
        return '%s%d%s%s%s' % (rng.choice(['', '+', '-']), rng.randint(0, 999), rng.choice('eE'), rng.choice(['', '+', '-']),
                               rng.choice([str(rng.randint(0, 40)), '0%d' % rng.randint(0, 9)]))
    if k < 0.65:
        return '%d.' % rng.randint(0, 100000)
    if k < 0.7:
        return str(rng.randint(10**17, 10**21)) + rng.choice(['', '.5', '.000'])
    if k < 0.75:
        return rng.choice(['0', '-0', '+0', '0.000', '-0.0e5', '.0', '0.', '0.10', '1.0', '1', '1e0', '10E-1'])
    return '%d.%0*d' % (rng.randint(0, 99), rng.randint(1, 12), rng.randint(0, 999999))

def code_date(rng):
    return '%04d-%02d-%02d' % (rng.choice([rng.randint(1, 9999), rng.randint(1900, 2100)]), rng.randint(1, 12), rng.randint(1, 28))

def code_dt(rng):
    k = rng.random()
    t = '%s%s%02d:%02d' % (code_date(rng), rng.choice('T '), rng.randint(0, 23), rng.randint(0, 59))
    if k < 0.6:
        return t + ':%02d' % rng.randint(0, 59)
    if k < 0.8:
        return t
    if k < 0.9:
        return code_date(rng)
    return t + rng.choice([':00Z', ':30.25', '+01:00'])

def gen(seed):
    rng = random.Random(seed)
    kinds = ['num', 'num', 'int', 'text', 'bool', 'date', 'dt', 'mixed', 'sparse', 'float', 'stamp']
    if seed > 62:
        kinds = ['codes', 'codes', 'latetext', 'cdate', 'cdt', 'float', 'int', 'text']
    rng.shuffle(kinds)
    ncol = rng.randint(1, len(kinds)) if seed <= 62 else len(kinds)
    kinds = kinds[:ncol]
    nrows = rng.choice([0, 1, 2, 3, 5, 50, 400, 1500]) if seed <= 60 else 6000 if seed <= 62 else 40000  # > 4096 distinct: radix sort
    dt = ['2024-01-02T10:00:00', '2024-01-02 11:30', '2024-01-03T00:00:00Z', '2024-01-03T02:00:00+02:00',
          '2023-12-31T23:59:59.5', '2024-02-29']
    rows = []
    for _ in range(nrows):
        r = []
        for k in kinds:
            if rng.random() < 0.08:
                r.append(rng.choice(['', 'NA', 'n/a', 'None', 'null', '.', 'NULL']))
            elif k == 'num':
                r.append(number_text(rng))
            elif k == 'int':
                r.append(str(rng.randint(-5, 20)))
            elif k == 'text':
                r.append(text_text(rng))
            elif k == 'bool':
                r.append(rng.choice(['true', 'false', 'TRUE', 'yes', 'No']))
            elif k == 'date':
                r.append('%04d-%02d-%02d' % (rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28)))
            elif k == 'dt':
                r.append(rng.choice(dt))
            elif k == 'float':
                r.append('%.2f' % rng.uniform(-1e5, 1e5))
            elif k == 'stamp':
                r.append('2024-%02d-%02dT%02d:%02d:%02d.%d%s' % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
                         rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999), rng.choice(['', 'Z', '+01:00', '-05:30'])))
            elif k == 'codes':
                r.append(code_text(rng))
            elif k == 'latetext':
                r.append(code_text(rng) if len(rows) != nrows - 10 else rng.choice(['007', 'x', '1e1e1']))
            elif k == 'cdate':
                r.append(code_date(rng))
            elif k == 'cdt':
                r.append(code_dt(rng))
            elif k == 'mixed':
                r.append(rng.choice([number_text(rng), text_text(rng)]) if rng.random() < 0.02 else number_text(rng))
            else:
                r.append(number_text(rng) if rng.random() < 0.05 else '')
        if rows and rng.random() < 0.02:
            r = r[:rng.randint(1, ncol)] if rng.random() < 0.5 else r + ['extra']
        rows.append(r)
    header = ['c%d' % i for i in range(ncol)]
    if ncol > 1:
        header[1] = 'name, "quoted"'
    buf = io.StringIO(newline='')
    eol = rng.choice(['\n', '\r\n', '\r'])
    w = csv.writer(buf, lineterminator=eol, quoting=rng.choice([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    w.writerow(header)
    for r in rows:
        if rng.random() < 0.01:
            buf.write(eol)
            rows_blank.append(True)
        w.writerow(r)
    text = buf.getvalue()
    if rng.random() < 0.2 and not text.endswith('"' + eol) and text.endswith(eol):
        text = text[:-len(eol)]
    data = text.encode('utf-8')
    if rng.random() < 0.2:
        data = b'\xef\xbb\xbf' + data
    return data, ncol

total = 0
for seed in range(1, 67):
    rows_blank = []
    data, ncol = gen(seed)
    nfreq = random.Random(seed).choice([1, 3, 5, 1000])
    path = '%s/t%d.csv' % (work, seed)
    if seed % 7 == 0:
        path += '.gz'
        with gzip.open(path, 'wb') as f:
            f.write(data)
    else:
        with open(path, 'wb') as f:
            f.write(data)
    recs = list(csv.reader(io.StringIO(data.decode('utf-8-sig'), newline='')))
    header, rows = recs[0], recs[1:]
    rows = [r if r else [] for r in rows]
    ref = reference(rows, len(header), nfreq)
    p = subprocess.run([binary, 'csvstat', '--json', '-n', str(nfreq), path], capture_output=True)
    try:
        got = json.loads(p.stdout, parse_float=Decimal, parse_int=Decimal)
    except Exception as e:
        fail('seed %d: bad JSON (%s): %r %r' % (seed, e, p.stdout[:200], p.stderr[:200]))
        continue
    ragged = sum(1 for r in rows if r and len(r) != len(header))
    if ragged:
        m = re.search(rb'\((\d+) ragged rows?\)', p.stderr)
        if not m or int(m.group(1)) != ragged:
            fail('seed %d: ragged rows %d, stderr %r' % (seed, ragged, p.stderr))
    cnt = subprocess.run([binary, 'csvstat', '--count', path], capture_output=True).stdout
    if cnt.strip() != str(len(rows)).encode():
        fail('seed %d: --count %r, expected %d' % (seed, cnt, len(rows)))
    if len(got) != len(header):
        fail('seed %d: %d columns, expected %d' % (seed, len(got), len(header)))
        continue
    for i, (g, r) in enumerate(zip(got, ref)):
        total += 1
        bad = []
        if g['column_name'] != header[i]:
            bad.append('name %r' % g['column_name'])
        for k in ('type', 'nulls', 'nonnulls', 'unique', 'len', 'minlen', 'maxprecision'):
            if k in r and g[k] != r[k]:
                bad.append('%s %r, expected %r' % (k, g[k], r[k]))
        for k in ('min', 'max', 'sum', 'median', 'q1', 'q3'):
            if k in r and r['type'] == 'Number' and (g[k] is None or Decimal(g[k]) != r[k]):
                bad.append('%s %r, expected %r' % (k, g[k], r[k]))
        for k in ('min', 'max'):
            if k in r and r['type'] in ('Date', 'DateTime') and g[k] != r[k]:
                bad.append('%s %r, expected %r' % (k, g[k], r[k]))
        for k in ('mean', 'stdev'):
            if k in r and (g[k] is None or float(g[k]) != r[k]):
                bad.append('%s %r, expected %r' % (k, g[k], r[k]))
            elif k not in r and g[k] is not None:
                bad.append('%s %r, expected null' % (k, g[k]))
        gf = [(x['value'], int(x['count'])) for x in g['freq']]
        if gf != r['freq']:
            bad.append('freq %r, expected %r' % (gf, r['freq']))
        if bad:
            fail('seed %d column %d (%s): %s' % (seed, i + 1, r['type'], '; '.join(bad)[:600]))
        else:
            passed += 1
print('script csvstat-python: %d passed, %d failed' % (passed, failed))
EOF
