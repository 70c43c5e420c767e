#!/usr/bin/env bash
# fnmatch-python.test.sh: --python against Python's fnmatch.fnmatchcase, and -g against
# sorted(glob.glob(p, recursive=True)), on generated patterns, names and trees (fixed seeds).
# usage: tests/fnmatch-python.test.sh BINARY   prints "script fnmatch-python: N passed, M failed"
set -u
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP fnmatch-python: python3 not found"
	echo "script fnmatch-python: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/fnmatch-py.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 - "$bin" "$work" <<'PY'
import fnmatch, glob, os, random, subprocess, sys

binary, work = sys.argv[1], sys.argv[2]
passed = failed = 0

def run(args, data=None, cwd=None):
    return subprocess.run([binary, "fnmatch"] + args, input=data, capture_output=True, cwd=cwd)

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        if failed <= 10:
            print("FAIL fnmatch-python:", what)

# --python: random patterns and names over a small alphabet, non-ASCII letters included
rnd = random.Random(20261124)
palpha = ["a", "b", "*", "?", "[", "]", "!", "^", "-", "\\", "/", ".", "é", "Ä", "z", "a-", "]-"]
nalpha = ["a", "b", "/", ".", "-", "é", "ä", "Ä", "[", "]", "\\", "*", "!", "^", "z"]
names = sorted({"".join(rnd.choice(nalpha) for _ in range(rnd.randint(0, 6))) for _ in range(300)})
data = "".join(n + "\0" for n in names).encode()
for i in range(250):
    pat = "".join(rnd.choice(palpha) for _ in range(rnd.randint(1, 7)))
    want = [n for n in names if fnmatch.fnmatchcase(n, pat)]
    r = run(["--python", "-z", "-e", pat], data)
    got = [x.decode() for x in r.stdout.split(b"\0")[:-1]]
    check(got == want and r.returncode == (0 if want else 1),
          "--python %r: want %r got %r (status %d)" % (pat, want[:5], got[:5], r.returncode))

# -g: a tree with hidden files and directories and symbolic links (no loops: Python follows them)
top = os.path.join(work, "tree")
rnd = random.Random(7)
dirs = [""]
for i in range(40):
    parent = rnd.choice(dirs)
    name = rnd.choice(["src", "lib", ".git", "doc", "a", "b.d", ".hid", "x1", "é"]) + str(i % 5)
    path = os.path.join(parent, name)
    if path not in dirs:
        os.makedirs(os.path.join(top, path), exist_ok=True)
        dirs.append(path)
for i in range(120):
    d = rnd.choice(dirs)
    name = rnd.choice(["main", "util", ".env", "README", "test_a", "x", "Makefile", "é"]) + \
        rnd.choice([".c", ".h", ".md", "", ".txt", ".C"])
    open(os.path.join(top, d, name), "w").close()
for i in range(8):
    d = rnd.choice(dirs)
    target = rnd.choice(dirs[1:])
    link = os.path.join(top, d, "ln%d" % i)
    rel = os.path.relpath(os.path.join(top, target), os.path.join(top, d))
    # no link to an ancestor or itself: Python would loop
    if not os.path.join(top, d).startswith(os.path.join(top, target)) and not os.path.lexists(link):
        os.symlink(rel, link)
os.symlink("missing", os.path.join(top, "dangling"))
pats = ["*", "**", "**/*.c", "src*/**/*.h", "*/*", ".*", "**/.*", "*/.env*", "**/", "[ab]*/**",
        "?1*", "a*/**/*", "**/*.[ch]", "*[!c]", "**/ln*", "**/ln*/*", "dangling", "nothing*",
        "doc?/*.md", "**/**/*.txt", "*/", "é*/**", "**/é*", "[.]*", "**/*[0-9]/*.c", "./*.c",
        "src0//*", "**/x*.C"]
os.chdir(top)
for p in pats:
    for hidden in (False, True):
        want = sorted(glob.glob(p, recursive=True, include_hidden=hidden))
        args = ["-g", "-L", p] + (["--hidden"] if hidden else [])
        r = run(args, cwd=top)
        got = r.stdout.decode().splitlines()
        check(got == want and r.returncode == (0 if want else 1),
              "-g -L %s%r: want %d paths, got %d; first differences %r" % (
                  "--hidden " if hidden else "", p, len(want), len(got),
                  sorted(set(want) ^ set(got))[:4]))
# without -L, ** does not enter symbolic links to directories, but lists them
for p in ["**", "**/*.c", "**/ln*"]:
    want = sorted(x for x in glob.glob(p, recursive=True)
                  if not any(os.path.islink(os.path.join(*x.split("/")[:k]))
                             for k in range(1, len(x.rstrip("/").split("/")))))
    r = run(["-g", p], cwd=top)
    got = r.stdout.decode().splitlines()
    check(got == want, "-g %r without -L: differences %r" % (p, sorted(set(want) ^ set(got))[:4]))
print("script fnmatch-python: %d passed, %d failed" % (passed, failed))
PY
