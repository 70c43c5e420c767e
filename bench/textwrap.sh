#!/usr/bin/env bash
# bench/textwrap.sh BINARY [MB_EN] [MB_CJK]: textwrap against fold -s, fmt, par and Python's
# textwrap.fill per paragraph, width 70, on generated English (~50 MB) and CJK (~20 MB) text,
# in one run; 3 repetitions each, medians and ratios. Python runs on a tenth of the English
# text and a fifth of the CJK text; its time is scaled up (it is linear), and says so.
set -u
bin=$1 en_mb=${2:-50} cjk_mb=${3:-20} reps=${REPS:-3}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/textwrap-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" "$en_mb" "$cjk_mb" <<'EOF'
import random, sys
tmp, en_mb, cjk_mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(70)
words = ("the of and to a in is it that was he for on are as with his they at be this from "
         "have or by one had not but what all were when we there can an your which their said "
         "if do will each about how up out them then she many some so these would other into "
         "has more her two like him see time could no make than first been its who now people "
         "my made over did down only way find use may water long little very after words called "
         "just where most know get through back much before go good new write our used me man "
         "too any day same right look think also around another came come work three word must "
         "because does part even place well such here take why things help put years different "
         "well-known self-evident state-of-the-art supercalifragilisticexpialidocious").split()
def english(path, size):
    with open(path, "w") as f:
        n = 0
        while n < size:
            para = []
            for _ in range(rng.randint(2, 12)):
                line = " ".join(rng.choice(words) for _ in range(rng.randint(8, 14)))
                para.append(line[0].upper() + line[1:] + rng.choice([".", ",", "", "", ";"]))
            s = "\n".join(para) + "\n\n"
            f.write(s)
            n += len(s)
cjk = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)] + [chr(c) for c in range(0x3041, 0x3094)]
punct = "。、「」（）！？"
def chinese(path, size):
    with open(path, "w") as f:
        n = 0
        while n < size:
            para = []
            for _ in range(rng.randint(2, 8)):
                s = "".join(rng.choice(cjk) if rng.random() > .08 else rng.choice(punct)
                            for _ in range(rng.randint(20, 40)))
                para.append(s)
            s = "\n".join(para) + "\n\n"
            f.write(s)
            n += len(s.encode())
english(tmp + "/en.txt", en_mb << 20)
english(tmp + "/en-small.txt", (en_mb << 20) // 10)
chinese(tmp + "/cjk.txt", cjk_mb << 20)
chinese(tmp + "/cjk-small.txt", (cjk_mb << 20) // 5)
EOF
cat >"$tmp/py.py" <<'EOF'
import sys, textwrap
data = open(sys.argv[1], encoding="utf-8").read()
out = sys.stdout
for para in data.split("\n\n"):
    if para.strip():
        out.write(textwrap.fill(para, 70) + "\n\n")
EOF

# median SECONDS of REPS runs of a command (stdout to /dev/null)
median() {
	local i t0 t1 ts=()
	for ((i = 0; i < reps; i++)); do
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s.%N)
		ts+=("$(echo "$t1 - $t0" | bc)")
	done
	printf '%s\n' "${ts[@]}" | sort -n | sed -n "$(((reps + 1) / 2))p"
}

row() {	# row NAME SECONDS SIZE_MB REF_SECONDS
	printf '| %-34s | %8.3f s | %7.1f MB/s | %6.2fx |\n' "$1" "$2" "$(echo "$3 / $2" | bc -l)" "$(echo "$2 / $4" | bc -l)"
}

for set in en cjk; do
	f=$tmp/$set.txt
	mb=$(echo "$(stat -c %s "$f") / 1048576" | bc -l)
	small=$tmp/$set-small.txt
	scale=$(echo "$(stat -c %s "$f") / $(stat -c %s "$small")" | bc -l)
	echo
	echo "## $set: $(printf '%.1f' "$mb") MB, width 70, median of $reps (last column: that command's time over textwrap greedy's)"
	echo
	echo '| command | time | speed | vs greedy |'
	echo '|---|---|---|---|'
	g=$(median "$bin" textwrap -w 70 "$f")
	row "textwrap -w 70 (greedy)" "$g" "$mb" "$g"
	o=$(median "$bin" textwrap -w 70 --algorithm=optimal "$f")
	row "textwrap -w 70 --algorithm=optimal" "$o" "$mb" "$g"
	t=$(median fold -s -w 70 "$f"); row "fold -s -w 70" "$t" "$mb" "$g"
	t=$(median fmt -w 70 "$f"); row "fmt -w 70" "$t" "$mb" "$g"
	echo "| (fmt's time over optimal's: $(printf '%.2f' "$(echo "$t / $o" | bc -l)")x) | | | |"
	if command -v par >/dev/null 2>&1; then
		t=$(median sh -c 'par 70 <"$1"' sh "$f"); row "par 70" "$t" "$mb" "$g"
	fi
	if command -v python3 >/dev/null 2>&1; then
		t=$(median python3 "$tmp/py.py" "$small")
		t=$(echo "$t * $scale" | bc -l)
		row "python3 textwrap.fill (x$(printf '%.0f' "$scale") of 1/$(printf '%.0f' "$scale"))" "$t" "$mb" "$g"
		echo "| (Python's time over optimal's: $(printf '%.1f' "$(echo "$t / $o" | bc -l)")x) | | | |"
	fi
done
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores shared with other jobs: medians are noisy."
