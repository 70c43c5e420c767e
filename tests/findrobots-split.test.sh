#!/usr/bin/env bash
# findrobots-split: a gzip file split between threads gives exactly what one sequential read
# gives (hosts, counts, first and last seen, -v's byte and line counts, messages, exit
# status), with both inflaters: many members ending mid-line, empty and one-byte members,
# members with a file name, stored members holding gzip headers and whole gzip members (a
# false member start, which must fall back), a single member, truncated and corrupt files.
# usage: tests/findrobots-split.test.sh BINARY
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
name=findrobots-split
pass=0 fail=0
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import gzip, zlib' 2>/dev/null; then
	echo "SKIP $name: python3 absent"
	echo "script $name: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/findrobots-split.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Ranges of 4 KiB, so that small files split into as many ranges as there are threads.
export COOKBOX_FINDROBOTS_SPLIT_MIN=4096

python3 "$top/bench/findrobots-gen.py" 5 12000 300 1 >"$work/clean.log"
python3 - "$work" <<'PY'
import gzip, random, sys, zlib
w = sys.argv[1]
random.seed(42)
d = open(w + '/clean.log', 'rb').read()

def member(data, level=6, name=None):
    if name is None:
        return gzip.compress(data, compresslevel=level, mtime=0)
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    body = c.compress(data) + c.flush()
    hdr = b'\x1f\x8b\x08\x08\0\0\0\0\0\x03' + name + b'\0'
    return hdr + body + (zlib.crc32(data) & 0xffffffff).to_bytes(4, 'little') + \
        (len(data) & 0xffffffff).to_bytes(4, 'little')

# Many members, cut anywhere (mostly mid-line), with empty, one-byte, named and stored ones.
out, i, k = [], 0, 0
while i < len(d):
    n = random.choice([0, 1, 2, random.randint(3, 200), random.randint(200, 30000)])
    part = d[i:i + n]
    k += 1
    out.append(member(part, level=0 if k % 7 == 0 else 6, name=b'x.log' if k % 5 == 0 else None))
    i += n
many = b''.join(out)
open(w + '/many.log.gz', 'wb').write(many)
# A member whose first line is long, across a boundary, and a file ending without '\n'.
open(w + '/noeol.log.gz', 'wb').write(many + member(d[:5000].rstrip(b'\n')))
open(w + '/single.log.gz', 'wb').write(member(d))
# Truncated inside a late member and inside an early one; a flipped byte in the middle.
open(w + '/trunc-late.log.gz', 'wb').write(many[:len(many) * 9 // 10])
open(w + '/trunc-early.log.gz', 'wb').write(many[:len(many) // 5])
bad = bytearray(many)
bad[len(bad) // 2] ^= 0x55
open(w + '/corrupt.log.gz', 'wb').write(bytes(bad))
# Stored members whose data holds gzip headers and whole gzip members, as a log of raw
# request bodies might: false member starts that even inflate.
fake, j = [], 0
junk = member(b'1.2.3.4 - - [10/Oct/2020:13:55:36 +0000] "GET /robots.txt HTTP/1.1" 200 1 "-" "x"\n' * 3000)
while j < len(d):
    n = random.randint(2000, 20000)
    body = d[j:j + n] + b'\x1f\x8b\x08\x00\0\0\0\0\0\x03' + junk + b'\n'
    fake.append(member(body, level=0))
    j += n
open(w + '/fake.log.gz', 'wb').write(b''.join(fake))
PY

check() {	# check NAME FILE1 FILE2
	if cmp -s "$2" "$3"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name: $1"
		diff "$2" "$3" | head -10
	fi
}

run() {	# run OUT INFLATER JOBS FILE: --details and -v into OUT.out, OUT.err
	COOKBOX_INFLATE=$2 "$bin" findrobots -j"$3" -v --details "$4" >"$1.out" 2>"$1.err"
	echo "exit $?" >>"$1.out"
	sed -i 's/, [0-9.]* s$//' "$1.err"
	COOKBOX_INFLATE=$2 "$bin" findrobots -j"$3" -c --match=exact "$4" >>"$1.out" 2>/dev/null
}

lines=$(wc -l <"$work/clean.log")
for f in many noeol single trunc-late trunc-early corrupt fake; do
	for inf in isal zlib; do
		run "$work/ref" "$inf" 1 "$work/$f.log.gz"
		for j in 2 3 4; do
			run "$work/got" "$inf" "$j" "$work/$f.log.gz"
			check "$f, $inf, -j$j: output and exit status as -j1" "$work/ref.out" "$work/got.out"
			check "$f, $inf, -j$j: -v and messages as -j1" "$work/ref.err" "$work/got.err"
		done
	done
	case $f in
	many | single)
		grep -q " $lines lines, " "$work/ref.err" && pass=$((pass + 1)) ||
			{ fail=$((fail + 1)); echo "FAIL $name: $f: not $lines lines: $(cat "$work/ref.err")"; } ;;
	trunc-* | corrupt)
		grep -q "gzip data at byte [0-9]* .*lines read" "$work/ref.err" && grep -q "^exit 1" "$work/ref.out" &&
			pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL $name: $f: no error: $(cat "$work/ref.err")"; } ;;
	esac
done
# The clean file's hosts and counts, split, are those of the plain text.
"$bin" findrobots -j1 --details "$work/clean.log" >"$work/plain"
"$bin" findrobots -j4 --details "$work/many.log.gz" >"$work/split"
check "many members, -j4: as the plain text" "$work/plain" "$work/split"

echo "script $name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
