#!/usr/bin/env bash
# install.test.sh: make install/uninstall with PREFIX and DESTDIR put and remove exactly the
# binary, one symlink per applet and the man pages. Uses the tree's ./cookbox (skips if unbuilt).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0
if [ ! -x "$top/cookbox" ]; then
	echo "SKIP install.test.sh: ./cookbox is not built"
	echo "script install: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
dest=$(mktemp -d "${TMPDIR:-/tmp}/cookbox-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT
check() {	# check NAME COMMAND...
	local name=$1; shift
	if "$@" >/dev/null 2>&1; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL install: $name"; fi
}
make -s -C "$top" install PREFIX=/opt/cb DESTDIR="$dest" >/dev/null 2>&1
check "binary installed" test -x "$dest/opt/cb/bin/cookbox"
for a in $("$top/cookbox" --list); do
	check "$a is a relative symlink to cookbox" test "$(readlink "$dest/opt/cb/bin/$a")" = cookbox
	check "$a runs its applet" sh -c "'$dest/opt/cb/bin/$a' --version | grep -q '^$a (cookbox)'"
	check "$a.1 installed" test -f "$dest/opt/cb/share/man/man1/$a.1"
done
check "cookbox.1 installed" test -f "$dest/opt/cb/share/man/man1/cookbox.1"
make -s -C "$top" uninstall PREFIX=/opt/cb DESTDIR="$dest" >/dev/null 2>&1
check "uninstall leaves no file" test -z "$(find "$dest" ! -type d)"
echo "script install: $pass passed, $fail failed"
