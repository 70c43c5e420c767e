#!/usr/bin/env bash
# textwrap-python.test.sh: differential test of textwrap against Python 3's textwrap (through
# tests/textwrap-ref.py) on generated paragraphs with random option combinations (fixed
# seeds): ASCII text in both units, and non-ASCII text with --count=codepoints.
# usage: tests/textwrap-python.test.sh BINARY    prints "script textwrap-python: N passed, M failed"
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
tests=$(cd "$(dirname "$0")" && pwd)
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP textwrap-python: python3 absent"
	echo "script textwrap-python: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
exec python3 - "$bin" "$tests/textwrap-ref.py" <<'EOF'
import importlib.util, os, random, subprocess, sys, tempfile

bin, refpath = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("ref", refpath)
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)

WORDS = ("the quick brown fox jumps over a lazy dog and then it sleeps in warm sun "
         "hello there you goof-ball use option well-known look-a-like self-evident "
         "e-mail x-ray A-1 co-op re-enter 1990-2000 ---- foo--bar a--b "
         "end. stop! why? \"quoted.\" 'single.' Mr. etc. i.e. U.S.A. "
         "supercalifragilisticexpialidocious antidisestablishmentarianism "
         "http://example.com/a-long-path/with-hyphens-in-it -b --long-option "
         "_under_score_ num3rics 42 3.14 -- - -x x- a-b-c-d-e").split()
UNI = ("naïve café résumé Straße Ωμέγα ελληνικά русский текст 日本語 中文字符 한국어 "
       "e\u0301te\u0301 cafe\u0301 \u00a0nbsp\u00a0 thin\u2009space ideo\u3000space "
       "😀 👍🏽 🇫🇷 👨\u200d👩\u200d👧 x\u00adshy zero\u200bwidth élan-vital über-cool "
       "ﬁne ℌilbert ²³ Ⅻ ١٢٣ ⁂ — – ‘quote’ «guillemets» ").split()
PLACEHOLDERS = [" [...]", "...", " ~", "", " …", "[more]"]
INDENTS = ["", "", "  ", "> ", "* ", "\t", "--", "    "]


def gen_text(rng, words, nonascii=False):
    paras = []
    for _ in range(rng.randint(1, 4)):
        lines = []
        for _ in range(rng.randint(1, 5)):
            n = rng.randint(0, 14)
            parts = []
            for _ in range(n):
                w = rng.choice(words)
                if rng.random() < 0.04:
                    w = w * rng.randint(2, 5)
                parts.append(w)
                parts.append(rng.choice([" ", " ", " ", " ", "  ", "\t", " \t ", "   "]))
            line = "".join(parts).rstrip(" ")
            if rng.random() < 0.2:
                line = rng.choice(["  ", "\t", "    ", " "]) + line
            if rng.random() < 0.1:
                line += rng.choice([" ", "\t", "\r"])
            if line.strip(" \t\r\v\f") == "":
                line = rng.choice(words)
            lines.append(line)
        paras.append("\n".join(lines))
        paras.append("\n" * rng.randint(1, 3) + rng.choice(["", "", "  \n"]))
    text = "".join(paras)
    if rng.random() < 0.1:
        text = text.rstrip("\n")
    return text


def gen_opts(rng):
    args = []
    width = rng.choice([rng.randint(1, 12), rng.randint(5, 40), rng.randint(20, 90)])
    args.append("--width=%d" % width)
    ii = rng.choice(INDENTS)
    si = rng.choice(INDENTS)
    if rng.random() < 0.2:
        args.append("--indent=" + ii)
        si = ii
    else:
        if ii:
            args.append("--initial-indent=" + ii)
        if si:
            args.append("--subsequent-indent=" + si)
    if rng.random() < 0.2:
        args.append("--tabsize=%d" % rng.randint(0, 8))
    for flag, p in (("--no-expand-tabs", .15), ("--no-replace-whitespace", .15),
                    ("--fix-sentence-endings", .25), ("--no-break-long-words", .2),
                    ("--no-drop-whitespace", .15), ("--no-break-on-hyphens", .2),
                    ("--dedent", .15)):
        if rng.random() < p:
            args.append(flag)
    r = rng.random()
    if r < 0.12:
        args.append("--shorten")
    elif r < 0.3:
        args.append("--max-lines=%d" % rng.randint(0, 5))
    if ("--shorten" in args or any(a.startswith("--max-lines") for a in args)) and rng.random() < .5:
        args.append("--placeholder=" + rng.choice(PLACEHOLDERS))
    return args


def run_case(name, text, args, unit_args):
    kw, flags, _ = ref.parse(args)
    ii = kw.get("initial_indent", "")
    si = kw.get("subsequent_indent", "")
    width = kw.get("width", 70)
    # Ours is a usage error where Python fills anyway (or loops forever, when the indent is
    # two wider than the width): a width below an indent.
    if width < max(len(ii), len(si)):
        want, want_rc = b"", 2
    else:
        try:
            want = ref.fill(text, kw, flags).encode("utf-8", "surrogateescape")
            want_rc = 0
        except ValueError:
            want, want_rc = b"", 2
    data = text.encode("utf-8", "surrogateescape")
    try:
        p = subprocess.run([bin, "textwrap"] + unit_args + args, input=data, capture_output=True,
                           timeout=5)
    except subprocess.TimeoutExpired:
        print("FAIL textwrap-python %s: timed out: textwrap %s" % (name, " ".join(repr(a) for a in unit_args + args)))
        print("  input  %r" % text[:300])
        return False
    if p.returncode == want_rc and (want_rc != 0 or p.stdout == want):
        return True
    print("FAIL textwrap-python %s: textwrap %s" % (name, " ".join(repr(a) for a in unit_args + args)))
    print("  input  %r" % text[:300])
    print("  exit   %d, expected %d %s" % (p.returncode, want_rc, p.stderr.decode(errors="replace").strip()))
    print("  got    %r" % p.stdout[:400])
    print("  wanted %r" % want[:400])
    return False


passed = failed = 0
rng = random.Random(20261124)
for i in range(400):
    unit = ["--count=codepoints"] if i % 2 else []
    ok = run_case("ascii#%d" % i, gen_text(rng, WORDS), gen_opts(rng), unit)
    passed += ok
    failed += not ok
rng = random.Random(1124)
for i in range(150):
    text = gen_text(rng, WORDS + UNI * 2)
    if rng.random() < 0.2:
        text = text.replace("é", "\udce9", 1)   # an invalid byte, passed through
    ok = run_case("unicode#%d" % i, text, gen_opts(rng), ["--count=codepoints"])
    passed += ok
    failed += not ok
print("script textwrap-python: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
EOF
