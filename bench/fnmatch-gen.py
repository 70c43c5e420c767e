#!/usr/bin/env python3
"""fnmatch-gen.py DIR [LINES]: write DIR/paths.txt (file paths, fixed seed) and DIR/p1, p20,
p1000 (patterns, one per line), DIR/*.ere (grep -E equivalents) for bench/fnmatch.sh."""
import random, sys

out = sys.argv[1]
lines = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
rnd = random.Random(42)
dirs = ["src", "lib", "test", "tests", "docs", "build", "vendor", "node_modules", "pkg", "cmd",
        "internal", "include", "scripts", "tools", "assets", "img", ".git", "__pycache__",
        "app", "core", "util", "api", "web", "static"] + ["mod%d" % i for i in range(60)]
stems = ["main", "util", "test_io", "README", "Makefile", "index", "setup", "config", "app",
         "server", "client", "parser", "lexer", "io", "net", "db", "model", "view"] + \
        ["file%d" % i for i in range(300)]
exts = [".c", ".h", ".py", ".pyc", ".o", ".so", ".js", ".min.js", ".md", ".txt", ".go", ".rs",
        ".json", ".log", ".tmp", ".tar.gz", "", ".cc", ".java", ".html"] + \
       [".x%d" % i for i in range(200)]
with open(out + "/paths.txt", "w") as f:
    for _ in range(lines):
        depth = rnd.randint(0, 5)
        f.write("/".join(rnd.choice(dirs) for _ in range(depth)) + ("/" if depth else "") +
                rnd.choice(stems) + rnd.choice(exts) + "\n")

p1 = ["*/test_*.py"]
p20 = ["*.o", "*.pyc", "*.so", "build/*", "Makefile", "*~", "*.swp", "*/node_modules/*", "*.[ch]",
       "test_*.py", "*.log", "docs/*.md", "*/__pycache__/*", "*.tar.gz", "README*", "*.min.js",
       "vendor/*", "*.tmp", "*/.git/*", "[Mm]akefile.*"]
p1000 = list(p20)
p1000 += ["*.x%d" % i for i in range(0, 600, 3)] + ["*.e%d" % i for i in range(400)]
p1000 += ["file%d.txt" % i for i in range(0, 400, 2)]
p1000 += ["mod%d/*" % i for i in range(60)] + ["src/file%d*" % i for i in range(40)]
p1000 += ["*/mod%d/*_%d.py" % (i, i) for i in range(40)] + \
         ["*/mod%d/file?%d.[ch]" % (i, i) for i in range(40)]
p1000 = p1000[:1000]
while len(p1000) < 1000:
    p1000.append("*.y%d" % len(p1000))

def ere(p):
    r, i = "", 0
    while i < len(p):
        c = p[i]
        if c == "*":
            r += ".*"
        elif c == "?":
            r += "."
        elif c == "[":
            j = p.index("]", i + 1)
            r += p[i:j + 1].replace("[!", "[^")
            i = j
        elif c in ".+()|{}^$\\":
            r += "\\" + c
        else:
            r += c
        i += 1
    return r

for name, ps in (("p1", p1), ("p20", p20), ("p1000", p1000)):
    with open(out + "/" + name, "w") as f:
        f.write("".join(p + "\n" for p in ps))
    with open(out + "/" + name + ".ere", "w") as f:
        f.write("^(" + "|".join(ere(p) for p in ps) + ")$\n")
