#!/usr/bin/env python3
"""textwrap-ref.py: the reference for cookbox textwrap: Python's textwrap.fill (or shorten)
on each paragraph (lines separated by blank lines), the options given as textwrap's own.
usage: textwrap-ref.py [--width N] [--initial-indent S] ... [FILE]  (the subset of textwrap's
options that mirror TextWrapper, plus --dedent and --shorten; --count=codepoints implied)"""
import sys
import textwrap

BLANK = " \t\r\v\f"


def parse(argv):
    kw, flags, files = {}, set(), []
    it = iter(argv)
    for a in it:
        name, eq, val = a.partition("=")
        if name in ("-w", "--width", "--initial-indent", "--subsequent-indent", "-i", "--indent",
                    "--tabsize", "--max-lines", "--placeholder", "--count") and not eq:
            val = next(it)
        if name in ("-w", "--width"):
            kw["width"] = int(val)
        elif name == "--initial-indent":
            kw["initial_indent"] = val
        elif name == "--subsequent-indent":
            kw["subsequent_indent"] = val
        elif name in ("-i", "--indent"):
            kw["initial_indent"] = kw["subsequent_indent"] = val
        elif name == "--tabsize":
            kw["tabsize"] = int(val)
        elif name == "--max-lines":
            kw["max_lines"] = int(val)
        elif name == "--placeholder":
            kw["placeholder"] = val
        elif name == "--count":
            pass
        elif name == "--no-expand-tabs":
            kw["expand_tabs"] = False
        elif name == "--no-replace-whitespace":
            kw["replace_whitespace"] = False
        elif name == "--fix-sentence-endings":
            kw["fix_sentence_endings"] = True
        elif name == "--no-break-long-words":
            kw["break_long_words"] = False
        elif name == "--no-drop-whitespace":
            kw["drop_whitespace"] = False
        elif name == "--no-break-on-hyphens":
            kw["break_on_hyphens"] = False
        elif name in ("--dedent", "--shorten"):
            flags.add(name)
        else:
            files.append(a)
    return kw, flags, files


def fill(text, kw, flags):
    """Our whole output for TEXT (a str, surrogateescape'd)."""
    kw = dict(kw)
    width = kw.pop("width", 70)
    if "--dedent" in flags:
        text = textwrap.dedent(text)
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    out, para = [], []

    def flush():
        if para:
            s = "\n".join(para)
            if "--shorten" in flags:
                out.append(textwrap.shorten(s, width, **kw) + "\n")
            else:
                out.append(textwrap.fill(s, width, **kw) + "\n")
        para.clear()

    for line in lines:
        if line.strip(BLANK) == "":
            flush()
            out.append("\n")
        else:
            para.append(line)
    flush()
    return "".join(out)


def main():
    kw, flags, files = parse(sys.argv[1:])
    data = open(files[0], "rb").read() if files else sys.stdin.buffer.read()
    try:
        res = fill(data.decode("utf-8", "surrogateescape"), kw, flags)
    except ValueError as e:
        print("textwrap-ref: %s" % e, file=sys.stderr)
        sys.exit(2)
    sys.stdout.buffer.write(res.encode("utf-8", "surrogateescape"))


if __name__ == "__main__":
    main()
