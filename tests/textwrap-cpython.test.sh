#!/usr/bin/env bash
# textwrap-cpython.test.sh: CPython's own Lib/test/test_textwrap.py run against textwrap: its
# wrap/fill/shorten test classes with TextWrapper.wrap replaced by a call to the binary
# (--count=codepoints, the options from the wrapper's attributes). Skips when python3 or its
# test package is absent.
# usage: tests/textwrap-cpython.test.sh BINARY   prints "script textwrap-cpython: N passed, M failed"
bin=$1
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import test.test_textwrap' 2>/dev/null; then
	echo "SKIP textwrap-cpython: python3 or its test.test_textwrap absent"
	echo "script textwrap-cpython: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
exec python3 - "$bin" <<'EOF'
import subprocess, sys, textwrap, unittest
import test.test_textwrap as T

BIN = sys.argv[1]
Orig = textwrap.TextWrapper

# Cases that do not apply: internals (_split, chunk lists), texts with blank lines (ours are
# paragraph separators: an empty or all-blank text is an empty line), and widths below an
# indent (a usage error here, on purpose).
SKIP = {
    "test_split", "test_break_on_hyphens", "test_bad_width", "test_first_word_too_long_but_placeholder_fits",
}


class Shim(Orig):
    def wrap(self, text):
        # Python turns each line break into a space before anything else looks at it (tab
        # stops aside), so the text can come as one line, where blank lines mean nothing.
        if self.replace_whitespace and not (self.expand_tabs and "\t" in text):
            text = text.replace("\n", " ")
        if "\n\n" in text or any(l.strip(" \t\r\v\f") == "" for l in text.split("\n")):
            raise unittest.SkipTest("blank lines separate paragraphs here")
        if self.width < max(len(self.initial_indent), len(self.subsequent_indent)):
            raise unittest.SkipTest("width below the indent is a usage error here")
        args = [BIN, "textwrap", "--count=codepoints", "--width=%d" % self.width,
                "--initial-indent=" + self.initial_indent,
                "--subsequent-indent=" + self.subsequent_indent,
                "--tabsize=%d" % self.tabsize, "--placeholder=" + self.placeholder]
        for attr, flag in (("expand_tabs", "--no-expand-tabs"),
                           ("replace_whitespace", "--no-replace-whitespace"),
                           ("break_long_words", "--no-break-long-words"),
                           ("drop_whitespace", "--no-drop-whitespace"),
                           ("break_on_hyphens", "--no-break-on-hyphens")):
            if not getattr(self, attr):
                args.append(flag)
        if self.fix_sentence_endings:
            args.append("--fix-sentence-endings")
        if self.max_lines is not None:
            args.append("--max-lines=%d" % self.max_lines)
        p = subprocess.run(args, input=text.encode("utf-8", "surrogateescape"), capture_output=True)
        if p.returncode == 2:
            raise ValueError(p.stderr.decode())
        if p.returncode:
            raise RuntimeError(p.stderr.decode())
        out = p.stdout.decode("utf-8", "surrogateescape")
        assert out.endswith("\n")
        lines = out[:-1].split("\n")
        return [] if lines == [""] else lines


textwrap.TextWrapper = Shim
T.TextWrapper = Shim
loader = unittest.TestLoader()
suite = unittest.TestSuite()
for name in ("WrapTestCase", "MaxLinesTestCase", "LongWordTestCase", "LongWordWithHyphensTestCase",
             "ShortenTestCase"):
    cls = getattr(T, name, None)
    if cls is None:
        continue
    for t in loader.loadTestsFromTestCase(cls):
        if t._testMethodName not in SKIP:
            suite.addTest(t)


class Result(unittest.TextTestResult):
    pass


r = unittest.TextTestRunner(stream=sys.stdout if __import__("os").environ.get("V") else __import__("io").StringIO(), verbosity=int(__import__("os").environ.get("V", "0")), resultclass=Result).run(suite)
for t, tb in r.failures + r.errors:
    print("FAIL textwrap-cpython %s\n%s" % (t.id(), tb[-1500:]))
failed = len(r.failures) + len(r.errors)
skipped = len(r.skipped)
passed = r.testsRun - failed - skipped
print("script textwrap-cpython: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
sys.exit(1 if failed else 0)
EOF
