#!/usr/bin/env bash
# fnmatch-scan.test.sh: the block scan (lib/globscan's prefilter, mapped files, -j threads)
# against matching each name alone (NAME operands), on generated patterns and names with
# fixed seeds, for every flag and vector level (COOKBOX_SIMD); and -j1 against -j2 on a file
# big enough to be split.
# usage: tests/fnmatch-scan.test.sh BINARY   prints "script fnmatch-scan: N passed, M failed"
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP fnmatch-scan: python3 not found"
	echo "script fnmatch-scan: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/fnmatch-scan.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 - "$bin" "$work" <<'PY'
import os, random, subprocess, sys

binary, work = sys.argv[1], sys.argv[2]
passed = failed = 0

def run(args, data=None, simd=None):
    env = dict(os.environ)
    if simd is not None:
        env["COOKBOX_SIMD"] = simd
    return subprocess.run([binary, "fnmatch"] + args, input=data, capture_output=True, env=env)

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        if failed <= 10:
            print("FAIL fnmatch-scan:", what)

rnd = random.Random(20261124)
# pattern pieces that give the prefilter every kind of key: prefix, suffix, both, literals
pieces = ["*", "*", "?", "a", "b", "/", ".", "o", "no", "de", "[ab]", "[!a]", "é", "\\*",
          "[[:alpha:]]", "{a,b}", "@(a|bo)", "*(o)", "_", "~", "X"]
nalpha = ["a", "b", "/", ".", "o", "no", "de", "_", "~", "X", "x", "é", "中", "\xff", "\n"]

def name():
    s = "".join(rnd.choice(nalpha) for _ in range(rnd.choice([0, 1, 2, 3, 5, 8, 20, 60])))
    return s.encode("utf-8", "surrogateescape") if "\xff" not in s else \
        s.replace("\xff", "").encode() + b"\xff"

flagsets = [[], ["-p"], ["--period"], ["-i"], ["--leading-dir"], ["-x"], ["-b"],
            ["--no-escape"], ["--python"]]
for round_ in range(120):
    pats = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 5)))
            for _ in range(rnd.choice([1, 2, 4, 12]))]
    pats += rnd.sample(["*.o", "*/node_modules/*", "build/*", "*~", "a*b", "*.[ab]",
                        "no*de", "*/.git/*", "??", "Xa*"], rnd.randint(0, 3))
    names = [name() for _ in range(rnd.choice([5, 40, 300]))]
    # a long name across the scan's 64 KiB chunks, holding a literal near a boundary
    if round_ % 10 == 0:
        names.append(b"a/" * 32760 + b"/node_modules/" + b"x" * 100)
    pf = os.path.join(work, "pats")
    with open(pf, "w", encoding="utf-8") as f:
        f.write("".join(p + "\n" for p in pats))
    inp = os.path.join(work, "names")
    with open(inp, "wb") as f:
        f.write(b"".join(n + b"\0" for n in names))
    flags = rnd.choice(flagsets)
    simd = "012"[round_ % 3]    # each vector level (as far as the processor has it) in turn
    # the reference: each name on its own
    ops = [n for n in names if b"\0" not in n]
    ref = run(flags + ["-z", "-f", pf, "--"] + [os.fsdecode(n) for n in ops])
    want = ref.stdout
    for mode in (["-j1"], ["-j2"]):
        got = run(flags + mode + ["-z", "-f", pf, "--input=" + inp], simd=simd)
        check(got.stdout == want and got.returncode == ref.returncode,
              "%s %s simd %s %r: %d names, want %d bytes got %d" % (flags, mode, simd, pats,
              len(names), len(want), len(got.stdout)))
    # the same from a pipe (read in blocks, not mapped), and -v, -c
    data = open(inp, "rb").read()
    got = run(flags + ["-z", "-f", pf], data, simd=simd)
    check(got.stdout == want, "%s pipe simd %s %r" % (flags, simd, pats))
    sel = set(want.split(b"\0")[:-1])
    inv = b"".join(n + b"\0" for n in names if n not in sel)
    got = run(flags + ["-v", "-z", "-f", pf, "--input=" + inp], simd=simd)
    check(got.stdout == inv, "%s -v simd %s %r" % (flags, simd, pats))
    got = run(flags + ["-c", "-z", "-f", pf, "--input=" + inp])
    check(got.stdout == b"%d\n" % len(want.split(b"\0")[:-1]), "%s -c %r" % (flags, pats))

# -j1 against -j2 on 40 MB: threads split it once the automaton does the work
big = os.path.join(work, "big")
rnd = random.Random(5)
words = ["src", "lib", "node_modules", "a.o", "b.c", "x~", "README", "é", "t_1.py", ".git"]
with open(big, "w", encoding="utf-8") as f:
    for i in range(1200000):
        f.write("/".join(rnd.choice(words) for _ in range(rnd.randint(1, 6))) + "\n")
for pats in (["*[ab]*"], ["*.o", "*/node_modules/*", "README*"], ["*{c,o}"], ["?(*/)x~"]):
    extra = ["-b"] if "{" in pats[0] else ["-x"] if "(" in pats[0] else []
    args = extra + sum((["-e", p] for p in pats), [])
    one = run(args + ["-j1", "--input=" + big])
    two = run(args + ["-j2", "--input=" + big])
    check(one.returncode == 0 and one.stdout == two.stdout and
          run(args + ["-c", "-j2", "--input=" + big]).stdout == b"%d\n" % one.stdout.count(b"\n"),
          "-j2 on %r: %d against %d bytes" % (pats, len(one.stdout), len(two.stdout)))
    inv = run(args + ["-v", "-j2", "--input=" + big])
    check(len(inv.stdout) + len(one.stdout) == os.path.getsize(big), "-v -j2 on %r" % pats)
print("script fnmatch-scan: %d passed, %d failed" % (passed, failed))
PY
