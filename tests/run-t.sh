#!/usr/bin/env bash
# run-t.sh: run data-driven CLI tests (tests/NAME.t) against a cookbox binary.
# usage: tests/run-t.sh BINARY FILE.t...   prints failures and "t FILE: N passed, M failed, K skipped"
#
# A .t file is a list of blocks; blank lines and lines starting with # are ignored:
#   === name                 starts a test
#   $ command                shell command, run by sh in a fresh empty directory (may repeat)
#   < line                   a line of stdin ("<" alone: an empty line); no "<" lines: /dev/null
#   > line                   a line of expected stdout (">" alone: an empty line)
#   2> line                  a line of expected stderr; none given: stderr must be empty
#   ? N                      expected exit status (default 0)
#   @ CMD                    skip the test (and say so) unless sh -c CMD succeeds
# Commands see PATH with a link per applet to BINARY first, and $COOKBOX, $DATA (tests/data),
# $SHARED (../shared, which may be absent) and $TESTS (tests/).
set -u
bin=$1; shift
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
tests=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$tests")
work=$(mktemp -d "${TMPDIR:-/tmp}/cookbox-t.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$bin" "$work/bin/cookbox"
for a in $("$bin" --list); do ln -s "$bin" "$work/bin/$a"; done
export PATH="$work/bin:$PATH" COOKBOX="$bin" DATA="$tests/data" SHARED="$top/../shared" TESTS="$tests"

run_file() {
	local file=$1 name="" cmd="" status=0 skipif="" have_in=0 pass=0 fail=0 skip=0 lineno=0 line
	: >"$work/in"; : >"$work/out"; : >"$work/err"

	finish() {
		[ -n "$name" ] || return 0
		if [ -n "$skipif" ] && ! (cd "$work" && sh -c "$skipif") >/dev/null 2>&1; then
			skip=$((skip + 1))
			echo "SKIP $file: $name (needs: $skipif)"
		else
			local d="$work/case" rc
			rm -rf "$d"; mkdir "$d"
			if [ $have_in = 1 ]; then
				(cd "$d" && timeout 120 sh -c "$cmd") <"$work/in" >"$work/got.out" 2>"$work/got.err"
			else
				(cd "$d" && timeout 120 sh -c "$cmd") </dev/null >"$work/got.out" 2>"$work/got.err"
			fi
			rc=$?
			if [ "$rc" = "$status" ] && cmp -s "$work/out" "$work/got.out" && cmp -s "$work/err" "$work/got.err"; then
				pass=$((pass + 1))
			else
				fail=$((fail + 1))
				echo "FAIL $file:$start: $name"
				printf '%s\n' "$cmd" | sed 's/^/  $ /'
				[ "$rc" = "$status" ] || echo "  exit status $rc, expected $status"
				cmp -s "$work/out" "$work/got.out" || diff -u "$work/out" "$work/got.out" | sed '1,2d; s/^/  stdout /' | head -40
				cmp -s "$work/err" "$work/got.err" || diff -u "$work/err" "$work/got.err" | sed '1,2d; s/^/  stderr /' | head -20
			fi
		fi
		name=""; cmd=""; status=0; skipif=""; have_in=0
		: >"$work/in"; : >"$work/out"; : >"$work/err"
	}

	while IFS= read -r line || [ -n "$line" ]; do
		lineno=$((lineno + 1))
		case $line in
		"=== "*) finish; name=${line#=== }; start=$lineno ;;
		'$ '*) cmd="${cmd:+$cmd
}${line#\$ }" ;;
		"<") printf '\n' >>"$work/in"; have_in=1 ;;
		"< "*) printf '%s\n' "${line#< }" >>"$work/in"; have_in=1 ;;
		">") printf '\n' >>"$work/out" ;;
		"> "*) printf '%s\n' "${line#> }" >>"$work/out" ;;
		"2>") printf '\n' >>"$work/err" ;;
		"2> "*) printf '%s\n' "${line#2> }" >>"$work/err" ;;
		"? "*) status=${line#? } ;;
		"@ "*) skipif=${line#@ } ;;
		""|"#"*) ;;
		*) echo "$file:$lineno: cannot parse: $line" >&2; fail=$((fail + 1)) ;;
		esac
	done <"$file"
	finish
	echo "t $(basename "$file"): $pass passed, $fail failed, $skip skipped"
}

for f in "$@"; do
	run_file "$f"
done
