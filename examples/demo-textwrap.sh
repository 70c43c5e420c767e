# demo-textwrap.sh: sourced by examples/demo.sh (show, $bin and the applet links are set).
echo
echo "== textwrap: Python's textwrap.fill, in terminal columns, CJK-aware"
show textwrap -w 40 textwrap-sample.txt
show textwrap -w 40 --count=codepoints textwrap-sample.txt
show textwrap -w 40 -a justify --algorithm=optimal -i '  ' textwrap-sample.txt
show textwrap --shorten -w 50 textwrap-sample.txt
