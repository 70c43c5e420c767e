#!/usr/bin/env bash
# demo.sh: show what cookbox does on the sample input in examples/.
# usage: examples/demo.sh [BINARY]   (default ./cookbox)
set -eu
bin=$(cd "$(dirname "${1:-./cookbox}")" && pwd)/$(basename "${1:-./cookbox}")
here=$(cd "$(dirname "$0")" && pwd)
links=$(mktemp -d "${TMPDIR:-/tmp}/cookbox-demo.XXXXXX")
trap 'rm -rf "$links"' EXIT

show() { printf '\n$ %s\n' "$*"; "$@" || printf '(exit status %d)\n' "$?"; }

cd "$here"
echo "== cookbox $("$bin" --version | cut -d' ' -f2): one binary, one link per applet"
show "$bin" --list
show "$bin" --install -s "$links"
PATH=$links:$PATH
show ls "$links"
for a in $("$bin" --list); do
	# A subshell each, so that an applet's demo keeps its directory and traps to itself.
	if [ -f "$here/demo-$a.sh" ]; then
		(. "$here/demo-$a.sh")
	fi
done
